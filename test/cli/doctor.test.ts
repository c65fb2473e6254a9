// `oss doctor` against the real claude with a temporary HOME: every check's line compared whole, for a clean
// setup and for one with a problem of each kind, and the same checks as JSON.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO, tempProject, type TempProject } from '../routing/temp-project.js';
import { CLAUDE_BIN } from '../support/e2e-run.js';
import { closedPort } from '../support/closed-port.js';
import { writeClaudeLogin } from '../support/fake-claude-login.js';

const json = (value: unknown) => JSON.stringify(value, null, 2);

async function doctor(p: TempProject, env: Record<string, string>, ...flags: string[]) {
  const io = captureIO(p.root, { PATH: process.env.PATH, HOME: p.home, OSS_HOME: p.ossHome, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', ...env });
  const code = await main(['doctor', '--claude-bin', CLAUDE_BIN, ...flags], io);
  return { code, out: io.out(), err: io.err() };
}

describe('oss doctor', () => {
  it('passes every check on a clean setup with an API key and no config', async () => {
    const p = tempProject();
    const result = await doctor(p, { ANTHROPIC_API_KEY: 'sk-ant-test' });
    expect([result.code, result.err]).toEqual([0, '']);
    expect(result.out).toBe(
      [
        `✓ claude 2.1.332 (${CLAUDE_BIN})`,
        '✓ Claude Code login: ANTHROPIC_API_KEY',
        '✓ environment: no conflicting ANTHROPIC_* variables',
        '✓ config: no config files (every prompt runs on Claude)',
        '✓ keys: no route needs a provider key',
        '✓ routes: every prompt runs on Claude',
        `✓ ledger: none yet (${join(p.ossHome, 'usage.json')} is written after the first proxied run)`,
        `✓ ${p.ossHome}: not created yet`,
        '',
      ].join('\n'),
    );
  }, 60_000);

  it('gives one ✗ line with its fix for each problem', async () => {
    const p = tempProject();
    const port = await closedPort();
    const project = p.write(
      '.oss/config.json',
      json({
        models: { background: 'gemini/gemini-2.0-flash', agent: {}, agents: { 'code-reviewer': 'ollama/codellama' }, commands: { 'oss:ship': 'openrouter/deepseek/deepseek-chat' } },
      }),
    );
    mkdirSync(p.ossHome, { recursive: true, mode: 0o755 });
    chmodSync(p.ossHome, 0o755);
    writeFileSync(join(p.ossHome, 'usage.json'), '{"broken');
    const result = await doctor(p, { ANTHROPIC_AUTH_TOKEN: 'token', ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}/old-secret`, OLLAMA_HOST: `http://127.0.0.1:${port}` });
    expect(result.code).toBe(1);
    expect(result.out.split('\n').slice(2)).toEqual([
      '✗ environment: both ANTHROPIC_API_KEY and ANTHROPIC_AUTH_TOKEN are set (Claude Code sends only one of them) → unset the one you do not mean to use',
      `✗ environment: ANTHROPIC_BASE_URL=http://127.0.0.1:${port} (loopback) does not answer: likely left over from an earlier proxy → \`unset ANTHROPIC_BASE_URL\` (oss sets it per run itself)`,
      `✗ config: ${project}: models.agent is not an oss setting (did you mean models.agents?); it is ignored → rename it to models.agents`,
      '✗ key for gemini: none (used by background) → `oss models keys set gemini`, or set GEMINI_API_KEY or GOOGLE_API_KEY',
      '✗ key for openrouter: none (used by /oss:ship) → `oss models keys set openrouter`, or set OPENROUTER_API_KEY',
      `✗ Ollama: not reachable at http://127.0.0.1:${port} (used by agent code-reviewer) → start it with \`ollama serve\`, or set OLLAMA_HOST / providers.ollama.baseUrl`,
      '✗ route background → gemini/gemini-2.0-flash: retired on 2026-06-01 → pick another with `oss models search gemini`',
      '✗ route agent code-reviewer → ollama/codellama: no tool support and a 16,384-token context window (Claude Code needs tools and 32k) → pick another with `oss models search tools`',
      `✗ ledger: ${join(p.ossHome, 'usage.json')} is not readable (not valid JSON) → move it aside (\`mv ${join(p.ossHome, 'usage.json')} ${join(p.ossHome, 'usage.json')}.bad\`); the next run starts a new one`,
      `✗ ${p.ossHome}: mode 755, readable by others → \`chmod 700 ${p.ossHome}\``,
      '',
    ]);
  }, 60_000);

  it('flags a Claude Code older than the tested releases, with the install command of the newest tested one', async () => {
    const p = tempProject();
    const pkg = join(p.root, 'old-claude', 'node_modules', '@anthropic-ai', 'claude-code');
    mkdirSync(join(pkg, 'bin'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), json({ name: '@anthropic-ai/claude-code', version: '1.0.0' }));
    const bin = join(pkg, 'bin', 'claude');
    writeFileSync(bin, `#!/bin/sh\necho '{"loggedIn":true}'\n`);
    chmodSync(bin, 0o755);
    const io = captureIO(p.root, { PATH: process.env.PATH, HOME: p.home, OSS_HOME: p.ossHome });
    await main(['doctor', '--claude-bin', bin], io);
    expect(io.out().split('\n').slice(0, 2)).toEqual([
      `✗ claude 1.0.0 (${bin}) is older than the releases oss is tested with (2.0.77 to 2.1.332) → \`npm install -g @anthropic-ai/claude-code@2.1.332\``,
      '✓ Claude Code login: its own (claude.ai login or apiKeyHelper)',
    ]);
  });

  it('names a project file whose provider settings are ignored until trusted', async () => {
    const p = tempProject();
    const file = p.write('.oss/config.json', json({ providers: { ollama: { baseUrl: 'http://127.0.0.1:9' } } }));
    const result = await doctor(p, { ANTHROPIC_API_KEY: 'sk-ant-test' });
    expect(result.out.split('\n')[3]).toBe(
      `✗ config: ignoring providers.ollama.baseUrl in ${file} (it is not trusted; a project file may choose models but not where requests and keys go) → review it, then \`oss trust ${file}\``,
    );
  }, 60_000);

  it('says how to log in when Claude Code has no credential, sees a stored claude.ai login, and says how to install claude when there is none (--json)', async () => {
    const p = tempProject();
    const loggedOut = await doctor(p, {});
    expect(loggedOut.out.split('\n')[1]).toBe(
      '✗ Claude Code login: none (Claude routes and fallback to Claude will not work) → run `claude /login` (subscription) or set ANTHROPIC_API_KEY',
    );
    writeClaudeLogin(p.home);
    const subscriber = await doctor(p, {});
    expect(subscriber.out.split('\n')[1]).toBe('✓ Claude Code login: its own (claude.ai login or apiKeyHelper)');
    const io = captureIO(p.root, { PATH: '/nonexistent', HOME: p.home, OSS_HOME: p.ossHome });
    const code = await main(['doctor', '--json', '--claude-bin', join(p.root, 'no-claude')], io);
    const report = JSON.parse(io.out()) as { ok: boolean; checks: unknown[] };
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.checks.slice(0, 2)).toEqual([
      { id: 'claude', ok: false, detail: `claude: claude not found at ${join(p.root, 'no-claude')} (from --claude-bin)`, fix: 'install Claude Code with `npm install -g @anthropic-ai/claude-code`, or pass --claude-bin PATH' },
      { id: 'claude-login', ok: false, detail: 'Claude Code login: unknown (no claude to ask)', fix: 'install Claude Code first' },
    ]);
  }, 60_000);
});
