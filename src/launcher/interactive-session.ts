// Interactive sessions through oss. Claude Code's closing hint (`claude --resume <id>`) would reopen the session
// on Anthropic's endpoint without the route plan, so after an interactive run oss prints its own line that
// reopens it through oss. To know the id, a new session is started with `--session-id <uuid>`; `--resume <id>`
// names it; after `--continue` it is the project's transcript written during the run.
import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { homeDir } from '../config/paths.js';

export interface SessionChoice {
  /** `oss run --resume <id>` */
  resume?: string;
  /** `oss run --continue` */
  continue?: boolean;
}

/** Where Claude Code keeps one project's transcripts: `~/.claude/projects/<cwd, every other char as ->`. */
export function transcriptDir(cwd: string, env: NodeJS.ProcessEnv): string {
  const configDir = env.CLAUDE_CONFIG_DIR || join(homeDir(env), '.claude');
  return join(configDir, 'projects', cwd.replace(/[^A-Za-z0-9]/g, '-'));
}

/** Arguments claude gets for the session, and the id oss will look for afterwards (unknown for --continue). */
export function sessionArgs(choice: SessionChoice, claudeArgs: readonly string[]): { args: string[]; sessionId?: string } {
  if (choice.resume !== undefined) return { args: ['--resume', choice.resume], sessionId: choice.resume };
  if (choice.continue) return { args: ['--continue'] };
  const userChose = claudeArgs.some((arg) => /^(--session-id|--resume|-r|--continue|-c)(=|$)/.test(arg));
  if (userChose) return { args: [] };
  const sessionId = randomUUID();
  return { args: ['--session-id', sessionId], sessionId };
}

/** The session the run used: the known id when its transcript exists, else the newest transcript since `since`. */
export function sessionAfterRun(cwd: string, env: NodeJS.ProcessEnv, sessionId: string | undefined, since: number): string | undefined {
  const dir = transcriptDir(cwd, env);
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
  } catch {
    return undefined;
  }
  if (sessionId !== undefined) return files.includes(`${sessionId}.jsonl`) ? sessionId : undefined;
  let newest: { id: string; mtime: number } | undefined;
  for (const name of files) {
    const mtime = statSync(join(dir, name)).mtimeMs;
    if (mtime >= since && (!newest || mtime > newest.mtime)) newest = { id: name.slice(0, -'.jsonl'.length), mtime };
  }
  return newest?.id;
}

/** `oss: to resume this session on the same routes: oss run --resume <id> --model <main>` */
export function resumeLine(sessionId: string, mainModel: string | undefined): string {
  return `oss: to resume this session through oss: oss run --resume ${sessionId}${mainModel ? ` --model ${mainModel}` : ''}\n`;
}
