// Whether Claude Code has a credential of its own, asked of the real claude (`claude auth status --json`)
// in temporary HOMEs set up like fixtures/claude-code/trimmed/subscriber-credentials.json.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claudeHasCredential, parseLoggedIn } from '../../src/launcher/claude-credential.js';
import { CLAUDE_BIN } from '../support/e2e-run.js';

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

function home(files: Record<string, string> = {}): { env: NodeJS.ProcessEnv; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'oss-cred-'));
  homes.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
    chmodSync(join(dir, path), 0o600);
  }
  return { dir, env: { PATH: process.env.PATH, HOME: dir, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' } };
}

/** A binary that cannot run: the answer must then come without asking claude. */
const NO_CLAUDE = '/nonexistent/claude';

const LOGIN = JSON.stringify({
  claudeAiOauth: { accessToken: 'sk-ant-oat01-FAKE', refreshToken: 'sk-ant-ort01-FAKE', expiresAt: Date.now() + 3.15e11, scopes: ['user:inference', 'user:profile'], subscriptionType: 'max' },
});

describe('claudeHasCredential', () => {
  it.each(['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'CLAUDE_CODE_OAUTH_TOKEN'])('takes %s in the environment without asking claude', async (name) => {
    const { env, dir } = home();
    expect(await claudeHasCredential({ bin: NO_CLAUDE, env: { ...env, [name]: 'x' }, cwd: dir })).toBe(true);
  });

  it('takes a stored claude.ai login without asking claude', async () => {
    const { env, dir } = home({ '.claude/.credentials.json': LOGIN });
    expect(await claudeHasCredential({ bin: NO_CLAUDE, env, cwd: dir })).toBe(true);
  });

  it('asks claude about an apiKeyHelper, and claude says it is a credential', async () => {
    const { env, dir } = home({ '.claude/settings.json': JSON.stringify({ apiKeyHelper: 'echo sk-ant-helper-key' }) });
    expect(await claudeHasCredential({ bin: CLAUDE_BIN, env, cwd: dir })).toBe(true);
  }, 30_000);

  it('asks claude when there is nothing, and claude says there is no login', async () => {
    const { env, dir } = home({ '.claude/.credentials.json': JSON.stringify({ mcpOAuth: { server: { accessToken: 'not a login' } } }) });
    expect(await claudeHasCredential({ bin: CLAUDE_BIN, env, cwd: dir })).toBe(false);
  }, 30_000);

  it('takes a claude that cannot answer as having no credential', async () => {
    const { env, dir } = home();
    expect(await claudeHasCredential({ bin: NO_CLAUDE, env, cwd: dir })).toBe(false);
  });
});

describe('parseLoggedIn', () => {
  it('reads loggedIn from claude auth status --json, and nothing from other output', () => {
    expect(parseLoggedIn('{"loggedIn": true, "authMethod": "claude.ai"}')).toBe(true);
    expect(parseLoggedIn('{"loggedIn": false, "authMethod": "none"}')).toBe(false);
    expect(parseLoggedIn('error: unknown command auth')).toBeUndefined();
    expect(parseLoggedIn('{"authMethod": "none"}')).toBeUndefined();
  });
});
