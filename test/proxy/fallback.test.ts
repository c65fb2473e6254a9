// Seed Task 7.1 (the ModelExecutor behaviour), for this layout: the proxy's fallback. A provider failing
// before anything reached Claude Code is retried briefly when that can help, then the original request goes
// to Claude; onFallback says so once and the usage event is marked. With fallback off, Claude Code gets the
// provider's error in Anthropic shape. The provider here speaks Anthropic (an `anthropic`-type gateway), so
// these tests need no translator; test/edge-cases/proxy.test.ts repeats the faults for OpenAI-compatible ones.
import { describe, expect, it } from 'vitest';
import type { ScriptedHandler, ScriptedServer } from '../support/scripted-anthropic-server.js';
import { FROM_CLAUDE, usageEvent } from '../support/expected-messages.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { closeAfterEach, HELLO, planFor, withoutTimings, type StartedProxy } from '../support/proxy-harness.js';
import type { ModelProxyOptions } from '../../src/proxy/model-proxy.js';
import { CLAUDE_FALLBACK_MODEL } from '../../src/providers/anthropic/pass-through.js';
import { ModelRegistry } from '../../src/registry/registry.js';

const session = closeAfterEach();
let running: StartedProxy | undefined;

function server(handler?: ScriptedHandler, text = 'From Claude.'): Promise<ScriptedServer> {
  return session.anthropic({ text, ...(handler ? { handler } : {}) });
}

async function gatewayProxy(
  gatewayUrl: string,
  claudeUrl: string,
  extra: Partial<ModelProxyOptions> & { fallback?: boolean } = {},
): Promise<StartedProxy> {
  const { fallback = true, ...options } = extra;
  running = await session.startProxy({
    plan: planFor('gateway/model-a', { fallback }),
    config: { providers: { gateway: { type: 'anthropic', baseUrl: gatewayUrl, apiKeyEnv: 'GATEWAY_KEY' } } },
    env: { ANTHROPIC_BASE_URL: claudeUrl, GATEWAY_KEY: 'gw-key' },
    ...options,
  });
  return running;
}

const CLAUDE_CODE = { 'x-api-key': 'sk-ant-user' };

/** The usage event for one request, timings aside. */
function usageOf(model: string, provider: string, fallback: boolean, tokens: [number, number] | 'error') {
  return usageEvent(model, provider, tokens === 'error' ? { fallback, outcome: 'error' } : { fallback, input_tokens: tokens[0], output_tokens: tokens[1] });
}

