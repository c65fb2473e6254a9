// Seed Task 4.2 (provider handlers) for OpenAI-compatible providers (OpenRouter, OpenAI, Ollama), through the
// real proxy on loopback against scripted upstreams.
import { describe, expect, it } from 'vitest';
import { openAIError, openAITextMessage, openAITextStream, openAIToolCallStream, startOpenAIUpstream, type ScriptedUpstream } from '../../support/scripted-openai-upstream.js';
import { startOllamaUpstream } from '../../support/scripted-ollama-upstream.js';
import type { UpstreamScript } from '../../support/scripted-upstream.js';
import { closedPortUrl } from '../../support/closed-port.js';
import { accumulateWithSdk } from '../../support/sdk-accumulate.js';
import { jsonMessage, sdkMessage } from '../../support/expected-messages.js';
import { closeAfterEach, HELLO, planFor, type StartedProxy, startProxy, withoutTimings } from '../../support/proxy-harness.js';

const session = closeAfterEach<ScriptedUpstream>();

const USER = { 'x-api-key': 'sk-ant-user-key', authorization: 'Bearer user-oauth-token' };

async function openrouter(script: UpstreamScript): Promise<StartedProxy> {
  session.upstream = await startOpenAIUpstream(script);
  session.running = await startProxy({
    plan: planFor('openrouter/deepseek/deepseek-chat', { fallback: false }),
    env: { OPENROUTER_BASE_URL: `${session.upstream.url}/api/v1`, OPENROUTER_API_KEY: 'sk-or-test' },
  });
  return session.running;
}

describe('OpenRouter adapter', () => {
  it('streams a translated answer the Anthropic SDK accumulates to the full message', async () => {
    const { post } = await openrouter(() => openAITextStream(['Hello', ', world', '!'], { prompt: 11, completion: 3 }));
    const message = await accumulateWithSdk(await (await post('/v1/messages?beta=true', HELLO, USER)).text());
    expect(message).toEqual({
      ...sdkMessage('Hello, world!', { model: 'openrouter/deepseek/deepseek-chat', usage: [11, 3] }),
      id: expect.stringMatching(/^msg_oss_[A-Za-z0-9]{24}$/) as unknown,
    });
  });

  it("sends bearer auth and app attribution to /chat/completions, and never the user's Anthropic credentials", async () => {
    const { post } = await openrouter(() => openAITextStream(['ok']));
    await (await post('/v1/messages?beta=true', HELLO, { ...USER, 'anthropic-beta': 'claude-code-20250219' })).text();
    const seen = session.upstream!.requests[0]!;
    expect(seen.url).toBe('/api/v1/chat/completions');
    expect(seen.headers.authorization).toBe('Bearer sk-or-test');
    expect(seen.headers['http-referer']).toBe('http://localhost/oss');
    expect(seen.headers['x-title']).toBe('oss');
    expect(seen.headers['x-api-key']).toBeUndefined();
    expect(seen.headers['anthropic-beta']).toBeUndefined();
    const all = JSON.stringify(seen);
    expect(all).not.toContain('sk-ant-user-key');
    expect(all).not.toContain('user-oauth-token');
    expect(seen.body).toEqual({ model: 'deepseek/deepseek-chat', messages: [{ role: 'user', content: 'Hello' }], max_tokens: 100, stream: true, stream_options: { include_usage: true } });
  });

  it("reports OpenRouter's usage.cost as the provider cost of the request", async () => {
    const { post, usage } = await openrouter(() => openAITextStream(['ok'], { prompt: 100, completion: 20, cost: 0.00042 }));
    await (await post('/v1/messages', HELLO)).text();
    expect(usage.map(withoutTimings)).toEqual([
      {
        prompt: 'oss:ship', model: 'openrouter/deepseek/deepseek-chat', provider: 'openrouter', input_tokens: 100, output_tokens: 20, cache_read_tokens: 0, cache_write_tokens: 0,
        provider_cost_usd: 0.00042, fallback: false, latency_ms: '<ms>', ttfb_ms: '<ms>', outcome: 'ok', at: '<time>',
      },
    ]);
  });

  it('streams a tool call as a tool_use block with the whole input', async () => {
    const { post } = await openrouter(() => openAIToolCallStream('call_1', 'Bash', ['{"comm', 'and": "ec', 'ho hi"}']));
    const request = { ...HELLO, tools: [{ name: 'Bash', description: 'run', input_schema: { type: 'object', properties: { command: { type: 'string' } } } }] };
    const message = await accumulateWithSdk(await (await post('/v1/messages', request)).text());
    expect(message).toEqual({
      ...sdkMessage('', { model: 'openrouter/deepseek/deepseek-chat', usage: [10, 5], idPrefix: 'msg_oss_' }),
      content: [{ type: 'tool_use', id: expect.stringMatching(/^toolu_oss_[A-Za-z0-9]{24}$/) as unknown, name: 'Bash', input: { command: 'echo hi' } }],
      stop_reason: 'tool_use',
    });
  });

  it('answers a non-streaming request with a JSON message', async () => {
    const { post } = await openrouter(() => openAITextMessage('Plain.'));
    const response = await post('/v1/messages', { ...HELLO, stream: false });
    expect(await response.json()).toEqual(jsonMessage('Plain.', { model: 'openrouter/deepseek/deepseek-chat', usage: [10, 5], idPrefix: 'msg_oss_' }));
  });

  it('answers a bad key with 401 authentication_error that Claude Code must not retry', async () => {
    const { post } = await openrouter(() => openAIError(401, 'No auth credentials found', {}, 'authentication_error'));
    const response = await post('/v1/messages', HELLO);
    expect(response.status).toBe(401);
    expect(response.headers.get('x-should-retry')).toBe('false');
    expect(await response.json()).toEqual({
      type: 'error',
      error: { type: 'authentication_error', message: 'openrouter/deepseek/deepseek-chat (openrouter): the API key was rejected (No auth credentials found); set a working key with `oss models keys set openrouter`' },
    });
  });

  it('answers a missing key with 401 naming the variable to set', async () => {
    session.upstream = await startOpenAIUpstream(() => openAITextStream(['never']));
    session.running = await startProxy({ plan: planFor('openrouter/x/y', { fallback: false }), env: { OPENROUTER_BASE_URL: session.upstream.url } });
    const response = await session.running.post('/v1/messages', HELLO);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      type: 'error',
      error: { type: 'authentication_error', message: 'no API key for openrouter: set OPENROUTER_API_KEY or run `oss models keys set openrouter`' },
    });
    expect(session.upstream.requests).toHaveLength(0);
  });
});

