// Which Claude Code release `oss run` is about to start, and whether oss was tested with it
// (docs/compatibility.md). Finding out must not slow start-up: the version is read from the install itself
// (the npm package's package.json beside the binary, or the native installer's versions/<semver> file name),
// which takes well under a millisecond; only a binary that shows neither is asked `claude --version`, and that
// runs while the proxy starts, with a short grace after it (bench/claude-version-probe.mjs measures both).
// `oss doctor` reports the same check through checkClaudeVersion().
import { readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
// Only the semver functions used here: the whole package costs start-up time for nothing.
import coerce from 'semver/functions/coerce.js';
import gte from 'semver/functions/gte.js';
import lt from 'semver/functions/lt.js';
import major from 'semver/functions/major.js';
import minor from 'semver/functions/minor.js';
import valid from 'semver/functions/valid.js';

/** The releases the end-to-end suite passes on (scripts/claude-version-matrix.mjs, docs/compatibility.md). */
export const TESTED_CLAUDE_VERSIONS = ['2.0.77', '2.1.200', '2.1.332'] as const;
export const OLDEST_TESTED_CLAUDE: string = TESTED_CLAUDE_VERSIONS[0];
export const NEWEST_TESTED_CLAUDE: string = TESTED_CLAUDE_VERSIONS.at(-1) ?? OLDEST_TESTED_CLAUDE;
/** Newer patches of the newest tested minor version (2.1.x) count as tested; 2.2.0 does not. */
const NEWEST_TESTED_MINOR = `${major(NEWEST_TESTED_CLAUDE)}.${minor(NEWEST_TESTED_CLAUDE)}`;
const FIRST_UNTESTED_MINOR = `${major(NEWEST_TESTED_CLAUDE)}.${minor(NEWEST_TESTED_CLAUDE) + 1}.0`;

const CLAUDE_PACKAGE = '@anthropic-ai/claude-code';
const UPDATE_COMMAND = `npm install -g ${CLAUDE_PACKAGE}`;
/** How far above the binary a package.json may sit (node_modules/@anthropic-ai/claude-code/bin/claude.exe). */
const PACKAGE_LEVELS = 3;
/** How long `claude --version` may take at most. */
const VERSION_COMMAND_TIMEOUT_MS = 5_000;

export interface ClaudeVersion {
  version: string;
  /** Where it was read: the package's package.json, the install path, or `claude --version`. */
  from: 'package.json' | 'path' | '--version';
}

export type ClaudeVersionStatus = 'tested' | 'older' | 'newer' | 'unknown';

export interface ClaudeVersionCheck {
  bin: string;
  version?: ClaudeVersion;
  status: ClaudeVersionStatus;
  /** The one line `oss run` prints (without its newline) when the status is older or newer. */
  warning?: string;
}

/** The version the install itself shows, from files only (no process): undefined when it shows none. */
export function versionFromInstall(bin: string): ClaudeVersion | undefined {
  let real: string;
  try {
    real = realpathSync(bin);
  } catch {
    return undefined;
  }
  let dir = dirname(real);
  for (let level = 0; level < PACKAGE_LEVELS; level += 1) {
    const version = packageVersion(join(dir, 'package.json'));
    if (version) return { version, from: 'package.json' };
    dir = dirname(dir);
  }
  // The native installer keeps ~/.local/share/claude/versions/<version>; Homebrew's cask <version>/claude.
  for (const name of [basename(real), basename(dirname(real))]) {
    const version = valid(name);
    if (version) return { version, from: 'path' };
  }
  return undefined;
}

/** `claude --version` ("2.1.332 (Claude Code)"): undefined when it fails, hangs or prints no version. */
/**
 * What `claude --version` prints when it exits 0, else ''. node:child_process rather than execa: this runs
 * on every launch, and execa costs more to load than the call.
 */
function versionOutput(bin: string, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(bin, ['--version'], { env, stdio: ['ignore', 'pipe', 'ignore'], timeout: VERSION_COMMAND_TIMEOUT_MS, ...(signal ? { signal } : {}) });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (part: string) => (stdout += part));
    child.once('error', () => resolve(''));
    child.once('close', (code) => resolve(code === 0 ? stdout : ''));
  });
}

