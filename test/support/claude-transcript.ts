// The text of the last assistant message in the session transcript the real claude keeps under
// `$HOME/.claude/projects/<cwd>/<session>.jsonl`: what Claude Code took as the final answer, for tests whose
// claude writes its stdout straight to the terminal. Subagent and warmup transcripts (Claude Code 2.0 keeps them
// beside the session as agent-<id>.jsonl) are marked isSidechain and skipped: they are not the answer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface TranscriptLine {
  type?: string;
  isSidechain?: boolean;
  message?: { content?: unknown };
}

export function lastAssistantText(home: string): string | undefined {
  const projects = join(home, '.claude', 'projects');
  let last: string | undefined;
  for (const folder of readdirSync(projects)) {
    for (const file of readdirSync(join(projects, folder)).filter((name) => name.endsWith('.jsonl'))) {
      for (const line of readFileSync(join(projects, folder, file), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const entry = JSON.parse(line) as TranscriptLine;
        if (entry.type !== 'assistant' || entry.isSidechain === true || !Array.isArray(entry.message?.content)) continue;
        const texts = (entry.message.content as Array<{ type?: string; text?: string }>).filter((block) => block.type === 'text').map((block) => block.text ?? '');
        if (texts.length > 0) last = texts.join('');
      }
    }
  }
  return last;
}
