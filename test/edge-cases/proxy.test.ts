// Proxy edge cases (reference edge-cases.md 11, 12, 28, 50, 55) and upstream faults, over real loopback:
// Claude Code's side is fetch, the providers are scripted servers, Claude is the scripted Anthropic server.
// Every fault ends in a well-formed answer or a fallback; vitest fails the file on any unhandled rejection.
import { afterEach, describe, expect, it } from 'vitest';
import { start, type ScriptedServer } from '../support/scripted-anthropic-server.js';
import { openAIError, openAIStreamStart, openAITextStream, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';
import type { UpstreamScript } from '../support/scripted-upstream.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { FROM_CLAUDE, sdkMessage, usageEvent } from '../support/expected-messages.js';
import { HELLO, planFor, startProxy, until, withoutTimings, type StartedProxy } from '../support/proxy-harness.js';
import type { ProxyTuning } from '../../src/proxy/model-proxy.js';

let provider: ScriptedUpstream | undefined;
let claude: ScriptedServer | undefined;
let running: StartedProxy | undefined;

afterEach(async () => {
  const port = running?.proxy.isRunning() ? running.proxy.getPort() : undefined;
  await running?.proxy.shutdown();
  if (port !== undefined) await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  await provider?.close();
  await claude?.close();
  running = undefined;
  provider = undefined;
  claude = undefined;
});

async function openrouterProxy(script: UpstreamScript, fallback: boolean, tuning: ProxyTuning = {}): Promise<StartedProxy> {
  provider = await startOpenAIUpstream(script);
  claude = await start({ text: 'From Claude.' });
  running = await startProxy({
    plan: planFor('openrouter/deepseek/deepseek-chat', { fallback }),
    env: { OPENROUTER_BASE_URL: provider.url, OPENROUTER_API_KEY: 'sk-or', ANTHROPIC_BASE_URL: claude.url },
    tuning: { pingIntervalMs: 10_000, retry: { baseDelayMs: 5, maxTotalWaitMs: 200 }, ...tuning },
  });
  return running;
}

/** The SSE events of a body, in order. */
function eventNames(sse: string): string[] {
  return [...sse.matchAll(/^event: (\S+)$/gm)].map((match) => match[1]!);
}

const USER = { 'x-api-key': 'sk-ant-user' };

/** A translated answer from the scripted OpenRouter, as the SDK accumulates it. */
function fromOpenRouter(text: string, usage: [number, number] = [10, 5]) {
  return sdkMessage(text, { model: OPENROUTER, usage, idPrefix: 'msg_oss_' });
}

/** What the scripted Claude server streams for a request, as the SDK accumulates it. */
function fromClaude(inputTokens: number) {
  return sdkMessage('From Claude.', { usage: [inputTokens, 7] });
}

const OPENROUTER = 'openrouter/deepseek/deepseek-chat';

/** Post like Claude Code, read the stream until `marker` arrived, then leave as a killed Claude Code would. */
async function readUntilThenLeave(baseUrl: string, body: string, headers: Record<string, string>, marker: string): Promise<void> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  while (!seen.includes(marker)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before ${marker.slice(0, 10)}… arrived`);
    seen += decoder.decode(value, { stream: true });
  }
  abort.abort();
}

describe('proxy edge cases', () => {
  it('edge #11: sends ping events during silence once content has started', async () => {
    const stream = openAITextStream(['first', ' second']);
    const chunks = stream.kind === 'sse' ? stream.chunks : [];
    // The role chunk and the first piece together, then silence, then the rest.
    const { post } = await openrouterProxy(() => ({ kind: 'sse', chunks: [chunks.slice(0, 2).join(''), chunks.slice(2).join('')], gapMs: 300 }), false, { pingIntervalMs: 20 });
    const whole = await (await post('/v1/messages', HELLO)).text();
    // On a loaded machine a comment may come before the first chunk; none may come after content started.
    const sse = whole.slice((/^(: keep-alive\n\n)*/.exec(whole)?.[0] ?? '').length);
    expect(sse).not.toContain(': keep-alive');
    const names = eventNames(sse);
    const firstPing = names.indexOf('ping');
    const afterPings = names.findIndex((name, index) => index > firstPing && name !== 'ping');
    expect(names.slice(0, firstPing)).toEqual(['message_start', 'content_block_start', 'content_block_delta']);
    expect(names.slice(firstPing, afterPings).every((name) => name === 'ping')).toBe(true);
    expect(names.slice(afterPings)).toEqual(['content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(await accumulateWithSdk(sse)).toEqual(fromOpenRouter('first second'));
  });

  it('edge #12: a client that disconnects aborts the upstream request', async () => {
    const { proxy } = await openrouterProxy(() => ({ kind: 'silent-stream' }), false, { pingIntervalMs: 20 });
    const body = JSON.stringify(HELLO);
    const abort = new AbortController();
    const response = await fetch(`${proxy.baseUrl}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    abort.abort();
    await until(() => provider?.requests[0]?.aborted === true, 'the upstream request to be aborted');
    await until(() => running!.usage.length === 1, 'the usage event');
    expect(running!.usage.map(withoutTimings)).toEqual([usageEvent(OPENROUTER, 'openrouter', { outcome: 'error', input_tokens: Math.ceil(Buffer.byteLength(body) / 4) })]);
  });

  it('edge #12: Claude Code leaving mid-stream still reports the usage so far, estimated: input from the request size, output from the text streamed', async () => {
    const pieces = ['a'.repeat(200), 'b'.repeat(200)];
    const { proxy } = await openrouterProxy(() => ({ kind: 'silent-stream', chunks: openAIStreamStart(pieces) }), false);
    const body = JSON.stringify(HELLO);
    await readUntilThenLeave(proxy.baseUrl, body, {}, 'b'.repeat(200));
    await until(() => provider?.requests[0]?.aborted === true, 'the upstream request to be aborted');
    await until(() => running!.usage.length === 1, 'the usage event');
    expect(running!.usage.map(withoutTimings)).toEqual([
      usageEvent(OPENROUTER, 'openrouter', { outcome: 'error', input_tokens: Math.ceil(Buffer.byteLength(body) / 4), output_tokens: 100 }),
    ]);
  });

  it('edge #12 (Claude pass-through): Claude Code leaving mid-answer keeps Claude\'s input count and estimates the output streamed so far', async () => {
    const events: Array<[string, unknown]> = [
      ['message_start', { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-opus-5-5', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1234, output_tokens: 1, cache_read_input_tokens: 50, cache_creation_input_tokens: 0 } } }],
      ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
      ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'c'.repeat(400) } }],
    ];
    provider = await startOpenAIUpstream(() => ({ kind: 'silent-stream', chunks: events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`) }));
    running = await startProxy({ plan: planFor('claude'), env: { ANTHROPIC_BASE_URL: provider.url } });
    await readUntilThenLeave(running.proxy.baseUrl, JSON.stringify(HELLO), USER, 'c'.repeat(400));
    await until(() => provider?.requests[0]?.aborted === true, 'the Claude request to be aborted');
    await until(() => running!.usage.length === 1, 'the usage event');
    expect(running!.usage.map(withoutTimings)).toEqual([
      usageEvent('claude/claude-opus-5-5', 'claude', { outcome: 'error', input_tokens: 1234, cache_read_tokens: 50, output_tokens: 100 }),
    ]);
  });

  it('edge #28: a fallback to Claude drops thinking blocks whose signature oss invented', async () => {
    const { post } = await openrouterProxy(() => openAIError(503, 'down', {}, 'server_error'), true);
    const history = {
      ...HELLO,
      messages: [
        { role: 'user', content: 'one' },
        { role: 'assistant', content: [{ type: 'thinking', thinking: 'made up', signature: 'oss1.none' }, { type: 'text', text: 'A' }] },
        { role: 'user', content: 'two' },
      ],
    };
    const message = await accumulateWithSdk(await (await post('/v1/messages', history, USER)).text());
    expect(message).toEqual(fromClaude(49));
    expect(claude!.requests[0]?.body).toEqual({
      ...HELLO,
      messages: [
        { role: 'user', content: 'one' },
        { role: 'assistant', content: [{ type: 'text', text: 'A' }] },
        { role: 'user', content: 'two' },
      ],
    });
  });

  it('edge #50: routes regardless of ?beta=true, drops Anthropic-only fields and headers, answers count_tokens locally', async () => {
    const { post } = await openrouterProxy(() => openAITextStream(['ok']), false);
    const request = {
      ...HELLO,
      metadata: { user_id: '{"device_id":"abc","account_uuid":"","session_id":"s"}' },
      context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] },
      output_config: { effort: 'medium' },
    };
    const response = await post('/v1/messages?beta=true', request, { 'anthropic-beta': 'claude-code-20250219,context-management-2025-06-27' });
    expect(response.status).toBe(200);
    expect(await accumulateWithSdk(await response.text())).toEqual(fromOpenRouter('ok'));
    const seen = provider!.requests[0]!;
    expect(seen.headers['anthropic-beta']).toBeUndefined();
    expect(seen.headers['anthropic-version']).toBeUndefined();
    expect(seen.body).toEqual({ model: 'deepseek/deepseek-chat', max_tokens: 100, stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Hello' }] });
    const count = await post('/v1/messages/count_tokens?beta=true', { model: 'x', messages: [{ role: 'user', content: 'count me' }] });
    expect(count.status).toBe(200);
    // o200k_base: "count" + " me" = 2 tokens, + 4 framing for the message + 3 reply priming.
    expect(await count.json()).toEqual({ input_tokens: 9 });
    expect(provider!.requests).toHaveLength(1);
  });

  it('edge #55: an upstream error before the stream reaches Claude Code as an Anthropic error with its status', async () => {
    const { post } = await openrouterProxy(() => openAIError(429, 'Rate limit exceeded', { 'retry-after': '7' }, 'rate_limit_exceeded'), false);
    const response = await post('/v1/messages', HELLO);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toEqual({ type: 'error', error: { type: 'rate_limit_error', message: 'openrouter/deepseek/deepseek-chat (openrouter): rate limited (Rate limit exceeded); Claude Code retries on its own, or pick another model with --model' } });
  });
});

/** A garbled stream: a cut JSON event, a stray line, and no finish or [DONE]. */
const MALFORMED = ['data: {"choices":[{"delta":{"content"\n\n', 'garbage without a field name\n\n'];
const INCOMPLETE = `${OPENROUTER}: the upstream stream ended before the model finished; the answer is incomplete`;

/** The error for a stream the scripted provider cut after answering 200; its port changes each run. */
function cutOff(): string {
  return `${OPENROUTER} at ${provider!.url}: the answer was cut off (UND_ERR_SOCKET); ask again, or run \`oss models test ${OPENROUTER}\``;
}

/** The error for a connection the scripted provider dropped before answering. */
function connectionFailed(): string {
  return `${OPENROUTER} at ${provider!.url}: connection failed (UND_ERR_SOCKET); check your network and the provider's base URL`;
}

function timedOut(): string {
  return `${OPENROUTER} at ${provider!.url}: timed out (UND_ERR_HEADERS_TIMEOUT); the provider may be overloaded, try again or pick another model`;
}

describe('upstream faults', () => {
  it('an upstream reset mid-stream ends the stream with a well-formed api_error event naming the model and the next step', async () => {
    const { post } = await openrouterProxy(() => ({ kind: 'reset-mid-stream', chunks: openAIStreamStart(['Hello', ' wor']) }), true);
    const response = await post('/v1/messages', HELLO, USER);
    expect(response.status).toBe(200);
    const sse = await response.text();
    const names = eventNames(sse);
    expect(names).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_delta', 'content_block_stop', 'error']);
    const errorFrame = { type: 'error', error: { type: 'api_error', message: cutOff() } };
    expect(sse.endsWith(`event: error\ndata: ${JSON.stringify(errorFrame)}\n\n`)).toBe(true);
    const failure = await accumulateWithSdk(sse).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe(JSON.stringify(errorFrame));
    expect(claude!.requests).toHaveLength(0);
    expect(running!.usage.map(withoutTimings)).toEqual([usageEvent(OPENROUTER, 'openrouter', {
      outcome: 'error',
      // Estimated, as the stream never reported usage: the request's size and the 9 characters streamed, at ~4 per token.
      input_tokens: Math.ceil(Buffer.byteLength(JSON.stringify(HELLO)) / 4),
      output_tokens: Math.ceil('Hello wor'.length / 4),
    })]);
  });

  it('an upstream reset before any content falls back to Claude', async () => {
    const { post } = await openrouterProxy(() => ({ kind: 'destroy' }), true);
    const message = await accumulateWithSdk(await (await post('/v1/messages', HELLO, USER)).text());
    expect(message).toEqual(FROM_CLAUDE);
    expect(running!.usage.map(withoutTimings)).toEqual([usageEvent('claude/claude-opus-5-5', 'claude', { fallback: true, input_tokens: 26, output_tokens: 7 })]);
    expect(running!.fallbacks).toEqual([`oss: ${OPENROUTER} failed (${connectionFailed()}): falling back to Claude`]);
  });

  it('an upstream that never answers times out into a fallback', async () => {
    const { post } = await openrouterProxy(() => ({ kind: 'never-answer' }), true, { timeouts: { headersMs: 100 }, retry: { maxRetries: 0 } });
    const message = await accumulateWithSdk(await (await post('/v1/messages', HELLO, USER)).text());
    expect(message).toEqual(FROM_CLAUDE);
    expect(running!.fallbacks).toEqual([`oss: ${OPENROUTER} failed (${timedOut()}): falling back to Claude`]);
  });

  it('an upstream that never answers gives a 504 timeout_error when fallback is off', async () => {
    const { post } = await openrouterProxy(() => ({ kind: 'never-answer' }), false, { timeouts: { headersMs: 100 } });
    const response = await post('/v1/messages', HELLO);
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ type: 'error', error: { type: 'timeout_error', message: timedOut() } });
  });

  it('a 429 storm is retried a bounded number of times, then falls back once', async () => {
    const { post } = await openrouterProxy(() => openAIError(429, 'Rate limit exceeded', { 'retry-after': '0' }, 'rate_limit_exceeded'), true);
    const message = await accumulateWithSdk(await (await post('/v1/messages', HELLO, USER)).text());
    expect(message).toEqual(FROM_CLAUDE);
    expect(provider!.requests).toHaveLength(3);
    expect(running!.fallbacks).toEqual([`oss: ${OPENROUTER} failed (${OPENROUTER} (openrouter): rate limited (Rate limit exceeded); Claude Code retries on its own, or pick another model with --model): falling back to Claude`]);
  });

  it('malformed upstream SSE before any content falls back to Claude', async () => {
    const { post } = await openrouterProxy(() => ({ kind: 'sse', chunks: MALFORMED }), true);
    const message = await accumulateWithSdk(await (await post('/v1/messages', HELLO, USER)).text());
    expect(message).toEqual(FROM_CLAUDE);
    expect(running!.usage.map(withoutTimings)).toEqual([usageEvent('claude/claude-opus-5-5', 'claude', { fallback: true, input_tokens: 26, output_tokens: 7 })]);
    expect(running!.fallbacks).toEqual([`oss: ${OPENROUTER} failed (${INCOMPLETE}): falling back to Claude`]);
  });

  it('malformed upstream SSE gives an Anthropic-shaped error when fallback is off', async () => {
    const { post } = await openrouterProxy(() => ({ kind: 'sse', chunks: MALFORMED }), false);
    const response = await post('/v1/messages', HELLO);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ type: 'error', error: { type: 'api_error', message: INCOMPLETE } });
  });
});
