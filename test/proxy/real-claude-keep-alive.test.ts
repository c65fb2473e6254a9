// The real Claude Code 2.1.332 against the proxy's keep-alive: SSE comment lines before the first content
// event are accepted (the answer that follows them is printed), and a provider that never sends its headers
// is replaced by Claude behind those comments, within the configured headers timeout.
import { mkdirSync, mkdtempSync } from 'node:fs';
import type { Server, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { start, type ScriptedServer } from '../support/scripted-anthropic-server.js';
import { openAITextStream, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';
import type { UpstreamScript } from '../support/scripted-upstream.js';
import { planFor, startProxy, type StartedProxy } from '../support/proxy-harness.js';
import type { ProxyTuning } from '../../src/proxy/model-proxy.js';

const CLAUDE_BIN = join(process.cwd(), 'node_modules/.bin/claude');
const MODEL = 'openrouter/deepseek/deepseek-chat';

let provider: ScriptedUpstream | undefined;
let claude: ScriptedServer | undefined;
let running: StartedProxy | undefined;
let comments = 0;

afterEach(async () => {
  await running?.proxy.shutdown();
  await provider?.close();
  await claude?.close();
  running = provider = claude = undefined;
});

async function proxyFor(script: UpstreamScript, tuning: ProxyTuning): Promise<StartedProxy> {
  provider = await startOpenAIUpstream(script);
  claude = await start({ text: 'From Claude.' });
  running = await startProxy({
    plan: planFor(MODEL),
    env: { OPENROUTER_BASE_URL: provider.url, OPENROUTER_API_KEY: 'sk-or-key', ANTHROPIC_BASE_URL: claude.url },
    tuning: { pingIntervalMs: 200, ...tuning },
  });
  return running;
}

/** Runs claude -p against the proxy, counting the keep-alive comments the proxy wrote on the way. */
async function runClaude(proxy: StartedProxy): Promise<{ stdout: string; exitCode: number | undefined }> {
  const home = join(mkdtempSync(join(tmpdir(), 'oss-claude-')), 'home');
  mkdirSync(home, { recursive: true });
  const result = await execa(CLAUDE_BIN, ['-p', 'Say hello', '--permission-mode', 'default'], {
    cwd: home,
    extendEnv: false,
    reject: false,
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: home,
      ANTHROPIC_BASE_URL: proxy.proxy.baseUrl,
      ANTHROPIC_API_KEY: 'sk-ant-test',
      ANTHROPIC_MODEL: MODEL,
      ANTHROPIC_SMALL_FAST_MODEL: MODEL,
      CLAUDE_CODE_MAX_CONTEXT_TOKENS: '64000',
      CLAUDE_CODE_DISABLE_EXPERIMENTAL_BETAS: '1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      CLAUDE_CODE_MAX_RETRIES: '0',
    },
  });
  return { stdout: result.stdout.trim(), exitCode: result.exitCode };
}

/** Counts the keep-alive comments the proxy writes to its clients (observes its server; changes nothing). */
function countComments(proxy: StartedProxy): void {
  comments = 0;
  const server = (proxy.proxy as unknown as { app: { server: Server } }).app.server;
  server.on('request', (_req, res: ServerResponse) => {
    const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk === ': keep-alive\n\n') comments += 1;
      return write(chunk, ...rest);
    }) as typeof res.write;
  });
}

describe('real claude and keep-alive comments', () => {
  it('prints the answer a provider sends after a silence filled with keep-alive comments, without retrying', async () => {
    const proxy = await proxyFor(() => ({ ...openAITextStream(['Hello after ', 'the silence.']), delayMs: 1_500 }), {});
    countComments(proxy);
    const result = await runClaude(proxy);
    expect(result).toEqual({ stdout: 'Hello after the silence.', exitCode: 0 });
    expect(comments).toBeGreaterThan(0);
    expect(provider!.requests).toHaveLength(1);
    expect(claude!.requests).toHaveLength(0);
  }, 90_000);

  it('gets Claude\'s answer when the provider never sends headers: the proxy falls back behind keep-alive comments', async () => {
    const proxy = await proxyFor(() => ({ kind: 'never-answer' }), { timeouts: { streamHeadersMs: 1_500 } });
    countComments(proxy);
    const result = await runClaude(proxy);
    expect(result).toEqual({ stdout: 'From Claude.', exitCode: 0 });
    expect(comments).toBeGreaterThan(0);
    expect(provider!.requests).toHaveLength(1);
    expect(claude!.requests).toHaveLength(1);
    expect(claude!.requests[0]!.headers['x-api-key']).toBe('sk-ant-test');
    expect(proxy.fallbacks).toHaveLength(1);
  }, 90_000);
});
