// Seed Task 4.2 (provider handlers) for Gemini, through the real proxy on loopback against a scripted Gemini.
import { afterEach, describe, expect, it } from 'vitest';
import { startGeminiUpstream, geminiError, geminiFunctionCallStream, geminiTextMessage, geminiTextStream, type ScriptedUpstream } from '../../support/scripted-gemini-upstream.js';
import type { UpstreamScript } from '../../support/scripted-upstream.js';
import { accumulateWithSdk } from '../../support/sdk-accumulate.js';
import { HELLO, planFor, startProxy, type StartedProxy } from '../../support/proxy-harness.js';

let upstream: ScriptedUpstream | undefined;
let running: StartedProxy | undefined;

afterEach(async () => {
  await running?.proxy.shutdown();
  await upstream?.close();
  running = undefined;
  upstream = undefined;
});

async function geminiProxy(script: UpstreamScript, fallback = false): Promise<StartedProxy> {
  upstream = await startGeminiUpstream(script);
  running = await startProxy({
    plan: planFor('gemini/gemini-2.0-flash', { fallback }),
    env: { GEMINI_BASE_URL: `${upstream.url}/v1beta`, GEMINI_API_KEY: 'gem-key' },
  });
  return running;
}

const USER = { 'x-api-key': 'sk-ant-user', authorization: 'Bearer user-token' };

describe('Gemini adapter', () => {
  it('streams a translated text answer that the Anthropic SDK accumulates', async () => {
    const { post, usage } = await geminiProxy(() => geminiTextStream(['Hello', ' from Gemini.'], 12, 4));
    const response = await post('/v1/messages?beta=true', HELLO, USER);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const message = await accumulateWithSdk(await response.text());
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'gemini/gemini-2.0-flash',
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 12, output_tokens: 4 },
    });
    expect(message.id).toMatch(/^msg_/);
    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: 'Hello from Gemini.' })]);
    expect(usage[0]).toMatchObject({ model: 'gemini/gemini-2.0-flash', provider: 'gemini', input_tokens: 12, output_tokens: 4, outcome: 'ok' });
  });

  it('calls streamGenerateContent with the key in x-goog-api-key only, never the user credentials', async () => {
    const { post } = await geminiProxy(() => geminiTextStream(['ok']));
    await (await post('/v1/messages', HELLO, USER)).text();
    const seen = upstream!.requests[0]!;
    expect(seen.url).toBe('/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse');
    expect(seen.headers['x-goog-api-key']).toBe('gem-key');
    expect(seen.headers['x-api-key']).toBeUndefined();
    expect(seen.headers.authorization).toBeUndefined();
    expect(JSON.stringify(seen.headers)).not.toContain('sk-ant-user');
    expect(JSON.stringify(seen.headers)).not.toContain('user-token');
  });

  it('streams a function call as a tool_use block with its input', async () => {
    const { post } = await geminiProxy(() => geminiFunctionCallStream('Read', { file_path: '/tmp/a.txt' }));
    const request = { ...HELLO, tools: [{ name: 'Read', description: 'read a file', input_schema: { type: 'object', properties: { file_path: { type: 'string' } } } }] };
    const message = await accumulateWithSdk(await (await post('/v1/messages', request)).text());
    expect(message.content).toEqual([{ type: 'tool_use', id: expect.stringMatching(/^toolu_/) as unknown, name: 'Read', input: { file_path: '/tmp/a.txt' } }]);
    expect(message.stop_reason).toBe('tool_use');
  });

  it('answers a non-streaming request with generateContent and a JSON message', async () => {
    const { post } = await geminiProxy(() => geminiTextMessage('Plain answer.'));
    const response = await post('/v1/messages', { ...HELLO, stream: false });
    expect(upstream!.requests[0]!.url).toBe('/v1beta/models/gemini-2.0-flash:generateContent');
    expect(await response.json()).toMatchObject({ type: 'message', role: 'assistant', content: [{ type: 'text', text: 'Plain answer.' }], stop_reason: 'end_turn' });
  });

  it('maps RESOURCE_EXHAUSTED to 429 rate_limit_error with retry-after when fallback is off', async () => {
    const { post } = await geminiProxy(() =>
      geminiError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded', [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '34.4s' }]),
    );
    const response = await post('/v1/messages', HELLO);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(response.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
  });
});