describe('OpenAI adapter', () => {
  it('sends bearer auth to <OPENAI_BASE_URL>/chat/completions with the upstream model id', async () => {
    session.upstream = await startOpenAIUpstream(() => openAITextStream(['hi']));
    session.running = await startProxy({ plan: planFor('openai/gpt-4o'), env: { OPENAI_BASE_URL: `${session.upstream.url}/v1`, OPENAI_API_KEY: 'sk-openai' } });
    await (await session.running.post('/v1/messages', HELLO, USER)).text();
    const seen = session.upstream.requests[0]!;
    expect(seen.url).toBe('/v1/chat/completions');
    expect(seen.headers.authorization).toBe('Bearer sk-openai');
    expect(seen.headers['x-title']).toBeUndefined();
    expect((seen.body as { model: string }).model).toBe('gpt-4o');
  });
});

describe('Ollama adapter', () => {
  it('calls the /v1 API of the local server without any key', async () => {
    session.upstream = await startOllamaUpstream(['llama3.2']);
    session.running = await startProxy({ plan: planFor('ollama/llama3.2'), env: { OLLAMA_HOST: session.upstream.url } });
    const message = await accumulateWithSdk(await (await session.running.post('/v1/messages', HELLO, USER)).text());
    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: 'Hello from Ollama.' })]);
    expect(session.upstream.requests[0]?.url).toBe('/v1/chat/completions');
    expect(session.upstream.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('says Ollama is not running, and how to start it, when the connection is refused', async () => {
    const url = await closedPortUrl();
    session.running = await startProxy({ plan: planFor('ollama/codellama', { fallback: false }), env: { OLLAMA_HOST: url } });
    const response = await session.running.post('/v1/messages', HELLO);
    expect(response.status).toBe(502);
    expect(response.headers.get('x-should-retry')).toBe('false');
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe(`Ollama not running at ${url}: start it with \`ollama serve\``);
  });

  it('says to pull a model the server does not have', async () => {
    session.upstream = await startOllamaUpstream(['llama3.2']);
    session.running = await startProxy({ plan: planFor('ollama/codellama', { fallback: false }), env: { OLLAMA_HOST: session.upstream.url } });
    const response = await session.running.post('/v1/messages', HELLO);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-should-retry')).toBe('false');
    expect(await response.json()).toEqual({
      type: 'error',
      error: { type: 'not_found_error', message: 'ollama/codellama (ollama): model codellama not found (model "codellama" not found, try pulling it first); run `ollama pull codellama`' },
    });
  });
});
