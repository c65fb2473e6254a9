// Which `claude` binary `oss run` starts. In order: `--claude-bin`, then OSS_CLAUDE_BIN, then PATH, then
// the `claude` in this package's own node_modules/.bin (the devDependency @anthropic-ai/claude-code), so
// `oss demo` works in a fresh clone after `npm ci` before Claude Code is installed globally.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OssError } from '../errors.js';

export const CLAUDE_INSTALL_COMMAND = 'npm install -g @anthropic-ai/claude-code';

/** src/launcher/ and dist/launcher/ are both two levels below the package root. */
const PACKAGE_CLAUDE = fileURLToPath(new URL('../../node_modules/.bin/claude', import.meta.url));

export interface FindClaudeOptions {
  /** `--claude-bin`. */
  claudeBin?: string;
  env: NodeJS.ProcessEnv;
  /** The last place looked; this package's own node_modules/.bin/claude unless a test says otherwise. */
  packageClaude?: string;
}

/** The path of the claude binary to run; an OssError with exit code 127 when there is none. */
export function findClaude(options: FindClaudeOptions): string {
  const explicit = options.claudeBin ?? (options.env.OSS_CLAUDE_BIN || undefined);
  if (explicit !== undefined) {
    if (isExecutable(explicit)) return explicit;
    const from = options.claudeBin !== undefined ? '--claude-bin' : 'OSS_CLAUDE_BIN';
    throw new OssError(`claude not found at ${explicit} (from ${from}): fix the path, or install Claude Code with \`${CLAUDE_INSTALL_COMMAND}\``, 127);
  }
  for (const dir of (options.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'claude');
    if (isExecutable(candidate)) return candidate;
  }
  const packageClaude = options.packageClaude ?? PACKAGE_CLAUDE;
  if (isExecutable(packageClaude)) return packageClaude;
  throw new OssError(`claude not found on PATH: install Claude Code with \`${CLAUDE_INSTALL_COMMAND}\`, or pass --claude-bin PATH`, 127);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
