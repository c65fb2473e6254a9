// oss's status line for a proxied run, supplied through Claude Code's own `statusLine` setting as a
// `--settings` JSON string (Claude Code's flag settings): no settings file of the user's is written. Flag
// settings override the user's files, so the setting is added only when no settings file Claude Code would
// read for this run has a `statusLine` and the user passed no `--settings` of their own. A user with their own
// status line calls `oss statusline` from it (README). The command is this very oss (node + bin/oss.js, by
// absolute path), so it works without oss on PATH.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { homeDir } from '../config/paths.js';
import { readOptionalFile } from '../config/read-optional-file.js';

export interface StatusLineInput {
  /** The user's environment (HOME, CLAUDE_CONFIG_DIR). */
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The user's own arguments for claude. */
  claudeArgs: string[];
  /** `claude -p`: no screen, so no status line. */
  print: boolean;
}

/** `node /…/bin/oss.js statusline`, quoted for the shell Claude Code runs it with. */
export function statusLineCommand(): string {
  const bin = fileURLToPath(new URL('../../bin/oss.js', import.meta.url));
  return `${shellQuote(process.execPath)} ${shellQuote(bin)} statusline`;
}

/** `['--settings', '{"statusLine":…}']`; [] for `-p`, or when the user has a status line (or settings) of their own. */
export async function statusLineArgs(input: StatusLineInput): Promise<string[]> {
  if (input.print || input.claudeArgs.some((arg) => arg === '-p' || arg === '--print')) return [];
  if (input.claudeArgs.some((arg) => arg === '--settings' || arg.startsWith('--settings='))) return [];
  for (const file of settingsFiles(input.env, input.cwd)) {
    if (await hasStatusLine(file)) return [];
  }
  return ['--settings', JSON.stringify({ statusLine: { type: 'command', command: statusLineCommand(), padding: 0 } })];
}

/** The user's settings, then each project's `.claude/settings{,.local}.json` from cwd up to the repository root. */
export function settingsFiles(env: NodeJS.ProcessEnv, cwd: string): string[] {
  const home = resolve(homeDir(env));
  const files = [join(env.CLAUDE_CONFIG_DIR ? resolve(env.CLAUDE_CONFIG_DIR) : join(home, '.claude'), 'settings.json')];
  let dir = resolve(cwd);
  while (dir !== home) {
    files.push(join(dir, '.claude', 'settings.json'), join(dir, '.claude', 'settings.local.json'));
    const parent = dirname(dir);
    if (parent === dir || existsSync(join(dir, '.git'))) break;
    dir = parent;
  }
  return files;
}

/** A file Claude Code cannot parse gives it no status line either, so only a parsed `statusLine` counts. */
async function hasStatusLine(file: string): Promise<boolean> {
  let text: string | undefined;
  try {
    text = await readOptionalFile(file);
  } catch {
    return false;
  }
  if (text === undefined) return false;
  try {
    const settings = JSON.parse(text) as { statusLine?: unknown } | null;
    return settings?.statusLine !== undefined && settings.statusLine !== null;
  } catch {
    return false;
  }
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
