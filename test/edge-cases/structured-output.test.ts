// Structured-output edge cases over real loopback: Claude Code's side is fetch with its captured (or our own)
// JSON-answer requests, the providers are scripted servers, every answer is read with the official SDK
// accumulator. What must hold: the provider is asked in its own structured form, and Claude Code gets one text
// block holding only JSON that matches the schema (or the provider's tool call, untouched).
import { describe, expect, it } from 'vitest';
import type { AnthropicRequest } from '../../src/providers/common/anthropic-types.js';
import { schemaInstruction, schemaRetryPrompt } from '../../src/providers/common/output-format.js';
import { startGeminiUpstream } from '../support/scripted-gemini-upstream.js';
import { openAIError, openAITextMessage, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';
import type { ScriptedUpstream, UpstreamReply, UpstreamScript } from '../support/scripted-upstream.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { closeAfterEach, planFor, type StartedProxy, startProxy, withoutTimings } from '../support/proxy-harness.js';
import { HOOK_SCHEMA, hookRequest, memorySelectionRequest, structuredFixture } from '../providers/structured-output/structured-kit.js';

const session = closeAfterEach<ScriptedUpstream>();

/** A proxy whose main route is `<provider>/model-1` on a scripted OpenAI-compatible server. */
async function openAIRoute(provider: 'openai' | 'deepseek', script: UpstreamScript): Promise<StartedProxy> {
  session.upstream = await startOpenAIUpstream(script);
  const url = session.upstream.url;
  session.running =
    provider === 'openai'
      ? await startProxy({ plan: planFor('openai/model-1'), env: { OPENAI_BASE_URL: `${url}/v1`, OPENAI_API_KEY: 'sk-openai' } })
      : await startProxy({
          plan: planFor('deepseek/model-1'),
          config: { providers: { deepseek: { type: 'openai', baseUrl: `${url}/v1`, apiKeyEnv: 'DEEPSEEK_KEY' } } },
          env: { DEEPSEEK_KEY: 'sk-deepseek' },
        });
  return session.running;
}

async function geminiRoute(script: UpstreamScript): Promise<StartedProxy> {
  session.upstream = await startGeminiUpstream(script);
  session.running = await startProxy({ plan: planFor('gemini/gemini-2.5-flash'), env: { GEMINI_BASE_URL: session.upstream.url, GEMINI_API_KEY: 'g-key' } });
  return session.running;
}

/** POST the request as Claude Code would (model rewritten to the route) and read the answer with the SDK. */
async function ask(proxy: StartedProxy, request: AnthropicRequest, model: string) {
  const response = await proxy.post('/v1/messages?beta=true', { ...request, model });
  expect(response.status).toBe(200);
  return accumulateWithSdk(await response.text());
}

function textAnswer(text: string, usage: [number, number]) {
  return {
    type: 'message',
    role: 'assistant',
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: usage[0], output_tokens: usage[1], cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

function body(index: number): Record<string, unknown> {
  return session.upstream?.requests[index]?.body as Record<string, unknown>;
}

const fencedOpenAI = structuredFixture<{ body: unknown }>('openai-fenced-json-answer.json').body;
const fencedGemini = structuredFixture<{ body: unknown }>('gemini-fenced-json-answer.json').body;
const json = (body: unknown): UpstreamReply => ({ kind: 'json', body });

describe('structured output edge cases (output_config.format)', () => {
  it('a hook decision: OpenAI is asked once, without streaming, with strict json_schema; Claude Code gets only the JSON', async () => {
    const proxy = await openAIRoute('openai', () => openAITextMessage('{"ok":false,"reason":"The prompt asks to write a file."}', { prompt: 300, completion: 12 }));
    const message = await ask(proxy, hookRequest(), 'openai/model-1');
    expect(message).toMatchObject(textAnswer('{"ok":false,"reason":"The prompt asks to write a file."}', [300, 12]));
    expect(message.content).toHaveLength(1);
    expect(session.upstream?.requests).toHaveLength(1);
    expect(session.upstream?.requests[0]?.path).toBe('/v1/chat/completions');
    expect(body(0).stream).toBeUndefined();
    expect(body(0).response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'answer', strict: true } });
  });

  it('a provider that answers with fenced JSON and prose: Claude Code gets the JSON alone', async () => {
    const proxy = await openAIRoute('openai', () => json(fencedOpenAI));
    const message = await ask(proxy, hookRequest(), 'openai/model-1');
    expect(message).toMatchObject(textAnswer('{"ok":false,"reason":"The prompt asks to write a file."}', [310, 41]));
    expect(session.upstream?.requests).toHaveLength(1);
  });

  it('a memory selection on Gemini: generateContent with responseJsonSchema; a fenced answer reaches Claude Code as JSON alone', async () => {
    const proxy = await geminiRoute(() => json(fencedGemini));
    const message = await ask(proxy, memorySelectionRequest(), 'gemini/gemini-2.5-flash');
    expect(message).toMatchObject(textAnswer('{"selected_memories":["testing.md","login-flow.md"]}', [120, 22]));
    expect(session.upstream?.requests.map((request) => request.path)).toEqual(['/models/gemini-2.5-flash:generateContent']);
    expect((body(0).generationConfig as Record<string, unknown>).responseMimeType).toBe('application/json');
    expect((body(0).generationConfig as Record<string, unknown>).responseJsonSchema).toEqual(memorySelectionRequest().output_config?.format?.schema);
  });

  it('a schema with additionalProperties:false and an optional field: the null a strict target gives for it is dropped', async () => {
    const proxy = await openAIRoute('openai', () => openAITextMessage('{"ok":true,"reason":"Reading is fine.","impossible":null}'));
    const message = await ask(proxy, hookRequest(), 'openai/model-1');
    expect(message).toMatchObject(textAnswer('{"ok":true,"reason":"Reading is fine."}', [10, 5]));
  });

  it('a prose answer is asked for again once, with the problem; the JSON of the second answer is sent and both are counted', async () => {
    const proxy = await openAIRoute('deepseek', (_request, index) =>
      index === 0 ? openAITextMessage('I think this prompt should be blocked.', { prompt: 400, completion: 9 }) : openAITextMessage('{"ok":false,"reason":"It writes a file."}', { prompt: 420, completion: 11 }),
    );
    const message = await ask(proxy, hookRequest(), 'deepseek/model-1');
    expect(message).toMatchObject(textAnswer('{"ok":false,"reason":"It writes a file."}', [820, 20]));
    expect(session.upstream?.requests).toHaveLength(2);
    expect(body(0).response_format).toEqual({ type: 'json_object' });
    const firstSystem = (body(0).messages as Array<{ role: string; content: string }>)[0];
    expect(firstSystem?.content.endsWith(schemaInstruction(HOOK_SCHEMA))).toBe(true);
    const retried = body(1).messages as Array<{ role: string; content: unknown }>;
    expect(retried.slice(-2)).toEqual([
      { role: 'assistant', content: 'I think this prompt should be blocked.' },
      { role: 'user', content: schemaRetryPrompt('it is not JSON') },
    ]);
    expect(withoutTimings(proxy.usage[0])).toEqual({
      prompt: 'oss:ship', model: 'deepseek/model-1', provider: 'deepseek', input_tokens: 820, output_tokens: 20, cache_read_tokens: 0, cache_write_tokens: 0,
      fallback: false, outcome: 'ok', latency_ms: '<ms>', ttfb_ms: '<ms>', at: '<time>',
    });
  });

  it('an answer that breaks the schema twice is asked for only twice, and the second JSON is what Claude Code sees', async () => {
    const proxy = await openAIRoute('openai', (_request, index) => openAITextMessage(index === 0 ? '{"ok":"yes"}' : '{"ok":"still yes"}'));
    const message = await ask(proxy, hookRequest(), 'openai/model-1');
    expect(message).toMatchObject(textAnswer('{"ok":"still yes"}', [20, 10]));
    expect(session.upstream?.requests).toHaveLength(2);
    const retried = body(1).messages as Array<{ role: string; content: unknown }>;
    expect(retried.at(-1)).toEqual({ role: 'user', content: schemaRetryPrompt("answer must have required property 'reason'") });
  });

  it('a retry the provider fails leaves the first answer standing (its JSON), with the first call counted', async () => {
    const proxy = await openAIRoute('openai', (_request, index) =>
      index === 0 ? openAITextMessage('Sure! {"ok": true} is my answer.', { prompt: 200, completion: 9 }) : { kind: 'json', status: 500, body: { error: { message: 'boom' } } },
    );
    const message = await ask(proxy, hookRequest(), 'openai/model-1');
    expect(message).toMatchObject(textAnswer('{"ok":true}', [200, 9]));
    expect(session.upstream?.requests).toHaveLength(2);
  });

  it('a provider that refuses response_format is asked again with the schema in the prompt only', async () => {
    const refusal = "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.";
    const proxy = await openAIRoute('openai', (_request, index) =>
      index === 0 ? openAIError(400, refusal) : openAITextMessage('```json\n{"ok": false, "reason": "It writes a file."}\n```'),
    );
    const message = await ask(proxy, hookRequest(), 'openai/model-1');
    expect(message).toMatchObject(textAnswer('{"ok":false,"reason":"It writes a file."}', [10, 5]));
    expect(session.upstream?.requests).toHaveLength(2);
    expect(body(0).response_format).toMatchObject({ type: 'json_schema' });
    expect(body(1)).not.toHaveProperty('response_format');
    const system = (body(1).messages as Array<{ role: string; content: string }>)[0];
    expect(system?.content.endsWith(`\n\n${schemaInstruction(HOOK_SCHEMA)}`)).toBe(true);
  });

  it('an answer that calls a tool is passed on untouched', async () => {
    const call = { id: 'call_1', type: 'function', function: { name: 'Read', arguments: '{"file_path":"/tmp/a"}' } };
    const proxy = await openAIRoute('openai', () =>
      json({ id: 'c', object: 'chat.completion', model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [call] }, finish_reason: 'tool_calls' }], usage: { prompt_tokens: 50, completion_tokens: 8 } }),
    );
    const tool = { name: 'Read', description: 'Read a file', input_schema: { type: 'object' as const, properties: { file_path: { type: 'string' } } } };
    const message = await ask(proxy, { ...hookRequest(), tools: [tool] }, 'openai/model-1');
    // The id is the translator's usual toolu_ id, as on the non-structured path.
    expect(message.content).toEqual([{ type: 'tool_use', id: expect.stringMatching(/^toolu_/) as unknown, name: 'Read', input: { file_path: '/tmp/a' } }]);
    expect(message.stop_reason).toBe('tool_use');
    expect(session.upstream?.requests).toHaveLength(1);
  });

  it('a non-streaming JSON-answer request gets one JSON message holding only the JSON', async () => {
    const proxy = await openAIRoute('openai', () => json(fencedOpenAI));
    const response = await proxy.post('/v1/messages', { ...hookRequest(), model: 'openai/model-1', stream: false });
    expect(response.status).toBe(200);
    const message = (await response.json()) as Record<string, unknown>;
    expect(message).toEqual({
      ...textAnswer('{"ok":false,"reason":"The prompt asks to write a file."}', [310, 41]),
      id: expect.stringMatching(/^msg_/) as unknown,
      model: 'openai/model-1',
    });
  });
});
