// Which skill a request serves, read from what Claude Code 2.1.332 sends (test/fixtures/claude-code/
// trimmed/skill-requests.json). A skill invoked mid-run does not change the request's `model` (even with `model:` in
// its SKILL.md), so the conversation is the only sign:
// - the Skill tool: an assistant `tool_use` named `Skill` with `{skill: "<name>"}`, answered by "Launching
//   skill: <name>" and the skill's text. The skill's turn lasts until the user speaks again (a user message
//   with no tool_result), as Claude Code's own skill model override does;
// - typed by the user as a slash command: `<command-name>/<name></command-name>` in their message;
// - `context: fork`: a subagent whose first message opens "Base directory for this skill: <dir>" (the name
//   itself is not sent; the folder names it). The parent's requests after it ("Skill \"<name>\" completed
//   (forked execution)") are not the skill's: it has already run.
// Only the messages since the user last spoke are read, newest first.

export interface SkillTurn {
  name?: string;
  /** The skill's folder, when only that is known (a forked skill). */
  dir?: string;
}

interface Block {
  type?: unknown;
  id?: unknown;
  tool_use_id?: unknown;
  content?: unknown;
  name?: unknown;
  input?: unknown;
  text?: unknown;
}

const COMMAND_NAME = /<command-name>\/([^<\s]+)<\/command-name>/;
const BASE_DIR = 'Base directory for this skill: ';
const FORKED_RESULT = /^Skill "[^"]+" completed \(forked execution\)/;

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  const first = Array.isArray(content) ? (content as Block[]).find((block) => block?.type === 'text') : undefined;
  return typeof first?.text === 'string' ? first.text : '';
}

function blocksOf(content: unknown): Block[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return Array.isArray(content) ? (content as Block[]) : [];
}

export function skillTurn(messages: unknown): SkillTurn | undefined {
  if (!Array.isArray(messages)) return undefined;
  const forked = new Set<unknown>();
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index] as { role?: unknown; content?: unknown } | null;
    const blocks = blocksOf(message?.content);
    if (message?.role === 'assistant') {
      const invoked = blocks.findLast((block) => block?.type === 'tool_use' && block.name === 'Skill' && !forked.has(block.id));
      const name = (invoked?.input as { skill?: unknown } | undefined)?.skill;
      if (typeof name === 'string' && name !== '') return { name: name.replace(/^\//, '') };
    } else if (message?.role === 'user') {
      const results = blocks.filter((block) => block?.type === 'tool_result');
      if (results.length === 0) return fromUserMessage(blocks);
      for (const result of results) if (FORKED_RESULT.test(textOf(result.content))) forked.add(result.tool_use_id);
    }
  }
  return undefined;
}

/** The message where the user last spoke: a slash command they typed, or a forked skill's opening. */
function fromUserMessage(blocks: Block[]): SkillTurn | undefined {
  for (const block of blocks) {
    if (block?.type !== 'text' || typeof block.text !== 'string') continue;
    const typed = COMMAND_NAME.exec(block.text)?.[1];
    if (typed) return { name: typed };
  }
  for (const block of blocks) {
    if (block?.type === 'text' && typeof block.text === 'string' && block.text.startsWith(BASE_DIR)) {
      return { dir: block.text.slice(BASE_DIR.length).split('\n', 1)[0] };
    }
  }
  return undefined;
}
