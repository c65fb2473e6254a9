// (c) and (d): a provider that is down. With fallback on, the request goes to Claude through the user's
// original ANTHROPIC_BASE_URL with the user's key, the notice is printed and the ledger marks the fallback.
// With fallback off, claude fails (non-zero) and shows the provider's own message.
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';
import { closedPort } from '../support/closed-port.js';
import { CLAUDE_BIN, makeProject, onlyDay, openAIProvider } from '../support/e2e-run.js';
import { start as startAnthropic } from '../support/scripted-anthropic-server.js';
import { openAIError, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('a failing provider (real claude)', () => {
  it('falls back to Claude at the user\'s own ANTHROPIC_BASE_URL, says so, and marks the fallback in the ledger', async () => {
    const anthropic = await startAnthropic({ text: 'Answered by Claude instead.' });
    cleanups.push(() => anthropic.close());
    const project = makeProject({ providers: { scripted: openAIProvider(`http://127.0.0.1:${await closedPort()}`) } });
    cleanups.push(() => project.remove());
    const io = capturedIO(
      project.env({ SCRIPTED_API_KEY: 'sk-scripted', ANTHROPIC_API_KEY: 'sk-ant-user', ANTHROPIC_BASE_URL: anthropic.url, CLAUDE_CODE_MAX_RETRIES: '0' }),
      project.dir,
    );
    const code = await main(['run', 'say hello', '--model', 'scripted/coder-1', '--fallback', '-p', '--claude-bin', CLAUDE_BIN], io);

    expect(code, io.stderrText()).toBe(0);
    const messages = anthropic.requests.filter((request) => request.path === '/v1/messages');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.headers['x-api-key']).toBe('sk-ant-user');
    expect(JSON.stringify(messages[0]?.headers)).not.toContain('sk-scripted');
    expect(io.stderrText()).toContain('falling back to Claude');
    const run = onlyDay(project.ledger()).adhoc;
    expect(run).toMatchObject({ requests: 1, fallbacks: 1 });
    // The Claude model that answered (Claude Code asked for scripted/coder-1, so Claude's default), priceable.
    expect(Object.keys(run?.models ?? {})).toEqual(['claude/claude-sonnet-5-5']);
    expect(io.stderrText()).toMatch(/oss: adhoc · claude\/claude-sonnet-5-5 · 1 request · .* · 1 fallback\n$/);
  }, 120_000);

  it('with --no-fallback, claude exits non-zero and shows the provider\'s message', async () => {
    const upstream = await startOpenAIUpstream(() => openAIError(401, 'Incorrect API key provided: sk-sc****ted.', {}, 'invalid_request_error', 'invalid_api_key'));
    cleanups.push(() => upstream.close());
    const project = makeProject({ providers: { scripted: openAIProvider(upstream.url) } });
    cleanups.push(() => project.remove());
    // A child process, so claude's stdout (where it prints API errors) can be read.
    const result = await execa('node', [join(process.cwd(), 'bin/oss.js'), 'run', 'say hello', '-m', 'scripted/coder-1', '--no-fallback', '-p', '--claude-bin', CLAUDE_BIN], {
      cwd: project.dir,
      env: project.env({ SCRIPTED_API_KEY: 'sk-scripted', ANTHROPIC_API_KEY: 'sk-ant-user', CLAUDE_CODE_MAX_RETRIES: '0' }),
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
      timeout: 110_000,
    });
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).not.toBe(0);
    expect(result.stdout).toContain('Incorrect API key provided');
    expect(result.stderr).not.toContain('falling back');
    expect(upstream.requests.length).toBeGreaterThan(0);
  }, 120_000);
});
