// The OpenAI-compatible adapter on its own, against a scripted upstream on loopback through a real undici
// Agent (the adapter's HTTP goes through undici's pool, which nock does not intercept): what it sends, the whole
// message or stream it gives back, and the words for a server that is not running or refuses the request.
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicStreamWriter, formatSseEvent } from '../../../src/providers/common/anthropic-stream-writer.js';
import type { AnthropicRequest } from '../../../src/providers/common/anthropic-types.js';
import type { AdapterCall, UpstreamEndpoint } from '../../../src/providers/common/provider-adapter.js';
import { ProviderError } from '../../../src/providers/common/provider-error.js';
import type { TargetModel } from '../../../src/providers/common/target.js';
import { openAIChatAdapter } from '../../../src/providers/openai-chat/adapter.js';
import { closedPortUrl } from '../../support/closed-port.js';
import { accumulateWithSdk } from '../../support/sdk-accumulate.js';
import { openAIError, openAITextMessage, openAITextStream, startOpenAIUpstream, type ScriptedUpstream } from '../../support/scripted-openai-upstream.js';
import type { UpstreamScript } from '../../support/scripted-upstream.js';
import { expectedJsonMessage, expectedMessage } from '../../support/openai-chat-expected.js';
import { openAITarget } from '../../support/openai-stream-harness.js';

const REQUEST = { model: 'openrouter/deepseek/deepseek-chat', max_tokens: 100, messages: [{ role: 'user', content: 'Hello' }] } as AnthropicRequest;
const DEEPSEEK = openAITarget('openrouter', 'deepseek/deepseek-chat');

let upstream: ScriptedUpstream | undefined;
let dispatcher: Agent | undefined;
afterEach(async () => {
  await upstream?.close();
  await dispatcher?.close();
  upstream = undefined;
  dispatcher = undefined;
});

function call(target: TargetModel, endpoint: Partial<UpstreamEndpoint> & { baseUrl: string }, stream = false, request = REQUEST): AdapterCall {
  dispatcher ??= new Agent();
  return { request: { ...request, stream }, target, endpoint: { headers: {}, ...endpoint }, stream, inputTokenEstimate: 7, signal: new AbortController().signal, dispatcher };
}

async function serve(script: UpstreamScript): Promise<string> {
  upstream = await startOpenAIUpstream(script);
  return upstream.url;
}

/** The ProviderError an adapter call rejects with, as the fields Claude Code is told. */
async function failure(opened: Promise<unknown>) {
  const error = await opened.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return { status: error.status, type: error.type, retryable: error.retryable, message: error.message };
}

