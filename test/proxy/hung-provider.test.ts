// A provider that hangs is given up on quickly and honestly: no response headers within the configured time
// counts as failed, timeouts are not retried before falling back, and until the first content event Claude
// Code's connection is held open with SSE comment lines only, so a provider that answers 200 and then stalls
// can still be replaced by Claude. Requests queued for a pool connection are kept alive the same way.
// Timings are shortened through the proxy's tuning and the provider's config; nothing here waits 30 s.
import { afterEach, describe, expect, it } from 'vitest';
import { start, type ScriptedHandler, type ScriptedServer } from '../support/scripted-anthropic-server.js';
import { openAITextStream, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';
import type { UpstreamScript } from '../support/scripted-upstream.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { FROM_CLAUDE, usageEvent } from '../support/expected-messages.js';
import { HELLO, planFor, startProxy, withoutTimings, type StartedProxy } from '../support/proxy-harness.js';
import type { OssConfig } from '../../src/config/config-types.js';
import type { ProxyTuning } from '../../src/proxy/model-proxy.js';

let provider: ScriptedUpstream | undefined;
let claude: ScriptedServer | undefined;
let running: StartedProxy | undefined;

afterEach(async () => {
  await running?.proxy.shutdown();
  await provider?.close();
  await claude?.close();
  running = provider = claude = undefined;
});

const OPENROUTER = 'openrouter/deepseek/deepseek-chat';
const USER = { 'x-api-key': 'sk-ant-user' };

interface Setup {
  fallback?: boolean;
  tuning?: ProxyTuning;
  config?: OssConfig;
  claudeHandler?: ScriptedHandler;
}

async function proxyFor(script: UpstreamScript, setup: Setup = {}): Promise<StartedProxy> {
  provider = await startOpenAIUpstream(script);
  claude = await start({ text: 'From Claude.', ...(setup.claudeHandler ? { handler: setup.claudeHandler } : {}) });
  running = await startProxy({
    plan: planFor(OPENROUTER, { fallback: setup.fallback ?? true }),
    config: setup.config ?? {},
    env: { OPENROUTER_BASE_URL: provider.url, OPENROUTER_API_KEY: 'sk-or', ANTHROPIC_BASE_URL: claude.url },
    tuning: { pingIntervalMs: 20, retry: { baseDelayMs: 5, maxTotalWaitMs: 200, maxRetries: 2 }, ...setup.tuning },
  });
  return running;
}

/** The leading keep-alive comments of an SSE body, and what follows them. */
function splitComments(sse: string): { comments: number; rest: string } {
  const head = /^(: keep-alive\n\n)*/.exec(sse)?.[0] ?? '';
  return { comments: head.length / ': keep-alive\n\n'.length, rest: sse.slice(head.length) };
}

function fallbackUsage() {
  return usageEvent('claude/claude-opus-5-5', 'claude', { fallback: true, input_tokens: 26, output_tokens: 7 });
}

const timedOut = (code: string): string => `${OPENROUTER} at ${provider!.url}: timed out (${code}); the provider may be overloaded, try again or pick another model`;

describe('a hung provider', () => {
  it('falls back to Claude when the provider answers 200 and then stalls, though keep-alives already went out', async () => {
    await proxyFor(() => ({ kind: 'silent-stream' }), { tuning: { timeouts: { bodyIdleMs: 300 } } });
    const response = await running!.post('/v1/messages', HELLO, USER);
    expect(response.status).toBe(200);
    const { comments, rest } = splitComments(await response.text());
    expect(comments).toBeGreaterThan(0);
    expect(await accumulateWithSdk(rest)).toEqual(FROM_CLAUDE);
    expect(claude!.requests.map((seen) => seen.body)).toEqual([HELLO]);
    expect(running!.usage.map(withoutTimings)).toEqual([fallbackUsage()]);
    expect(running!.fallbacks).toEqual([`oss: ${OPENROUTER} failed (${timedOut('UND_ERR_BODY_TIMEOUT')}): falling back to Claude`]);
  });

  it('counts a provider that sends no headers within the stream timeout as failed, tries it once (no retry of a timeout) and falls back', async () => {
    await proxyFor(() => ({ kind: 'never-answer' }), { tuning: { timeouts: { streamHeadersMs: 300 } } });
    const response = await running!.post('/v1/messages', HELLO, USER);
    const { comments, rest } = splitComments(await response.text());
    expect(comments).toBeGreaterThan(0);
    expect(await accumulateWithSdk(rest)).toEqual(FROM_CLAUDE);
    expect(provider!.requests).toHaveLength(1);
    expect(running!.fallbacks).toEqual([`oss: ${OPENROUTER} failed (${timedOut('UND_ERR_HEADERS_TIMEOUT')}): falling back to Claude`]);
  });

  it("takes the headers timeout from the provider's config (providers.<name>.headersTimeoutMs)", { timeout: 10_000 }, async () => {
    await proxyFor(() => ({ kind: 'never-answer' }), { config: { providers: { openrouter: { headersTimeoutMs: 200 } } } });
    // The default is 30 s, past this test's 10 s limit: only the configured 200 ms can end the wait in time.
    await (await running!.post('/v1/messages', HELLO, USER)).text();
    expect(running!.usage.map(withoutTimings)).toEqual([fallbackUsage()]);
    expect(running!.fallbacks).toEqual([`oss: ${OPENROUTER} failed (${timedOut('UND_ERR_HEADERS_TIMEOUT')}): falling back to Claude`]);
  });

  it('with fallback off, ends the kept-alive stream with a timeout_error event Claude Code retries', async () => {
    await proxyFor(() => ({ kind: 'never-answer' }), { fallback: false, tuning: { timeouts: { streamHeadersMs: 300 } } });
    const response = await running!.post('/v1/messages', HELLO, USER);
    expect(response.status).toBe(200);
    const { comments, rest } = splitComments(await response.text());
    expect(comments).toBeGreaterThan(0);
    expect(rest).toBe(`event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'timeout_error', message: timedOut('UND_ERR_HEADERS_TIMEOUT') } })}\n\n`);
    expect(provider!.requests).toHaveLength(1);
    expect(claude!.requests).toHaveLength(0);
  });

  it("relays Claude's error as the stream's error event when the fallback fails after keep-alives went out", async () => {
    await proxyFor(() => ({ kind: 'never-answer' }), {
      tuning: { timeouts: { streamHeadersMs: 300 } },
      claudeHandler: () => ({ kind: 'error', status: 529, type: 'overloaded_error', message: 'Overloaded' }),
    });
    const response = await running!.post('/v1/messages', HELLO, USER);
    const { comments, rest } = splitComments(await response.text());
    expect(comments).toBeGreaterThan(0);
    expect(rest).toBe(`event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })}\n\n`);
  });

  it('answers with a plain HTTP error when the provider fails before the first keep-alive', async () => {
    await proxyFor(() => ({ kind: 'never-answer' }), { fallback: false, tuning: { pingIntervalMs: 10_000, timeouts: { streamHeadersMs: 100 } } });
    const response = await running!.post('/v1/messages', HELLO, USER);
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 504, body: { type: 'error', error: { type: 'timeout_error', message: timedOut('UND_ERR_HEADERS_TIMEOUT') } } });
  });

  it('keeps a request queued behind a full connection pool alive with comments, then answers it', async () => {
    // The first request holds the only connection until released; the second waits in the pool's queue.
    await proxyFor((_request, index) => (index === 0 ? { ...openAITextStream(['first']), delayMs: 600 } : openAITextStream(['second'])), {
      tuning: { poolConnections: 1 },
    });
    const first = running!.post('/v1/messages', HELLO, USER).then((response) => response.text());
    const second = running!.post('/v1/messages', HELLO, USER).then((response) => response.text());
    const [one, two] = await Promise.all([first, second]);
    const queued = splitComments(two);
    expect(queued.comments).toBeGreaterThan(0);
    expect(splitComments(one).comments).toBeGreaterThan(0);
    expect((await accumulateWithSdk(queued.rest)).content).toEqual([{ type: 'text', text: 'second' }]);
    expect(provider!.requests).toHaveLength(2);
  });
});
