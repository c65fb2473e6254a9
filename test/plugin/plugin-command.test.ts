// The repository is a Claude Code plugin named `oss`: the real `claude` binary, given `--plugin-dir <repo>`,
// expands `/oss:models list` from commands/models.md and sends it to the (scripted) Anthropic API.
import { afterEach, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { messagesText, start, type ScriptedServer } from '../support/scripted-anthropic-server.js';

const repo = resolve(import.meta.dirname, '..', '..');
const claudeBin = join(repo, 'node_modules', '.bin', 'claude');

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the oss Claude Code plugin', () => {
  it('expands /oss:models list into a prompt that runs `oss models list`', async () => {
    server = await start({ text: 'Here are your models.' });
    const home = await mkdtemp(join(tmpdir(), 'oss-plugin-home-'));
    const result = await execa(claudeBin, ['--plugin-dir', repo, '-p', '/oss:models list'], {
      cwd: home,
      env: {
        HOME: home,
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        ANTHROPIC_BASE_URL: server.url,
        ANTHROPIC_AUTH_TOKEN: 'x',
      },
      extendEnv: true,
      timeout: 90_000,
      reject: false,
    });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('Here are your models.');

    const expanded = server.requests
      .filter((request) => request.path === '/v1/messages')
      .map((request) => messagesText(request.body))
      .find((text) => text.includes('<command-name>/oss:models</command-name>'));
    expect(expanded).toBeDefined();
    expect(expanded).toContain('<command-args>list</command-args>');
    expect(expanded).toContain('oss models list');
    expect(expanded).not.toContain('$ARGUMENTS');
    expect(expanded).not.toContain('allowed-tools');
  }, 120_000);
});
