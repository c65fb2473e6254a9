// The Gemini adapter (seed Task 4.2, provider handlers), through the real proxy on loopback against a scripted Gemini.
import { describe, expect, it } from 'vitest';
import { startGeminiUpstream, geminiError, geminiFunctionCallStream, geminiTextMessage, geminiTextStream, type ScriptedUpstream } from '../../support/scripted-gemini-upstream.js';
import type { UpstreamScript } from '../../support/scripted-upstream.js';
import { accumulateWithSdk } from '../../support/sdk-accumulate.js';
import { closeAfterEach, HELLO, planFor, type StartedProxy, startProxy, withoutTimings } from '../../support/proxy-harness.js';

const session = closeAfterEach<ScriptedUpstream>();

async function geminiProxy(script: UpstreamScript, fallback = false): Promise<StartedProxy> {
  session.upstream = await startGeminiUpstream(script);
  session.running = await startProxy({
    plan: planFor('gemini/gemini-2.0-flash', { fallback }),
    env: { GEMINI_BASE_URL: `${session.upstream.url}/v1beta`, GEMINI_API_KEY: 'gem-key' },
  });
  return session.running;
}

const USER = { 'x-api-key': 'sk-ant-user', authorization: 'Bearer user-token' };

/** The whole message as the SDK accumulates it (streams) or the proxy returns it (JSON); the id is random. */
function answer(content: unknown[], stopReason: string, [input_tokens, output_tokens]: [number, number]) {
  return {
    id: expect.stringMatching(/^msg_oss_[A-Za-z0-9]{24}$/) as unknown,
    type: 'message',
    role: 'assistant',
    model: 'gemini/gemini-2.0-flash',
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { input_tokens, output_tokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

describe('Gemini adapter', () => {
  it('streams a translated text answer that the Anthropic SDK accumulates to the full message, and reports its usage', async () => {
    const { post, usage } = await geminiProxy(() => geminiTextStream(['Hello', ' from Gemini.'], 12, 4));
    const response = await post('/v1/messages?beta=true', HELLO, USER);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const message = await accumulateWithSdk(await response.text());
    expect(message).toEqual({ ...answer([{ type: 'text', text: 'Hello from Gemini.' }], 'end_turn', [12, 4]), parsed_output: null });
    expect(usage.map(withoutTimings)).toEqual([
      { prompt: 'oss:ship', model: 'gemini/gemini-2.0-flash', provider: 'gemini', input_tokens: 12, output_tokens: 4, cache_read_tokens: 0, cache_write_tokens: 0, fallback: false, latency_ms: '<ms>', ttfb_ms: '<ms>', outcome: 'ok', at: '<time>' },
    ]);
  });

  it('keeps a model id with ../ inside its own path segment, so it cannot reach other paths on the host with the key', async () => {
    session.upstream = await startGeminiUpstream(() => geminiTextStream(['ok']));
    session.running = await startProxy({
      plan: planFor('gemini/../../x?y#z'),
      env: { GEMINI_BASE_URL: `${session.upstream.url}/v1beta`, GEMINI_API_KEY: 'gem-key' },
    });
    await (await session.running.post('/v1/messages', HELLO, USER)).text();
    expect(session.upstream.requests.map((seen) => seen.url)).toEqual(['/v1beta/models/..%2F..%2Fx%3Fy%23z:streamGenerateContent?alt=sse']);
  });

  it('calls streamGenerateContent with the translated request and the key in x-goog-api-key only, never the user credentials', async () => {
    const { post } = await geminiProxy(() => geminiTextStream(['ok']));
    await (await post('/v1/messages', HELLO, USER)).text();
    const seen = session.upstream!.requests[0]!;
    expect(seen.url).toBe('/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse');
    expect(seen.headers).toEqual({
      'x-goog-api-key': 'gem-key',
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(JSON.stringify(seen.body))),
      connection: 'keep-alive',
      host: new URL(session.upstream!.url).host,
    });
    expect(JSON.stringify(seen)).not.toContain('sk-ant-user');
    expect(JSON.stringify(seen)).not.toContain('user-token');
    expect(seen.body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Hello' }] }], generationConfig: { maxOutputTokens: 100 } });
  });

  it('streams a function call as a tool_use block with its input', async () => {
    const { post } = await geminiProxy(() => geminiFunctionCallStream('Read', { file_path: '/tmp/a.txt' }));
    const request = { ...HELLO, tools: [{ name: 'Read', description: 'read a file', input_schema: { type: 'object', properties: { file_path: { type: 'string' } } } }] };
    const message = await accumulateWithSdk(await (await post('/v1/messages', request)).text());
    expect(message).toEqual({
      ...answer([{ type: 'tool_use', id: expect.stringMatching(/^toolu_oss_[A-Za-z0-9]{24}$/) as unknown, name: 'Read', input: { file_path: '/tmp/a.txt' } }], 'tool_use', [20, 6]),
      parsed_output: null,
    });
  });

  it('answers a non-streaming request with generateContent and the whole JSON message', async () => {
    const { post } = await geminiProxy(() => geminiTextMessage('Plain answer.'));
    const response = await post('/v1/messages', { ...HELLO, stream: false });
    expect(session.upstream!.requests[0]!.url).toBe('/v1beta/models/gemini-2.0-flash:generateContent');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(answer([{ type: 'text', text: 'Plain answer.' }], 'end_turn', [12, 4]));
  });

  it("maps RESOURCE_EXHAUSTED to 429 rate_limit_error with Gemini's retry delay as retry-after when fallback is off", async () => {
    const { post } = await geminiProxy(() =>
      geminiError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded', [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '34.4s' }]),
    );
    const response = await post('/v1/messages', HELLO);
    expect(response.status).toBe(429);
    // RetryInfo said 34.4s: rounded up to whole seconds.
    expect(response.headers.get('retry-after')).toBe('35');
    expect(await response.json()).toEqual({ type: 'error', error: { type: 'rate_limit_error', message: 'gemini/gemini-2.0-flash (gemini): rate limited (Quota exceeded); Claude Code retries on its own, or pick another model with --model' } });
  });
});