export async function versionFromCommand(bin: string, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<ClaudeVersion | undefined> {
  try {
    const stdout = await versionOutput(bin, env, signal);
    const match = /\b(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\b/.exec(stdout);
    return match?.[1] ? { version: match[1], from: '--version' } : undefined;
  } catch {
    return undefined;
  }
}

/** From the install when it shows the version, else from `claude --version`. */
export async function probeClaudeVersion(bin: string, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<ClaudeVersion | undefined> {
  return versionFromInstall(bin) ?? (await versionFromCommand(bin, env, signal));
}

export function claudeVersionStatus(version: string | undefined): ClaudeVersionStatus {
  const parsed = version === undefined ? null : coerce(version);
  if (!parsed) return 'unknown';
  if (lt(parsed, OLDEST_TESTED_CLAUDE)) return 'older';
  if (gte(parsed, FIRST_UNTESTED_MINOR)) return 'newer';
  return 'tested';
}

/** The one line for a release outside the tested range; undefined inside it or when the version is unknown. */
export function claudeVersionWarning(bin: string, version: string | undefined): string | undefined {
  switch (claudeVersionStatus(version)) {
    case 'older':
      return `oss: Claude Code ${version} (${bin}) is older than ${OLDEST_TESTED_CLAUDE}, the oldest release oss is tested with; running it anyway. If subagents or helper calls land on the wrong model, update it: \`${UPDATE_COMMAND}\``;
    case 'newer':
      return `oss: Claude Code ${version} (${bin}) is newer than ${NEWEST_TESTED_MINOR}.x, the newest release oss is tested with; running it anyway. If subagents or helper calls land on the wrong model, use \`${UPDATE_COMMAND}@${NEWEST_TESTED_CLAUDE}\``;
    default:
      return undefined;
  }
}

/** The whole check for one binary, as `oss doctor` reports it. */
export async function checkClaudeVersion(bin: string, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<ClaudeVersionCheck> {
  return describeVersion(bin, await probeClaudeVersion(bin, env, signal));
}

export function describeVersion(bin: string, version: ClaudeVersion | undefined): ClaudeVersionCheck {
  const warning = claudeVersionWarning(bin, version?.version);
  return { bin, ...(version ? { version } : {}), status: claudeVersionStatus(version?.version), ...(warning ? { warning } : {}) };
}

/**
 * A probe started beside the proxy: `settle(graceMs)` gives its check, waiting at most graceMs more for a
 * `claude --version` still running (then it is stopped and the status is unknown, so start-up never waits on it).
 */
export interface ClaudeVersionProbe {
  settle(graceMs: number): Promise<ClaudeVersionCheck>;
  /** Stops a `claude --version` still running (a launch that failed before settle): no process is left. */
  stop(): void;
}

export function startClaudeVersionProbe(bin: string, env: NodeJS.ProcessEnv): ClaudeVersionProbe {
  const fromInstall = versionFromInstall(bin);
  if (fromInstall) return { settle: () => Promise.resolve(describeVersion(bin, fromInstall)), stop: () => undefined };
  const abort = new AbortController();
  const running = versionFromCommand(bin, env, abort.signal);
  return {
    stop: () => abort.abort(),
    async settle(graceMs) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), graceMs);
      });
      const version = await Promise.race([running, late]);
      clearTimeout(timer);
      abort.abort();
      return describeVersion(bin, version);
    },
  };
}

function packageVersion(file: string): string | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
    return parsed.name === CLAUDE_PACKAGE && typeof parsed.version === 'string' ? parsed.version : undefined;
  } catch {
    return undefined;
  }
}