describe('openAIChatAdapter', () => {
  it('posts the translated body to <base>/chat/completions with the key as bearer (never a configured header), OpenRouter attribution with the user\'s override, and gives back the whole message', async () => {
    const base = await serve(() => openAITextMessage('Hi there', { prompt: 11, completion: 3, cost: 0.0001 }));
    const opened = await openAIChatAdapter(call(DEEPSEEK, { baseUrl: `${base}/api/v1`, apiKey: 'sk-or-test', headers: { 'HTTP-Referer': 'https://my.app', authorization: 'Bearer not-this' } }));
    const seen = upstream!.requests[0]!;
    expect({ method: seen.method, url: seen.url, body: seen.body }).toEqual({
      method: 'POST',
      url: '/api/v1/chat/completions',
      body: { model: 'deepseek/deepseek-chat', messages: [{ role: 'user', content: 'Hello' }], max_tokens: 100 },
    });
    const { authorization, 'content-type': contentType, 'http-referer': referer, 'x-title': title, 'x-openrouter-title': openRouterTitle } = seen.headers;
    expect({ authorization, contentType, referer, title, openRouterTitle }).toEqual({ authorization: 'Bearer sk-or-test', contentType: 'application/json', referer: 'https://my.app', title: 'oss', openRouterTitle: 'oss' });
    expect(await opened.message()).toEqual({
      message: expectedJsonMessage('openrouter/deepseek/deepseek-chat', [{ type: 'text', text: 'Hi there' }], 'end_turn', { input_tokens: 11, output_tokens: 3 }),
      usage: { input_tokens: 11, output_tokens: 3, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, provider_cost_usd: 0.0001 },
    });
  });

  it('sends no authorization and no attribution to a keyless local server, and pipes its stream into the writer', async () => {
    const base = await serve(() => openAITextStream(['Hel', 'lo'], { prompt: 4, completion: 2 }));
    const opened = await openAIChatAdapter(call(openAITarget('ollama', 'llama3.2'), { baseUrl: `${base}/v1` }, true));
    const seen = upstream!.requests[0]!;
    expect([seen.url, seen.headers.authorization, seen.headers['http-referer'], seen.body]).toEqual([
      '/v1/chat/completions',
      undefined,
      undefined,
      { model: 'llama3.2', messages: [{ role: 'user', content: 'Hello' }], max_tokens: 100, stream: true, stream_options: { include_usage: true } },
    ]);
    const sse: string[] = [];
    const usage = await opened.pipe(new AnthropicStreamWriter((event) => sse.push(formatSseEvent(event)), { model: 'ollama/llama3.2', inputTokenEstimate: 7, messageId: 'msg_adapter' }));
    expect(usage).toEqual({ input_tokens: 4, output_tokens: 2, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
    expect(await accumulateWithSdk(sse)).toEqual(expectedMessage([{ type: 'text', text: 'Hello' }], 'end_turn', { input_tokens: 4, output_tokens: 2 }, { id: 'msg_adapter', model: 'ollama/llama3.2' }));
  });

  it('keeps <think> tags as text for a provider that turned them off', async () => {
    const base = await serve(() => openAITextMessage('<think>x</think>y'));
    const opened = await openAIChatAdapter(call(openAITarget('vllm', 'qwen3', {}, { thinkTags: false }), { baseUrl: base }));
    expect(((await opened.message()).message as { content: unknown }).content).toEqual([{ type: 'text', text: '<think>x</think>y' }]);
  });

  it('says how to start Ollama, LM Studio or vLLM when nothing answers, and not to retry', async () => {
    const down = await closedPortUrl();
    expect([
      await failure(openAIChatAdapter(call(openAITarget('ollama', 'llama3.2'), { baseUrl: `${down}/v1` }))),
      await failure(openAIChatAdapter(call(openAITarget('lmstudio', 'qwen3'), { baseUrl: `${down}/v1` }))),
      await failure(openAIChatAdapter(call(openAITarget('vllm', 'qwen3'), { baseUrl: `${down}/v1` }))),
      await failure(openAIChatAdapter(call(openAITarget('openai', 'gpt-4o'), { baseUrl: `${down}/v1` }))),
    ]).toEqual([
      { status: 502, type: 'api_error', retryable: false, message: `Ollama not running at ${down}: start it with \`ollama serve\`` },
      { status: 502, type: 'api_error', retryable: false, message: `lmstudio not running at ${down}/v1: start LM Studio's local server (Developer tab, or \`lms server start\`)` },
      { status: 502, type: 'api_error', retryable: false, message: `vllm not running at ${down}/v1: start it with \`vllm serve <model>\`` },
      { status: 502, type: 'api_error', retryable: false, message: `openai/gpt-4o at ${down}/v1: cannot connect (ECONNREFUSED); check the provider's base URL` },
    ]);
  });

  it("decodes an error answer with the request's input estimate standing in for an overflow count the upstream did not give", async () => {
    const base = await serve(() => openAIError(400, "This request exceeds the model's context window."));
    const target = openAITarget('openai', 'gpt-4o', {}, { contextWindow: 5 });
    expect(await failure(openAIChatAdapter(call(target, { baseUrl: base, apiKey: 'sk-test' })))).toEqual({ status: 400, type: 'invalid_request_error', retryable: false, message: 'prompt is too long: 7 tokens > 5 maximum' });
  });
});
