// Which hook event a request serves, read from what Claude Code 2.1.332 sends for `type: "prompt"` and
// `type: "agent"` hooks (test/fixtures/claude-code/trimmed/hook-requests.json), and 2.1.200
// (test/fixtures/claude-code-releases/prompt-hook-2.1.200.json):
// - a system block opens with one of Claude Code's hook-judge prompts: "You are evaluating a hook in Claude
//   Code." (2.1.200: "You are evaluating a hook condition in Claude Code."), "You are evaluating a
//   stop-condition hook in Claude Code.", "You are evaluating a PreToolUse hook in Claude Code." (agent hooks
//   name the event), "You are verifying a stop condition in Claude Code.";
// - a user message carries the hook's input JSON (where the hook's prompt says $ARGUMENTS, else appended as
//   "ARGUMENTS: {…}"), whose "hook_event_name" names the event. Prompt hooks have it in the last user message
//   (after the transcript, for Stop), agent hooks in the first (later ones hold tool results).
// Nothing else marks a hook turn: no header, and `model` is Claude Code's small-fast model like any helper call.

const HOOK_JUDGE = /^You are (?:evaluating an? (?:(\w+) )?hook(?: condition)?|evaluating a stop-condition hook|verifying a stop condition) in Claude Code\./;
/** The input JSON's own key, not one quoted inside a string value (that one would be `\"hook_event_name\"`). */
const EVENT_IN_INPUT = /(?<!\\)"hook_event_name":"(\w+)"/;

interface Message {
  role?: unknown;
  content?: unknown;
}

export interface HookTurn {
  /** The hook event, when the request names it. */
  event?: string;
}

/** The hook turn a request is, or undefined for any other request. `systemTexts` are the `system` block texts. */
export function hookTurn(systemTexts: string[], messages: unknown): HookTurn | undefined {
  // Anchored at the start: a main-thread system prompt fails on its first characters.
  const judge = systemTexts.map((text) => HOOK_JUDGE.exec(text)).find((match) => match !== null);
  if (!judge) return undefined;
  const users = Array.isArray(messages) ? (messages as Message[]).filter((message) => message?.role === 'user') : [];
  for (const message of [users.at(-1), users[0]]) {
    const event = message && eventIn(message.content);
    if (event) return { event };
  }
  return judge[1] ? { event: judge[1] } : {};
}

function eventIn(content: unknown): string | undefined {
  if (typeof content === 'string') return EVENT_IN_INPUT.exec(content)?.[1];
  if (!Array.isArray(content)) return undefined;
  for (const block of content as Array<{ type?: unknown; text?: unknown }>) {
    if (block?.type !== 'text' || typeof block.text !== 'string') continue;
    const event = EVENT_IN_INPUT.exec(block.text)?.[1];
    if (event) return event;
  }
  return undefined;
}