describe('fallback to Claude', () => {
  it('executes natively on Claude when the route is claude', async () => {
    const claude = await server();
    running = await session.startProxy({ plan: planFor('claude'), env: { ANTHROPIC_BASE_URL: claude.url } });
    await (await running.post('/v1/messages', HELLO, CLAUDE_CODE)).text();
    expect(running.usage.map(withoutTimings)).toEqual([usageOf('claude/claude-opus-5-5', 'claude', false, [26, 7])]);
  });

  it('sends a non-Claude route to its provider', async () => {
    const gateway = await server(undefined, 'From the gateway.');
    const claude = await server();
    await gatewayProxy(gateway.url, claude.url);
    await (await running!.post('/v1/messages', HELLO, CLAUDE_CODE)).text();
    expect(running!.usage.map(withoutTimings)).toEqual([usageOf('gateway/model-a', 'gateway', false, [24, 7])]);
    expect(claude.requests).toHaveLength(0);
  });

  it('falls back to Claude with the original request when the provider rejects the key', async () => {
    const gateway = await server(() => ({ kind: 'error', status: 401, type: 'authentication_error', message: 'invalid x-api-key' }));
    const claude = await server();
    await gatewayProxy(gateway.url, claude.url);
    const response = await running!.post('/v1/messages?beta=true', HELLO, CLAUDE_CODE);
    expect(await accumulateWithSdk(await response.text())).toEqual(FROM_CLAUDE);
    expect(gateway.requests).toHaveLength(1);
    expect(claude.requests[0]?.body).toEqual(HELLO);
    expect(claude.requests[0]?.headers['x-api-key']).toBe('sk-ant-user');
    expect(running!.usage).toHaveLength(1);
    expect(running!.usage.map(withoutTimings)).toEqual([usageOf('claude/claude-opus-5-5', 'claude', true, [26, 7])]);
    expect(running!.fallbacks).toEqual(['oss: gateway/model-a failed (gateway/model-a (gateway): the API key was rejected (invalid x-api-key); set a working key with `oss models keys set gateway`): falling back to Claude']);
  });

  it('names the Claude model that answered a fallback, so the ledger can price it: the fallback model when Claude Code asked for an oss id', async () => {
    const gateway = await server(() => ({ kind: 'error', status: 503, type: 'overloaded_error', message: 'busy' }));
    const claude = await server();
    await gatewayProxy(gateway.url, claude.url);
    await (await running!.post('/v1/messages', { ...HELLO, model: 'gateway/model-a' }, CLAUDE_CODE)).text();
    expect((claude.requests[0]?.body as { model?: string }).model).toBe(CLAUDE_FALLBACK_MODEL);
    expect(running!.usage.map(withoutTimings)).toEqual([usageOf(`claude/${CLAUDE_FALLBACK_MODEL}`, 'claude', true, [27, 7])]);
    expect(new ModelRegistry().getPricing(running!.usage[0]!.model)).toBeDefined();
    expect(new ModelRegistry().getPricing('claude/no-such-model')).toBeUndefined();
  });

  it('notifies the user once, with a line saying it is falling back to Claude', async () => {
    const gateway = await server(() => ({ kind: 'error', status: 404, type: 'not_found_error', message: 'model: model-a' }));
    const claude = await server();
    await gatewayProxy(gateway.url, claude.url);
    await (await running!.post('/v1/messages', HELLO, CLAUDE_CODE)).text();
    expect(running!.fallbacks).toHaveLength(1);
    expect(running!.fallbacks[0]).toMatch(/^oss: gateway\/model-a failed \(.+\): falling back to Claude$/);
    expect(running!.fallbacks[0]).toBe('oss: gateway/model-a failed (gateway/model-a (gateway): model model-a not found (model: model-a); check the model id with `oss models search`): falling back to Claude');
  });

  it("gives Claude Code the provider's error in Anthropic shape when fallback is off, naming the model and the next step", async () => {
    const gateway = await server(() => ({ kind: 'error', status: 401, type: 'authentication_error', message: 'invalid x-api-key' }));
    const claude = await server();
    await gatewayProxy(gateway.url, claude.url, { fallback: false });
    const response = await running!.post('/v1/messages', HELLO, CLAUDE_CODE);
    expect(response.status).toBe(401);
    expect(response.headers.get('x-should-retry')).toBe('false');
    expect(await response.json()).toEqual({
      type: 'error',
      error: { type: 'authentication_error', message: 'gateway/model-a (gateway): the API key was rejected (invalid x-api-key); set a working key with `oss models keys set gateway`' },
    });
    expect(claude.requests).toHaveLength(0);
    expect(running!.fallbacks).toHaveLength(0);
    expect(running!.usage.map(withoutTimings)).toEqual([usageOf('gateway/model-a', 'gateway', false, 'error')]);
  });

  it('does not fall back when the user has no Anthropic credentials', async () => {
    const gateway = await server(() => ({ kind: 'error', status: 503, type: 'overloaded_error', message: 'busy' }));
    const claude = await server();
    await gatewayProxy(gateway.url, claude.url, { claudeAvailable: false });
    const response = await running!.post('/v1/messages', HELLO, CLAUDE_CODE);
    expect(response.status).toBe(529);
    expect(await response.json()).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'gateway/model-a (gateway): overloaded (busy); Claude Code retries on its own, or pick another model with --model' } });
    expect(claude.requests).toHaveLength(0);
    expect(running!.fallbacks).toEqual([]);
  });

  it('retries a 429 storm a bounded number of times, honouring Retry-After, then falls back', async () => {
    const gateway = await server(() => ({ kind: 'error', status: 429, type: 'rate_limit_error', message: 'slow down', headers: { 'retry-after': '0' } }));
    const claude = await server();
    await gatewayProxy(gateway.url, claude.url);
    const response = await running!.post('/v1/messages', HELLO, CLAUDE_CODE);
    expect(response.status).toBe(200);
    await response.text();
    expect(gateway.requests).toHaveLength(3);
    expect(running!.usage.map(withoutTimings)).toEqual([usageOf('claude/claude-opus-5-5', 'claude', true, [26, 7])]);
    expect(running!.fallbacks).toEqual(['oss: gateway/model-a failed (gateway/model-a (gateway): rate limited (slow down); Claude Code retries on its own, or pick another model with --model): falling back to Claude']);
  });

  it('does not wait out a Retry-After longer than the retry budget', async () => {
    const gateway = await server(() => ({ kind: 'error', status: 429, type: 'rate_limit_error', message: 'slow down', headers: { 'retry-after': '30' } }));
    const claude = await server();
    await gatewayProxy(gateway.url, claude.url);
    await (await running!.post('/v1/messages', HELLO, CLAUDE_CODE)).text();
    expect(gateway.requests).toHaveLength(1);
    expect(claude.requests).toHaveLength(1);
  });

  it('passes a 429 through with retry-after capped at 60 s when fallback is off, without retrying itself', async () => {
    const gateway = await server(() => ({ kind: 'error', status: 429, type: 'rate_limit_error', message: 'slow down', headers: { 'retry-after': '300' } }));
    const claude = await server();
    await gatewayProxy(gateway.url, claude.url, { fallback: false });
    const response = await running!.post('/v1/messages', HELLO, CLAUDE_CODE);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('60');
    expect(response.headers.get('x-should-retry')).toBeNull();
    expect(await response.json()).toEqual({ type: 'error', error: { type: 'rate_limit_error', message: 'gateway/model-a (gateway): rate limited (slow down); Claude Code retries on its own, or pick another model with --model' } });
    expect(gateway.requests).toHaveLength(1);
  });

  it('falls back when the provider refuses the connection, and says x-should-retry: false when it cannot', async () => {
    const closed = await server();
    const deadUrl = closed.url;
    await closed.close();
    const claude = await server();
    await gatewayProxy(deadUrl, claude.url);
    expect((await running!.post('/v1/messages', HELLO, CLAUDE_CODE)).status).toBe(200);
    expect(running!.usage.map(withoutTimings)).toEqual([usageOf('claude/claude-opus-5-5', 'claude', true, [26, 7])]);
    await running!.proxy.shutdown();
    await gatewayProxy(deadUrl, claude.url, { fallback: false });
    const refused = await running!.post('/v1/messages', HELLO, CLAUDE_CODE);
    expect(refused.status).toBe(502);
    expect(refused.headers.get('x-should-retry')).toBe('false');
    expect(await refused.json()).toEqual({ type: 'error', error: { type: 'api_error', message: `gateway at ${deadUrl}: cannot connect (ECONNREFUSED); check the provider's base URL` } });
  });

  it('falls back when the provider never answers (headers timeout)', async () => {
    const gateway = await server(() => new Promise(() => {}));
    const claude = await server();
    await gatewayProxy(gateway.url, claude.url, { tuning: { timeouts: { headersMs: 100 }, retry: { maxRetries: 0 } } });
    const response = await running!.post('/v1/messages', HELLO, CLAUDE_CODE);
    expect(await accumulateWithSdk(await response.text())).toEqual(FROM_CLAUDE);
    expect(running!.fallbacks).toEqual([
      `oss: gateway/model-a failed (gateway at ${gateway.url}: timed out (UND_ERR_HEADERS_TIMEOUT); the provider may be overloaded, try again or pick another model): falling back to Claude`,
    ]);
  });

  it('never falls back on a request error Claude Code must see (prompt too long)', async () => {
    const gateway = await server(() => ({ kind: 'error', status: 400, type: 'invalid_request_error', message: 'prompt is too long: 250000 tokens > 200000 maximum' }));
    const claude = await server();
    await gatewayProxy(gateway.url, claude.url);
    const response = await running!.post('/v1/messages', HELLO, CLAUDE_CODE);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: 'prompt is too long: 250000 tokens > 200000 maximum' } });
    expect(claude.requests).toHaveLength(0);
  });
});
