// `oss statusline`, the command Claude Code runs for its status line: with a live run it prints one line of
// that run's totals read from the proxy; without one (no OSS_STATUS_URL, a proxy that is gone, a URL that is not
// loopback) it prints nothing and exits 0. Claude Code's own status-line JSON (recorded) is on its stdin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';
import { closedPort } from '../support/closed-port.js';
import { closeAfterEach, HELLO, planFor, type StartedProxy } from '../support/proxy-harness.js';
import { openAITextStream, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';

const CLAUDE_STATUS_INPUT = readFileSync(join(import.meta.dirname, '../fixtures/claude-code/status-line-input.json'), 'utf8');

const session = closeAfterEach();

/** Runs `oss statusline` in-process with Claude Code's JSON on stdin. */
async function statusline(env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  const io = capturedIO(env, process.cwd());
  const stdin = new PassThrough();
  stdin.end(CLAUDE_STATUS_INPUT);
  const code = await main(['statusline'], { ...io, stdin });
  return { code, out: io.stdoutText(), err: io.stderrText() };
}

/** A proxy whose main and background routes are priced OpenAI-compatible models, after one request on each. */
async function liveRun(): Promise<StartedProxy> {
  const upstream = await startOpenAIUpstream((request) =>
    (request.body as { model?: string }).model === 'coder-mini'
      ? openAITextStream(['ok'], { prompt: 1000, completion: 200 })
      : openAITextStream(['ok'], { prompt: 800, completion: 30 }),
  );
  session.later(() => upstream.close());
  const running = await session.startProxy({
    plan: {
      ...planFor('scripted/coder-1'),
      background: { model: 'scripted/coder-mini', source: 'user' },
      budget: { run: { usd: 0.5, setBy: '--max-cost', raise: '' }, daily: { usd: 5, setBy: 'config', raise: '' } },
    },
    config: {
      providers: { scripted: { type: 'openai', baseUrl: `${upstream.url}/v1`, apiKeyEnv: 'K' } },
      pricing: { 'scripted/coder-1': { input: 1, output: 1 }, 'scripted/coder-mini': { input: 1, output: 1 } },
    },
    env: { K: 'sk', OSS_HOME: join(process.env.HOME ?? '', '.oss') },
  });
  await (await running.post('/v1/messages', HELLO)).text();
  await (await running.post('/v1/messages', { ...HELLO, model: 'scripted/coder-mini' })).text();
  return running;
}

describe('oss statusline', () => {
  it('prints the live run\'s main model, requests and tokens per route, dollars against both caps', async () => {
    const live = await liveRun();
    expect(await statusline({ OSS_STATUS_URL: live.proxy.statusUrl })).toEqual({
      code: 0,
      out: 'oss: scripted/coder-1 · main 1 req 830 tok · background 1 req 1.2k tok · $0.0020 of $0.50 · today $0.0020 of $5.00\n',
      err: '',
    });
  });

  it('prints the same line when Claude Code runs it as a command with its JSON piped in', async () => {
    const live = await liveRun();
    const result = await execa('node', [join(process.cwd(), 'bin/oss.js'), 'statusline'], {
      env: { PATH: process.env.PATH, OSS_STATUS_URL: live.proxy.statusUrl },
      extendEnv: false,
      input: CLAUDE_STATUS_INPUT,
      reject: false,
    });
    expect([result.exitCode, result.stdout, result.stderr]).toEqual([
      0,
      'oss: scripted/coder-1 · main 1 req 830 tok · background 1 req 1.2k tok · $0.0020 of $0.50 · today $0.0020 of $5.00',
      '',
    ]);
  });

  it('prints nothing and exits 0 outside a run', async () => {
    expect(await statusline({})).toEqual({ code: 0, out: '', err: '' });
  });

  it('prints nothing and exits 0 when the run\'s proxy is gone', async () => {
    const port = await closedPort();
    expect(await statusline({ OSS_STATUS_URL: `http://127.0.0.1:${port}/secret/oss/status` })).toEqual({ code: 0, out: '', err: '' });
  });

  it('asks nothing but the loopback proxy: any other URL prints nothing', async () => {
    expect(await statusline({ OSS_STATUS_URL: 'http://example.invalid/oss/status' })).toEqual({ code: 0, out: '', err: '' });
  });
});
