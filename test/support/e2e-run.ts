// Shared set-up for end-to-end tests that run the real claude binary through `oss run`: a temporary project
// (with .oss/config.json and any .claude files), a temporary HOME and OSS_HOME, and the ledger it leaves.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { OssConfig } from '../../src/config/config-types.js';
import type { Ledger } from '../../src/usage/ledger.js';
import { hashConfigText } from '../../src/config/trust-store.js';

/**
 * The claude binary the end-to-end tests run: the devDependency @anthropic-ai/claude-code, unless the version
 * matrix (scripts/claude-version-matrix.mjs) points OSS_E2E_CLAUDE_BIN at another installed release.
 */
export const CLAUDE_BIN = process.env.OSS_E2E_CLAUDE_BIN || join(process.cwd(), 'node_modules/.bin/claude');

export interface E2eProject {
  root: string;
  /** The project folder: claude's working directory. */
  dir: string;
  home: string;
  ossHome: string;
  /** A clean environment for oss (and so claude): only PATH, HOME, OSS_HOME and what the test adds. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  /** The whole ledger, or {} when nothing was written. */
  ledger(): Ledger;
  remove(): void;
}

/**
 * Records `file` as trusted in `ossHome`, as `oss trust` would: the project configs these tests write are
 * the user's own. Tests of untrusted configs pass `{ trusted: false }` to makeProject.
 */
export function trustFileSync(ossHome: string, file: string): void {
  mkdirSync(ossHome, { recursive: true, mode: 0o700 });
  const store = join(ossHome, 'trusted.json');
  let files: Record<string, unknown> = {};
  try {
    files = (JSON.parse(readFileSync(store, 'utf8')) as { files: Record<string, unknown> }).files;
  } catch {
    // no store yet
  }
  files[file] = { sha256: hashConfigText(readFileSync(file, 'utf8')), trusted_at: new Date().toISOString() };
  writeFileSync(store, JSON.stringify({ files }, null, 2), { mode: 0o600 });
}

export function makeProject(config: OssConfig, files: Record<string, string> = {}, options: { trusted?: boolean } = {}): E2eProject {
  const root = mkdtempSync(join(tmpdir(), 'oss-e2e-'));
  const dir = join(root, 'project');
  const home = join(root, 'home');
  const ossHome = join(home, '.oss');
  mkdirSync(join(dir, '.oss'), { recursive: true });
  mkdirSync(home, { recursive: true });
  writeFileSync(join(dir, '.oss', 'config.json'), JSON.stringify(config, null, 2));
  if (options.trusted !== false) trustFileSync(ossHome, join(dir, '.oss', 'config.json'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return {
    root,
    dir,
    home,
    ossHome,
    env: (extra = {}) => ({
      PATH: process.env.PATH,
      HOME: home,
      OSS_HOME: ossHome,
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      ...extra,
    }),
    ledger: () => {
      try {
        return JSON.parse(readFileSync(join(ossHome, 'usage.json'), 'utf8')) as Ledger;
      } catch {
        return {};
      }
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The one day's entry of a ledger written by a test (tests run within one day). */
export function onlyDay(ledger: Ledger): Ledger[string] {
  const days = Object.values(ledger);
  if (days.length !== 1 || !days[0]) throw new Error(`expected one ledger day, found ${days.length}`);
  return days[0];
}

/** `{type:'openai'}` provider config pointing at a scripted upstream's `/v1`. */
export function openAIProvider(url: string): { type: 'openai'; baseUrl: string; apiKeyEnv: string } {
  return { type: 'openai', baseUrl: `${url}/v1`, apiKeyEnv: 'SCRIPTED_API_KEY' };
}

/**
 * The model variables `oss run` gives claude for a non-Claude main and background: every alias on main, the
 * small/fast ones on background, main's context window, and no tool search (only Anthropic serves it).
 */
export function claudeModelEnv(main: string, background: string, contextWindow: number): Record<string, string> {
  return {
    ANTHROPIC_MODEL: main,
    ANTHROPIC_DEFAULT_OPUS_MODEL: main,
    ANTHROPIC_DEFAULT_SONNET_MODEL: main,
    ANTHROPIC_DEFAULT_FABLE_MODEL: main,
    ANTHROPIC_DEFAULT_HAIKU_MODEL: background,
    ANTHROPIC_SMALL_FAST_MODEL: background,
    CLAUDE_CODE_MAX_CONTEXT_TOKENS: String(contextWindow),
    ENABLE_TOOL_SEARCH: 'false',
  };
}
