// The repository is a Claude Code plugin named `oss`: the real `claude` binary, given `--plugin-dir <repo>`,
// expands `/oss:models list` from commands/models.md and sends it to the (scripted) Anthropic API.
import { afterEach, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import matter from 'gray-matter';
import { mkdtemp, readFile } from 'node:fs/promises';
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
  it('expands /oss:models list into the body of commands/models.md with list as its arguments and no front matter', async () => {
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
    expect(result.stdout).toBe('Here are your models.');

    const prompts = server.requests.filter((request) => request.path === '/v1/messages').map((request) => messagesText(request.body));
    expect(prompts).toHaveLength(1);
    const sent = prompts[0]!;
    // Claude Code wraps the command in its own reminders; oss owns what runs from the command tags to its
    // environment section.
    const command = sent.slice(sent.indexOf('<command-message>'), sent.indexOf('\n\n# Environment\n'));
    const body = matter(await readFile(join(repo, 'commands', 'models.md'), 'utf8')).content.trim();
    expect(body).toContain('oss models $ARGUMENTS');
    expect(command).toBe(
      `<command-message>oss:models</command-message>\n<command-name>/oss:models</command-name>\n<command-args>list</command-args>\n\n${body.replaceAll('$ARGUMENTS', 'list')}`,
    );
  }, 120_000);
});
