// Edge cases from the reference list (edge-cases.md), OpenAI Chat side: one `it` per case (a few cases have
// one per variant), each against the recorded fixture it cites (copied into test/fixtures/, provenance in
// test/fixtures/SOURCES.md). Where a case leaves a choice, the title says what was chosen. Every translated
// stream goes through the official SDK accumulator and is compared with the whole expected message.
import { describe, expect, it } from 'vitest';
import type { OpenAIAssistantMessage, OpenAIMessage, OpenAIResponse } from '../../src/providers/openai-chat/openai-chat-api.js';
import { decodeOpenAIError } from '../../src/providers/openai-chat/decode-error.js';
import { toolNameMapForRequest } from '../../src/providers/openai-chat/tool-name-map.js';
import { transformToOpenAI } from '../../src/providers/openai-chat/transform-request.js';
import { transformFromOpenAIWithUsage } from '../../src/providers/openai-chat/transform-response.js';
import type { AnthropicRequestLike } from '../../src/providers/openai-chat/anthropic-input.js';
import { SYNTHETIC_SIGNATURE_PREFIX } from '../../src/providers/common/anthropic-stream-writer.js';
import type { TargetModel } from '../../src/providers/common/target.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { itRecorded } from '../support/shared-fixtures.js';
import {
  TEST_TARGET,
  claudeCodeFixture,
  eventTypes,
  expectedMessage,
  jsonlAsSse,
  runStream,
  wireFixture,
} from '../providers/openai-chat/stream-harness.js';

const TOOLU = expect.stringMatching(/^toolu_oss_[A-Za-z0-9]{24}$/);
const SIGNED = expect.stringMatching(new RegExp(`^${SYNTHETIC_SIGNATURE_PREFIX.replace('.', '\\.')}`));

const GROQ_TOOL_VALIDATION =
  "test/model (openai): upstream error 500 (Tool call validation failed: tool call validation failed: parameters for tool get_something_by_name did not match schema: errors: [missing properties: 'name', additionalProperties 'invalid_param' not allowed]); Claude Code retries on its own, or pick another model with --model";

const UNREPAIRABLE_BASH_NOTE = '[oss: the arguments for Bash were not valid JSON and were cut at the first invalid character: {"command": ls}]';

function target(provider: string, upstreamModel: string, capabilities: TargetModel['capabilities'] = {}, extra: Partial<TargetModel> = {}): TargetModel {
  return { id: `${provider}/${upstreamModel}`, provider, type: 'openai', upstreamModel, capabilities, ...extra };
}

const OPENAI = target('openai', 'gpt-4o');
const OPENROUTER = (model: string, capabilities: TargetModel['capabilities'] = {}) => target('openrouter', model, capabilities);
const OLLAMA = target('ollama', 'llama3.2', { noToolChoice: true });
const DEEPSEEK = target('deepseek', 'deepseek-reasoner', { reasoning: true });

function assistantOf(messages: OpenAIMessage[], nth = 0): OpenAIAssistantMessage {
  const found = messages.filter((m): m is OpenAIAssistantMessage => m.role === 'assistant')[nth];
  if (!found) throw new Error('no assistant message');
  return found;
}

/** The reasoning text a recorded `.jsonl` stream carries, joined from its chunks (what the thinking block must hold). */
function reasoningOf(jsonl: string): string {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { choices?: Array<{ delta?: { reasoning_content?: string | null } }> }).choices?.[0]?.delta?.reasoning_content ?? '')
    .join('');
}

/** Chunks of a recorded SSE body, one `data:` event each. */
function dataEvents(sse: string): string[] {
  return sse.split(/\n\n/).filter((e) => e.trim() !== '').map((e) => `${e}\n\n`);
}

describe('A. stream framing', () => {
  itRecorded('edge #01: OpenRouter comment lines before and between events are skipped', async () => {
    const run = runStream([wireFixture('openrouter-stream-reasoning-with-comments.sse')]);
    const message = await accumulateWithSdk(run.sse);
    expect(message).toEqual(
      expectedMessage(
        [
          { type: 'thinking', thinking: 'This is a simple arithmetic question. 2+2 equals 4.', signature: SIGNED },
          { type: 'text', text: '2 + 2 = 4' },
        ],
        'end_turn',
        { input_tokens: 43, output_tokens: 36 },
      ),
    );
    expect(run.usage?.provider_cost_usd).toBe(0.000669);
  });

  itRecorded("edge #01: Groq's named `event: error` is read as an error event, not as a chunk", async () => {
    const run = runStream([wireFixture('groq-stream-error-event-tool-use-failed.sse')]);
    expect(eventTypes(run.events).slice(-3)).toEqual(['delta:signature_delta', 'content_block_stop', 'error']);
    expect(run.events.at(-1)).toEqual({ type: 'error', error: { type: 'api_error', message: GROQ_TOOL_VALIDATION } });
    await expect(accumulateWithSdk(run.sse)).rejects.toThrow(/Tool call validation failed/);
  });

  it('edge #01: padded JSON, CRLF line ends and multi-line data are parsed by the SSE parser, not by hand', async () => {
    const body = [
      'data: {"choices":[{"index":0,"delta":{"content":"Hel"}}]}   \r\n\r\n',
      'data: {"choices":[{"index":0,\r\ndata: "delta":{"content":"lo"}}]}\r\n\r\n',
      'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":2}}\r\n\r\n',
      'data: [DONE]\r\n\r\n',
    ].join('');
    const message = await accumulateWithSdk(runStream([body]).sse);
    expect(message).toEqual(expectedMessage([{ type: 'text', text: 'Hello' }], 'end_turn', { input_tokens: 5, output_tokens: 2 }));
  });

  itRecorded('edge #02: a multi-byte character split across network reads survives (streaming decoder)', async () => {
    const bytes = new TextEncoder().encode(wireFixture('deepseek-stream-reasoning.sse'));
    const whole = await accumulateWithSdk(runStream([bytes]).sse);
    const firstNonAscii = bytes.findIndex((b) => b >= 0x80);
    expect(firstNonAscii).toBeGreaterThan(0);
    const split = runStream([bytes.slice(0, firstNonAscii + 1), bytes.slice(firstNonAscii + 1)]);
    expect(await accumulateWithSdk(split.sse)).toEqual(whole);
    expect(whole.content[1]).toEqual({ type: 'text', text: 'Hello there! \u{1F60A} How can I help you today?' });
    expect(JSON.stringify(whole.content)).not.toContain('\uFFFD');
  });

  itRecorded('edge #03: a body that ends after the finish chunk without [DONE] completes normally', async () => {
    const run = runStream([jsonlAsSse(wireFixture('zai-glm-stream-tool-call-empty-name-continuation.jsonl'))]);
    expect(run.events.at(-1)?.type).toBe('message_stop');
    expect(await accumulateWithSdk(run.sse)).toEqual(
      expectedMessage([{ type: 'tool_use', id: TOOLU, name: 'webSearchTool', input: { query: 'current Berlin weather' } }], 'tool_use', { input_tokens: 43, output_tokens: 14, cache_read_input_tokens: 128 }),
    );
  });

  itRecorded('edge #03: a body that ends with no finish reason gives an api_error event, never a fake end_turn', async () => {
    const cut = dataEvents(wireFixture('openai-stream-parallel-tool-calls.sse')).slice(0, 6).join('');
    const run = runStream([cut]);
    const last = run.events.at(-1);
    expect(last).toEqual({ type: 'error', error: { type: 'api_error', message: 'test/model: the upstream stream ended before the model finished; the answer is incomplete' } });
    expect(run.events.some((e) => e.type === 'message_delta')).toBe(false);
    await expect(accumulateWithSdk(run.sse)).rejects.toThrow(/ended before the model finished/);
  });

  itRecorded("edge #05: Azure's empty first chunk (choices:[], id:\"\") and OpenAI's empty role delta open no block", async () => {
    const run = runStream([jsonlAsSse(wireFixture('azure-stream-prompt-filter-first-chunk.jsonl'))]);
    const message = await accumulateWithSdk(run.sse);
    expect(message).toEqual(expectedMessage([{ type: 'text', text: 'Capital of Denmark.' }], 'end_turn', { input_tokens: 15, output_tokens: 78 }));
    expect(eventTypes(run.events).filter((t) => t.startsWith('start:'))).toEqual(['start:text']);
  });

  itRecorded("edge #05: DeepSeek's first chunk (content null, reasoning_content \"\") opens nothing until reasoning arrives", () => {
    const run = runStream([jsonlAsSse(wireFixture('deepseek-stream-reasoning-tool-call.jsonl'))]);
    const firstStart = run.events.find((e) => e.type === 'content_block_start');
    expect(firstStart).toEqual({ type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } });
    const firstDelta = run.events.find((e) => e.type === 'content_block_delta');
    expect(firstDelta).toEqual({ type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'The' } });
  });

  itRecorded('edge #06: `role` repeated on every delta is not a block boundary (one text block, then the tool)', async () => {
    const run = runStream([wireFixture('copilot-claude-stream-tool-call-index-1.sse')]);
    const message = await accumulateWithSdk(run.sse);
    expect(message).toEqual(
      expectedMessage(
        [
          { type: 'text', text: 'Now listing your Coder workspaces:' },
          { type: 'tool_use', id: TOOLU, name: 'bmcp_coder_coder_list_workspaces', input: {} },
        ],
        'tool_use',
        { input_tokens: 25939 - 25429, output_tokens: 58, cache_read_input_tokens: 25429 },
      ),
    );
  });

  itRecorded('edge #07: OpenAI usage chunk after the finish (choices:[]) lands in message_delta', async () => {
    const run = runStream([wireFixture('openai-stream-parallel-tool-calls.sse')]);
    const delta = run.events.find((e) => e.type === 'message_delta');
    expect(delta).toEqual({ type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { input_tokens: 149, output_tokens: 60, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 } });
    expect(eventTypes(run.events).slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
  });

  itRecorded("edge #07: OpenRouter's usage chunk with non-empty choices and finish_reason null neither reopens a block nor resets the stop reason", () => {
    const run = runStream([wireFixture('openrouter-stream-reasoning-with-comments.sse')]);
    const types = eventTypes(run.events);
    expect(types.filter((t) => t.startsWith('start:'))).toEqual(['start:thinking', 'start:text']);
    expect(run.events.find((e) => e.type === 'message_delta')).toMatchObject({ delta: { stop_reason: 'end_turn' }, usage: { input_tokens: 43, output_tokens: 36 } });
  });

  itRecorded('edge #07: DeepSeek usage inside the finish chunk is used', () => {
    const run = runStream([jsonlAsSse(wireFixture('deepseek-stream-reasoning-tool-call.jsonl'))]);
    expect(run.usage).toEqual({ input_tokens: 19, output_tokens: 83, cache_read_input_tokens: 320, cache_creation_input_tokens: 0 });
  });

  itRecorded('edge #08: with no usage at all, message_delta still carries input (the estimate) and output (chars/4) tokens', async () => {
    const run = runStream([wireFixture('anthropic-openai-compat-stream-tool-call-index-1.sse')], { inputTokenEstimate: 120 });
    const message = await accumulateWithSdk(run.sse);
    const chars = 'Reading it.'.length + '{"path": "a.txt"}'.length;
    expect(message).toEqual(
      expectedMessage(
        [
          { type: 'text', text: 'Reading it.' },
          { type: 'tool_use', id: TOOLU, name: 'read_file', input: { path: 'a.txt' } },
        ],
        'tool_use',
        { input_tokens: 120, output_tokens: Math.ceil(chars / 4) },
      ),
    );
  });

  itRecorded('edge #09: message_start carries the estimate and message_delta repeats the real input and cache figures', async () => {
    const run = runStream([wireFixture('openai-stream-tool-call-with-usage.sse')], { inputTokenEstimate: 40 });
    expect(run.events[0]).toMatchObject({ type: 'message_start', message: { usage: { input_tokens: 40, output_tokens: 1 } } });
    const message = await accumulateWithSdk(run.sse);
    expect(message).toEqual(expectedMessage([{ type: 'tool_use', id: TOOLU, name: 'get_capital', input: { country: 'UK' } }], 'tool_use', { input_tokens: 53, output_tokens: 15 }));
  });
});

describe('B. tool calls in streams', () => {
  itRecorded('edge #13: argument fragments that cut keys and strings are forwarded in order as input_json_delta', async () => {
    const run = runStream([wireFixture('openai-stream-parallel-tool-calls.sse')]);
    const fragments = run.events.flatMap((e) => (e.type === 'content_block_delta' && e.delta.type === 'input_json_delta' && e.index === 0 ? [e.delta.partial_json] : []));
    expect(fragments.slice(0, 3)).toEqual(['{"ci', 'ty": ', '"Edinb']);
    expect(fragments.join('')).toBe('{"city": "Edinburgh", "country": "GB", "units": "c"}');
    const message = await accumulateWithSdk(run.sse);
    expect(message).toEqual(
      expectedMessage(
        [
          { type: 'tool_use', id: TOOLU, name: 'GetWeatherArgs', input: { city: 'Edinburgh', country: 'GB', units: 'c' } },
          { type: 'tool_use', id: TOOLU, name: 'get_stock_price', input: { ticker: 'AAPL', exchange: 'NASDAQ' } },
        ],
        'tool_use',
        { input_tokens: 149, output_tokens: 60 },
      ),
    );
  });

  itRecorded('edge #13: one-character fragments (DeepSeek) concatenate to the full input', async () => {
    const jsonl = wireFixture('deepseek-stream-reasoning-tool-call.jsonl');
    const message = await accumulateWithSdk(runStream([jsonlAsSse(jsonl)]).sse);
    expect(message).toEqual(
      expectedMessage(
        [
          { type: 'thinking', thinking: reasoningOf(jsonl), signature: `${SYNTHETIC_SIGNATURE_PREFIX}none` },
          { type: 'tool_use', id: TOOLU, name: 'weather', input: { location: 'San Francisco' } },
        ],
        'tool_use',
        { input_tokens: 19, output_tokens: 83, cache_read_input_tokens: 320 },
      ),
    );
  });

  itRecorded('edge #14: a first tool call with index 1 (text counted as 0) gets the next Anthropic index, keyed by index', async () => {
    const run = runStream([wireFixture('anthropic-openai-compat-stream-tool-call-index-1.sse')]);
    expect(run.events.filter((e) => e.type === 'content_block_start').map((e) => (e.type === 'content_block_start' ? e.index : -1))).toEqual([0, 1]);
    const message = await accumulateWithSdk(run.sse);
    expect(message.content).toEqual([
      { type: 'text', text: 'Reading it.' },
      { type: 'tool_use', id: TOOLU, name: 'read_file', input: { path: 'a.txt' } },
    ]);
  });

  itRecorded('edge #15: interleaved fragments of two calls: the live call streams, the other is buffered and emitted whole after it', async () => {
    const events = dataEvents(wireFixture('openai-stream-parallel-tool-calls.sse'));
    const call0 = events.filter((e) => e.includes('"index":0,"id"') || e.includes('"tool_calls":[{"index":0,'));
    const call1 = events.filter((e) => e.includes('"tool_calls":[{"index":1'));
    const rest = events.filter((e) => !call0.includes(e) && !call1.includes(e));
    const interleaved: string[] = [];
    for (let i = 0; i < Math.max(call0.length, call1.length); i += 1) interleaved.push(call0[i] ?? '', call1[i] ?? '');
    const body = [rest[0], ...interleaved, ...rest.slice(1)].join('');
    const run = runStream([body]);
    expect(eventTypes(run.events).filter((t) => t.startsWith('start:') || t === 'content_block_stop')).toEqual(['start:tool_use', 'content_block_stop', 'start:tool_use', 'content_block_stop']);
    const message = await accumulateWithSdk(run.sse);
    expect(message.content).toEqual([
      { type: 'tool_use', id: TOOLU, name: 'GetWeatherArgs', input: { city: 'Edinburgh', country: 'GB', units: 'c' } },
      { type: 'tool_use', id: TOOLU, name: 'get_stock_price', input: { ticker: 'AAPL', exchange: 'NASDAQ' } },
    ]);
  });

  itRecorded('edge #16: a continuation fragment with `function.name:""` and a repeated `type` keeps the first name', async () => {
    const message = await accumulateWithSdk(runStream([jsonlAsSse(wireFixture('zai-glm-stream-tool-call-empty-name-continuation.jsonl'))]).sse);
    expect(message).toEqual(
      expectedMessage([{ type: 'tool_use', id: TOOLU, name: 'webSearchTool', input: { query: 'current Berlin weather' } }], 'tool_use', {
        input_tokens: 171 - 128,
        output_tokens: 14,
        cache_read_input_tokens: 128,
      }),
    );
  });

  itRecorded('edge #16: a header fragment without `arguments` is read as ""', async () => {
    const message = await accumulateWithSdk(runStream([wireFixture('copilot-claude-stream-tool-call-index-1.sse')]).sse);
    expect(message.content[1]).toEqual({ type: 'tool_use', id: TOOLU, name: 'bmcp_coder_coder_list_workspaces', input: {} });
  });

  itRecorded('edge #17: a whole call in one fragment (Groq `arguments:"{}"`) still gives start, one input_json_delta, stop', async () => {
    const run = runStream([jsonlAsSse(wireFixture('groq-stream-tool-call-single-chunk.jsonl'))]);
    expect(eventTypes(run.events)).toEqual(['message_start', 'start:tool_use', 'delta:input_json_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    const message = await accumulateWithSdk(run.sse);
    expect(message).toEqual(expectedMessage([{ type: 'tool_use', id: TOOLU, name: 'weather', input: {} }], 'tool_use', { input_tokens: 210, output_tokens: 15 }));
  });

  itRecorded('edge #18: a no-argument call (arguments "" throughout) emits partial_json "{}" and input {}', () => {
    const run = runStream([wireFixture('copilot-claude-stream-tool-call-index-1.sse')]);
    const toolDeltas = run.events.filter((e) => e.type === 'content_block_delta' && e.index === 1);
    expect(toolDeltas).toEqual([{ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{}' } }]);
  });

  itRecorded('edge #19: arguments cut by finish_reason "length" report max_tokens and are closed into valid JSON', async () => {
    const events = dataEvents(wireFixture('openai-stream-parallel-tool-calls.sse'));
    const body = [...events.slice(0, 6), events[events.length - 3]?.replace('"tool_calls"', '"length"') ?? '', 'data: [DONE]\n\n'].join('');
    const run = runStream([body]);
    const message = await accumulateWithSdk(run.sse);
    expect(message).toEqual(expectedMessage([{ type: 'tool_use', id: TOOLU, name: 'GetWeatherArgs', input: { city: 'Edinburgh' } }], 'max_tokens', { input_tokens: 0, output_tokens: 5 }));
  });

  it('edge #19: malformed streamed arguments stop at the first invalid character, are closed into valid JSON and followed by a note (chosen over an error), so the whole stream still accumulates', async () => {
    const body = [
      'data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"Bash","arguments":"{\\"command\\": "}}]}}]}\n\n',
      'data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ls}"}}]}}]}\n\n',
      'data: {"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}\n\n',
      'data: [DONE]\n\n',
    ].join('');
    const run = runStream([body]);
    expect(eventTypes(run.events)).toEqual(['message_start', 'start:tool_use', 'delta:input_json_delta', 'delta:input_json_delta', 'content_block_stop', 'start:text', 'delta:text_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    const message = await accumulateWithSdk(run.sse);
    expect(message).toEqual(
      expectedMessage(
        [
          { type: 'tool_use', id: TOOLU, name: 'Bash', input: { command: null } },
          { type: 'text', text: UNREPAIRABLE_BASH_NOTE },
        ],
        'tool_use',
        { input_tokens: 0, output_tokens: 4 },
      ),
    );
  });

  itRecorded('edge #20: finish_reason "stop" after tool calls still reports tool_use', async () => {
    const body = jsonlAsSse(wireFixture('groq-stream-tool-call-single-chunk.jsonl').replace('"finish_reason":"tool_calls"', '"finish_reason":"stop"'));
    const message = await accumulateWithSdk(runStream([body]).sse);
    expect(message).toEqual(expectedMessage([{ type: 'tool_use', id: TOOLU, name: 'weather', input: {} }], 'tool_use', { input_tokens: 210, output_tokens: 15 }));
  });

  it('edge #20: finish_reason "tool_calls" with zero calls reports end_turn', async () => {
    const body = ['data: {"choices":[{"index":0,"delta":{"content":"Done."}}]}\n\n', 'data: {"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}\n\n', 'data: [DONE]\n\n'].join('');
    const message = await accumulateWithSdk(runStream([body]).sse);
    expect(message).toEqual(expectedMessage([{ type: 'text', text: 'Done.' }], 'end_turn', { input_tokens: 0, output_tokens: 2 }));
  });

  itRecorded('edge #21: reasoning → tool call (xAI) and text → tool call switch blocks with strictly increasing indices', async () => {
    const jsonl = wireFixture('xai-stream-reasoning-content-tool-call.jsonl');
    const run = runStream([jsonlAsSse(jsonl)]);
    const starts = run.events.flatMap((e) => (e.type === 'content_block_start' ? [[e.index, e.content_block.type]] : []));
    expect(starts).toEqual([
      [0, 'thinking'],
      [1, 'tool_use'],
    ]);
    const message = await accumulateWithSdk(run.sse);
    expect(message).toEqual(
      expectedMessage(
        [
          { type: 'thinking', thinking: reasoningOf(jsonl), signature: `${SYNTHETIC_SIGNATURE_PREFIX}none` },
          { type: 'tool_use', id: TOOLU, name: 'weather', input: { location: 'San Francisco' } },
        ],
        'tool_use',
        // xAI counts its 227 reasoning tokens beside completion_tokens (total 560 = 307 + 26 + 227): output is 26 + 227.
        { input_tokens: 1, output_tokens: 253, cache_read_input_tokens: 306 },
      ),
    );
  });

  itRecorded('edge #22: upstream ids (OpenAI call_…, DeepSeek call_00_…, Ollama call_xxxxxxxx, Mistral 9 chars) become unique toolu_ ids', () => {
    const fixtures = ['openai-response-tool-call.json', 'deepseek-response-reasoning-tool-call.json', 'ollama-v1-response-reasoning-tool-call.json', 'openrouter-response-mistral-tool-call.json'];
    const ids = fixtures.map((name) => {
      const message = transformFromOpenAIWithUsage(JSON.parse(wireFixture(name)) as OpenAIResponse, OPENAI).message;
      return message.content.find((b) => b.type === 'tool_use');
    });
    for (const block of ids) expect(block).toMatchObject({ type: 'tool_use', id: TOOLU });
    expect(new Set(ids.map((b) => (b?.type === 'tool_use' ? b.id : ''))).size).toBe(4);
  });

  it('edge #22: replayed to a Mistral-backed OpenRouter model, ids become 9 alphanumerics, the same for the call and its result', () => {
    const request: AnthropicRequestLike = {
      messages: [
        { role: 'user', content: 'divide' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_oss_AbCdEfGhIjKlMnOpQrStUvWx', name: 'divide', input: { numerator: 1 } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_oss_AbCdEfGhIjKlMnOpQrStUvWx', content: '0.5' }] },
      ],
    };
    const body = transformToOpenAI(request, OPENROUTER('mistralai/mistral-small'));
    const callId = assistantOf(body.messages).tool_calls?.[0]?.id;
    expect(callId).toMatch(/^[a-zA-Z0-9]{9}$/);
    expect(callId).toBe('HwByoilFk');
    expect(body.messages[2]).toEqual({ role: 'tool', tool_call_id: callId, content: '0.5' });
    expect(transformToOpenAI(request, OPENROUTER('mistralai/mistral-small')).messages).toEqual(body.messages);
    expect(assistantOf(transformToOpenAI(request, OPENAI).messages).tool_calls?.[0]?.id).toBe('toolu_oss_AbCdEfGhIjKlMnOpQrStUvWx');
  });
});

describe('C. reasoning', () => {
  itRecorded('edge #26: DeepSeek/xAI reasoning_content, OpenRouter reasoning and Groq reasoning all become thinking blocks closed by a signature', async () => {
    const streams: Array<[string, string]> = [
      [jsonlAsSse(wireFixture('deepseek-stream-reasoning-tool-call.jsonl')), reasoningOf(wireFixture('deepseek-stream-reasoning-tool-call.jsonl'))],
      [jsonlAsSse(wireFixture('xai-stream-reasoning-content-tool-call.jsonl')), reasoningOf(wireFixture('xai-stream-reasoning-content-tool-call.jsonl'))],
      [wireFixture('openrouter-stream-reasoning-with-comments.sse'), 'This is a simple arithmetic question. 2+2 equals 4.'],
    ];
    for (const [body, reasoning] of streams) {
      const run = runStream([body]);
      const types = eventTypes(run.events);
      expect(types.slice(1, 3)).toEqual(['start:thinking', 'delta:thinking_delta']);
      const stop = types.indexOf('content_block_stop');
      expect(types[stop - 1]).toBe('delta:signature_delta');
      const message = await accumulateWithSdk(run.sse);
      expect(message.content[0]).toEqual({ type: 'thinking', thinking: reasoning, signature: SIGNED });
    }
    const groq = runStream([wireFixture('groq-stream-error-event-tool-use-failed.sse')]);
    expect(groq.events[1]).toEqual({ type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } });
  });

  itRecorded("edge #26: OpenRouter's encrypted reasoning_details (no text) ride in the thinking block's signature and come back on replay", async () => {
    const run = runStream([wireFixture('openrouter-stream-encrypted-reasoning-o3.sse')]);
    const message = await accumulateWithSdk(run.sse);
    const thinking = message.content[0];
    expect(thinking).toMatchObject({ type: 'thinking', thinking: '' });
    const signature = thinking?.type === 'thinking' ? thinking.signature : '';
    expect(signature.startsWith(`${SYNTHETIC_SIGNATURE_PREFIX}or.`)).toBe(true);
    const replay = transformToOpenAI({ messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: message.content as AnthropicRequestLike['messages'][number]['content'] }, { role: 'user', content: 'more' }] }, OPENROUTER('openai/o3', { reasoning: true }));
    const recorded = wireFixture('openrouter-stream-encrypted-reasoning-o3.sse')
      .split('\n')
      .filter((line) => line.includes('"reasoning_details":[{'))
      .flatMap((line) => (JSON.parse(line.slice('data: '.length)) as { choices: Array<{ delta: { reasoning_details: unknown[] } }> }).choices[0]?.delta.reasoning_details ?? []);
    expect(recorded).toHaveLength(1);
    expect(assistantOf(replay.messages).reasoning_details).toEqual(recorded);
  });

  it('edge #27: thinking blocks in history are dropped for OpenAI, sent as reasoning_content for DeepSeek, as reasoning_details for OpenRouter', () => {
    const turn = claudeCodeFixture<{ request_2_messages_from_index_2: AnthropicRequestLike['messages'] }>('tool-loop-write-thinking-second-request.json');
    const request: AnthropicRequestLike = { messages: [{ role: 'user', content: 'write the file' }, ...turn.request_2_messages_from_index_2] };
    const openai = assistantOf(transformToOpenAI(request, OPENAI).messages);
    expect(openai).toEqual({
      role: 'assistant',
      content: 'I will write the file now.',
      tool_calls: [{ id: 'toolu_mockwrite01', type: 'function', function: { name: 'Write', arguments: '{"file_path":"<project>/probe-out.txt","content":"hello from the mock\\n"}' } }],
    });
    const deepseek = assistantOf(transformToOpenAI(request, DEEPSEEK).messages);
    expect(deepseek.reasoning_content).toBe('I should write the file.');
    const withoutThinking: AnthropicRequestLike = { messages: request.messages.map((m) => (m.role === 'assistant' && Array.isArray(m.content) ? { ...m, content: m.content.filter((b) => b.type !== 'thinking') } : m)) };
    expect(assistantOf(transformToOpenAI(withoutThinking, DEEPSEEK).messages).reasoning_content).toBe('');
    expect(assistantOf(transformToOpenAI(request, OPENROUTER('anthropic/claude-sonnet-4.5')).messages).reasoning_details).toBeUndefined();
  });

  itRecorded('edge #31: adaptive thinking + effort → reasoning_effort (OpenAI/Ollama/DeepSeek), budget → OpenRouter reasoning.max_tokens, nothing for models that cannot think', () => {
    const launcher = claudeCodeFixture<{ request_1: { body: AnthropicRequestLike } }>('recommended-launcher-env-tool-loop.json').request_1.body;
    expect(transformToOpenAI(launcher, target('openai', 'gpt-5.1', { reasoning: true, reasoningModel: true })).reasoning_effort).toBe('high');
    expect(transformToOpenAI(launcher, target('ollama', 'gpt-oss:20b', { reasoning: true })).reasoning_effort).toBe('high');
    expect(transformToOpenAI(launcher, DEEPSEEK)).toMatchObject({ reasoning_effort: 'high', thinking: { type: 'enabled' } });
    expect(transformToOpenAI(launcher, OPENROUTER('openai/gpt-5.1', { reasoning: true })).reasoning).toEqual({ effort: 'high' });
    const enabled = JSON.parse(wireFixture('anthropic-request-thinking-enabled.json')) as AnthropicRequestLike;
    expect(transformToOpenAI(enabled, OPENROUTER('anthropic/claude-sonnet-4.5', { reasoning: true })).reasoning).toEqual({ max_tokens: 1024 });
    expect(transformToOpenAI(enabled, target('openai', 'o3', { reasoning: true, reasoningModel: true })).reasoning_effort).toBe('low');
    const plain = transformToOpenAI(launcher, OPENAI);
    expect([plain.reasoning_effort, plain.reasoning, plain.thinking]).toEqual([undefined, undefined, undefined]);
    expect(transformToOpenAI({ ...enabled, thinking: { type: 'disabled' } }, target('openai', 'o3', { reasoning: true })).reasoning_effort).toBeUndefined();
  });
});

describe('D. request translation', () => {
  const launcher = claudeCodeFixture<{ request_1: { body: AnthropicRequestLike } }>('recommended-launcher-env-tool-loop.json').request_1.body;

  it('edge #32: system blocks are joined with blank lines, the billing-header block is dropped, cache_control is stripped', () => {
    const body = transformToOpenAI(launcher, OPENAI);
    const system = body.messages[0];
    expect(system?.role).toBe('system');
    expect(typeof system?.content).toBe('string');
    expect(system?.content).toMatch(/^You are a Claude agent, built on Anthropic's Claude Agent SDK\.\n\n\nYou are an agent/);
    const blocks = launcher.system as Array<{ text: string }>;
    expect(blocks[0]?.text.startsWith('x-anthropic-billing-header:')).toBe(true);
    expect(system).toEqual({ role: 'system', content: blocks.slice(1).map((b) => b.text).join('\n\n') });
    expect(JSON.stringify(body)).not.toContain('x-anthropic-billing-header');
    expect(JSON.stringify(body)).not.toContain('cache_control');
  });

  itRecorded('edge #33: a role:"system" message inside messages stays at its position for hosted APIs (chosen), and is folded into the leading system message for Ollama and local servers', () => {
    const hosted = transformToOpenAI(launcher, OPENAI).messages.map((m) => m.role);
    expect(hosted.slice(0, 3)).toEqual(['system', 'user', 'system']);
    const hostedMessages = transformToOpenAI(launcher, OPENAI).messages;
    const local = transformToOpenAI(launcher, OLLAMA).messages;
    expect(local.map((m) => m.role)).toEqual(['system', 'user']);
    expect(local[0]?.content).toContain('# Environment');
    expect(hostedMessages[2]?.content).toBe(launcher.messages[1]?.content);
    expect(local).toEqual([{ role: 'system', content: `${String(hostedMessages[0]?.content)}\n\n${String(launcher.messages[1]?.content)}` }, hostedMessages[1]]);
    const recorded = JSON.parse(wireFixture('anthropic-request-system-role-inside-messages.json')) as AnthropicRequestLike;
    expect(transformToOpenAI(recorded, OPENAI).messages).toEqual([
      { role: 'system', content: 'You are a code reviewer.' },
      { role: 'user', content: 'Review `def add(a, b): return a + b`.' },
      { role: 'assistant', content: 'Looks fine.' },
      { role: 'user', content: 'Review it again.' },
      { role: 'system', content: 'From now on, every suggestion must include explicit type annotations.' },
    ]);
  });

  itRecorded('edge #34: results in completion order become tool messages in call order; a missing result is synthesised; a stray result is dropped', () => {
    const recorded = JSON.parse(wireFixture('anthropic-request-parallel-tool-results.json')) as AnthropicRequestLike;
    const results = recorded.messages[2]?.content as Array<{ tool_use_id?: string }>;
    const shuffled = [results[3], results[1], { type: 'tool_result', tool_use_id: 'toolu_not_in_the_turn', content: 'stray' }, results[0]];
    const request = { ...recorded, messages: [recorded.messages[0]!, recorded.messages[1]!, { role: 'user', content: shuffled } as AnthropicRequestLike['messages'][number]] };
    const messages = transformToOpenAI(request, OPENAI).messages;
    const calls = assistantOf(messages).tool_calls?.map((c) => c.id);
    const tools = messages.filter((m) => m.role === 'tool');
    expect(tools.map((m) => (m.role === 'tool' ? m.tool_call_id : ''))).toEqual(calls);
    expect(tools.map((m) => m.content)).toEqual([
      "alice is bob's wife",
      "bob is alice's husband",
      'Error: the tool call was interrupted before it returned a result.',
      "daisy is bob's daughter and charlie's younger sister",
    ]);
    expect(JSON.stringify(messages)).not.toContain('stray');
  });

  it('edge #35: tool_result as string, as blocks (tool_reference → "tool: <name>"), empty → "(no output)", is_error → "Error: " prefix, images → a following user message', () => {
    const errors = claudeCodeFixture<{ bash_exit_3: AnthropicRequestLike['messages'][number] }>('tool-result-errors.json');
    const search = claudeCodeFixture<{ request_2_messages_from_index_2: AnthropicRequestLike['messages'] }>('toolsearch-tool-reference.json');
    const errorId = (errors.bash_exit_3.content as Array<{ tool_use_id: string }>)[0]!.tool_use_id;
    const request: AnthropicRequestLike = {
      messages: [
        { role: 'user', content: 'go' },
        ...search.request_2_messages_from_index_2,
        {
          role: 'assistant',
          content: [
            { type: 'tool_use', id: errorId, name: 'Bash', input: { command: 'exit 3' } },
            { type: 'tool_use', id: 'toolu_empty', name: 'Bash', input: {} },
            { type: 'tool_use', id: 'toolu_shot', name: 'Screenshot', input: {} },
          ],
        },
        {
          role: 'user',
          content: [
            ...(errors.bash_exit_3.content as AnthropicRequestLike['messages'][number]['content'] as never[]),
            { type: 'tool_result', tool_use_id: 'toolu_empty', content: [] },
            { type: 'tool_result', tool_use_id: 'toolu_shot', content: [{ type: 'text', text: 'captured' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } }] },
          ],
        },
      ],
    };
    const messages = transformToOpenAI(request, OPENAI).messages;
    expect(messages.filter((m) => m.role === 'tool').map((m) => m.content)).toEqual([
      'tool: CronList',
      'Error: Exit code 3\noops',
      '(no output)',
      'captured\n(the attachment follows in the next message)',
    ]);
    expect(messages[3]).toEqual({ role: 'user', content: 'Tool loaded.' });
    expect(messages.at(-1)).toEqual({ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR' } }] });
  });

  it('edge #37: a user turn after a tool_result turn stays a separate user message; tool messages stay right after their assistant message', () => {
    const messages = transformToOpenAI(
      {
        messages: [
          { role: 'user', content: 'go' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_a', name: 'Bash', input: {} }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_a', content: 'ok' }] },
          { role: 'user', content: 'and then?' },
        ],
      },
      OPENAI,
    ).messages;
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'user']);
  });

  it('edge #38: an assistant turn left empty after dropping thinking/server-tool blocks is dropped; a tool-only turn has content null', () => {
    const messages = transformToOpenAI(
      {
        messages: [
          { role: 'user', content: 'a' },
          { role: 'assistant', content: [{ type: 'thinking', thinking: 'hmm', signature: 'x' }, { type: 'redacted_thinking' }, { type: 'server_tool_use', id: 'srv', name: 'web_search', input: {} }] },
          { role: 'user', content: 'b' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_b', name: 'Read', input: { file_path: '/a' } }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_b', content: 'x' }] },
        ],
      },
      OPENAI,
    ).messages;
    expect(messages.map((m) => m.role)).toEqual(['user', 'user', 'assistant', 'tool']);
    expect(assistantOf(messages)).toEqual({ role: 'assistant', content: null, tool_calls: [{ id: 'toolu_b', type: 'function', function: { name: 'Read', arguments: '{"file_path":"/a"}' } }] });
  });

  it('edge #39: images: base64 → data: URI, URL kept for OpenAI, a placeholder for Ollama URLs and for DeepSeek (no vision)', () => {
    const request: AnthropicRequestLike = {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } },
          ],
        },
      ],
    };
    expect(transformToOpenAI(request, OPENAI).messages[0]?.content).toEqual([
      { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/' } },
      { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
    ]);
    expect(transformToOpenAI(request, OLLAMA).messages[0]?.content).toEqual([
      { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/' } },
      { type: 'text', text: '[image at https://example.com/a.png omitted: this server takes inline images only]' },
    ]);
    expect(transformToOpenAI(request, target('deepseek', 'deepseek-chat')).messages[0]?.content).toBe(
      '[image omitted: this model does not accept images]\n\n[image omitted: this model does not accept images]',
    );
  });

  it('edge #40: documents: PDF → file part for OpenAI/OpenRouter, a placeholder elsewhere; text sources → text; file ids → placeholder', () => {
    const request: AnthropicRequestLike = {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'document', title: 'spec', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBER' } },
            { type: 'document', title: 'notes', source: { type: 'text', media_type: 'text/plain', data: 'plain words' } },
            { type: 'document', source: { type: 'file', file_id: 'file_1' } },
          ],
        },
      ],
    };
    expect(transformToOpenAI(request, OPENAI).messages[0]?.content).toEqual([
      { type: 'file', file: { filename: 'spec.pdf', file_data: 'data:application/pdf;base64,JVBER' } },
      { type: 'text', text: 'notes\n\nplain words' },
      { type: 'text', text: '[document "document" omitted: Anthropic file references cannot be read by this model]' },
    ]);
    expect(transformToOpenAI(request, OLLAMA).messages).toEqual([
      { role: 'user', content: '[PDF "spec" omitted: this model does not read PDF files]\n\nnotes\n\nplain words\n\n[document "document" omitted: Anthropic file references cannot be read by this model]' },
    ]);
  });

  it('edge #41: cache_control is stripped for OpenAI/DeepSeek/Ollama and passed through on content parts for OpenRouter', () => {
    expect(JSON.stringify(transformToOpenAI(launcher, DEEPSEEK))).not.toContain('cache_control');
    const routed = transformToOpenAI(launcher, OPENROUTER('anthropic/claude-sonnet-4.5'));
    expect(routed.messages[0]?.content).toEqual([
      { type: 'text', text: "You are a Claude agent, built on Anthropic's Claude Agent SDK.", cache_control: { type: 'ephemeral' } },
      { type: 'text', text: (launcher.system as Array<{ text: string }>)[2]?.text, cache_control: { type: 'ephemeral' } },
    ]);
    const reminder = (launcher.messages[0]?.content as Array<{ text: string }>)[0]?.text;
    expect(reminder?.startsWith('<system-reminder>')).toBe(true);
    expect(routed.messages[1]?.content).toEqual([{ type: 'text', text: reminder }, { type: 'text', text: 'run echo hi', cache_control: { type: 'ephemeral' } }]);
  });

  it('edge #42: tool_reference → "tool: <name>"; server tool blocks, redacted thinking and unknown future types are dropped, never forwarded raw', () => {
    const body = transformToOpenAI(
      {
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'q' }, { type: 'container_upload' }, { type: 'some_future_block', text: 'x' } as never] },
          { role: 'assistant', content: [{ type: 'text', text: 'a' }, { type: 'web_search_tool_result', tool_use_id: 'srv', content: [] }] },
          { role: 'user', content: [{ type: 'search_result', title: 'T', content: [{ type: 'text', text: 'found' }] }, { type: 'tool_reference', tool_name: 'CronList' }] },
        ],
      },
      OPENAI,
    );
    expect(body.messages).toEqual([
      { role: 'user', content: 'q' },
      { role: 'assistant', content: 'a' },
      { role: 'user', content: 'T\nfound\n\ntool: CronList' },
    ]);
  });

  it('edge #43: server tools and DeferredToolPlaceholder are dropped; loaded deferred tools and $schema schemas are kept', () => {
    const tools = [
      { type: 'web_search_20250305', name: 'web_search' },
      { name: 'DeferredToolPlaceholder', defer_loading: true, description: 'x', input_schema: { type: 'object' } },
      { name: 'CronList', defer_loading: true, description: 'List crons', input_schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: {} } },
    ];
    const body = transformToOpenAI({ messages: [{ role: 'user', content: 'x' }], tools }, OPENAI);
    expect(body.tools).toEqual([{ type: 'function', function: { name: 'CronList', description: 'List crons', parameters: { type: 'object', properties: {} } } }]);
    const search = claudeCodeFixture<{ request_2_tools: AnthropicRequestLike['tools'] }>('toolsearch-tool-reference.json');
    const names = transformToOpenAI({ messages: [], tools: search.request_2_tools }, OPENAI).tools?.map((t) => t.function.name);
    expect(names).toEqual(['Agent', 'Bash', 'CronList', 'Edit', 'ListAgents', 'Read', 'ReportFindings', 'ScheduleWakeup', 'Skill', 'ToolSearch', 'Workflow', 'Write']);
  });

  it('edge #45: an MCP tool name over 64 characters is shortened deterministically and mapped back in the stream', async () => {
    const longName = `mcp__${'very_long_server_name_'.repeat(3)}__create_issue_with_labels`;
    const request: AnthropicRequestLike = { messages: [{ role: 'user', content: 'x' }], tools: [{ name: longName, input_schema: { type: 'object' } }] };
    const sent = transformToOpenAI(request, OPENAI).tools?.[0]?.function.name ?? '';
    expect(sent).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(sent).toBe('mcp__very_long_server_name_very_long_server_name_very_l_f14169b6');
    expect(transformToOpenAI(request, OPENAI).tools?.[0]?.function.name).toBe(sent);
    const body = [
      `data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"${sent}","arguments":"{}"}}]}}]}\n\n`,
      'data: {"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}\n\n',
      'data: [DONE]\n\n',
    ].join('');
    const message = await accumulateWithSdk(runStream([body], { toolNames: toolNameMapForRequest(request) }).sse);
    expect(message.content).toEqual([{ type: 'tool_use', id: TOOLU, name: longName, input: {} }]);
  });

  it('edge #46: tool_choice any → required, tool → named, none → none, disable_parallel_tool_use → parallel_tool_calls:false; omitted for Ollama and without tools', () => {
    const base: AnthropicRequestLike = { messages: [{ role: 'user', content: 'x' }], tools: [{ name: 'Read', input_schema: { type: 'object' } }] };
    expect(transformToOpenAI({ ...base, tool_choice: { type: 'any', disable_parallel_tool_use: true } }, OPENAI)).toMatchObject({ tool_choice: 'required', parallel_tool_calls: false });
    expect(transformToOpenAI({ ...base, tool_choice: { type: 'tool', name: 'Read' } }, OPENAI).tool_choice).toEqual({ type: 'function', function: { name: 'Read' } });
    expect(transformToOpenAI({ ...base, tool_choice: { type: 'none' } }, OPENAI).tool_choice).toBe('none');
    const ollama = transformToOpenAI({ ...base, tool_choice: { type: 'any' } }, OLLAMA);
    expect(ollama.tool_choice).toBeUndefined();
    expect(ollama.tools).toHaveLength(1);
    expect(transformToOpenAI({ ...base, tool_choice: { type: 'none' } }, OLLAMA).tools).toBeUndefined();
    const noTools = transformToOpenAI({ messages: base.messages, tool_choice: { type: 'auto' } }, OPENAI);
    expect([noTools.tools, noTools.tool_choice]).toEqual([undefined, undefined]);
  });

  it('edge #47: max_tokens is clamped to the output limit; reasoning models get max_completion_tokens; Ollama gets max_tokens', () => {
    expect(transformToOpenAI(launcher, { ...OPENAI, maxOutputTokens: 16384 }).max_tokens).toBe(16384);
    const reasoning = transformToOpenAI(launcher, target('openai', 'gpt-5.1', { reasoningModel: true }, { maxOutputTokens: 128000 }));
    expect([reasoning.max_completion_tokens, reasoning.max_tokens]).toEqual([32000, undefined]);
    expect(transformToOpenAI(launcher, OLLAMA).max_tokens).toBe(32000);
  });

  it('edge #48: reasoning models lose temperature/top_p and get a developer message; top_k goes to OpenRouter only', () => {
    const request = { ...launcher, temperature: 1, top_p: 0.9, top_k: 40 };
    const o3 = transformToOpenAI(request, target('openai', 'o3', { reasoningModel: true }));
    expect([o3.temperature, o3.top_p, o3.top_k, o3.messages[0]?.role]).toEqual([undefined, undefined, undefined, 'developer']);
    const gpt = transformToOpenAI(request, OPENAI);
    expect([gpt.temperature, gpt.top_p, gpt.top_k]).toEqual([1, 0.9, undefined]);
    expect(transformToOpenAI(request, OPENROUTER('meta-llama/llama-3.3-70b-instruct')).top_k).toBe(40);
  });

  it('edge #49: stop_sequences are cut to 4 (none for OpenAI reasoning models); OpenAI cannot say which matched, so the stop reason is end_turn (chosen)', async () => {
    const request: AnthropicRequestLike = { messages: [{ role: 'user', content: 'x' }], stop_sequences: ['a', 'b', 'c', 'd', 'e'] };
    expect(transformToOpenAI(request, OPENAI).stop).toEqual(['a', 'b', 'c', 'd']);
    expect(transformToOpenAI(request, target('openai', 'o3', { reasoningModel: true })).stop).toBeUndefined();
    const body = ['data: {"choices":[{"index":0,"delta":{"content":"ok"}}]}\n\n', 'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n', 'data: [DONE]\n\n'].join('');
    expect((await accumulateWithSdk(runStream([body]).sse)).stop_reason).toBe('end_turn');
    const vllm = body.replace('"finish_reason":"stop"', '"finish_reason":"stop","stop_reason":"d"');
    const message = await accumulateWithSdk(runStream([vllm]).sse);
    expect([message.stop_reason, message.stop_sequence]).toEqual(['stop_sequence', 'd']);
  });
});

describe('E. responses, errors, stop reasons', () => {
  itRecorded('edge #52: delta.refusal becomes a text block with stop_reason "refusal"', async () => {
    const message = await accumulateWithSdk(runStream([wireFixture('openai-stream-refusal.sse')]).sse);
    expect(message).toEqual(expectedMessage([{ type: 'text', text: "I'm very sorry, but I can't assist with that." }], 'refusal', { input_tokens: 79, output_tokens: 12 }));
  });

  itRecorded('edge #53: finish_reason "length" reports max_tokens', async () => {
    const message = await accumulateWithSdk(runStream([wireFixture('openai-stream-finish-length.sse')]).sse);
    expect(message).toEqual(expectedMessage([{ type: 'text', text: '{"' }], 'max_tokens', { input_tokens: 79, output_tokens: 1 }));
  });

  itRecorded("edge #53: OpenRouter's error chunk after repeated length chunks is logged, not a second terminal event; its usage is kept", async () => {
    const run = runStream([wireFixture('openrouter-stream-error-after-length.sse')]);
    expect(run.events.filter((e) => e.type === 'error')).toEqual([]);
    expect(run.warnings).toEqual(['test/model: error after the model finished (length), ignored: Token limit reached']);
    const message = await accumulateWithSdk(run.sse);
    expect(message).toEqual(expectedMessage([{ type: 'thinking', thinking: 'We need to respond to a greeting. The user', signature: SIGNED }], 'max_tokens', { input_tokens: 43, output_tokens: 10 }));
  });

  itRecorded('edge #54: OpenAI bare data:{"error"} mid-stream → event: error (api_error) after closing the open text block, no message_stop', async () => {
    const run = runStream([wireFixture('openai-stream-midstream-error.sse')]);
    expect(eventTypes(run.events).slice(-3)).toEqual(['delta:text_delta', 'content_block_stop', 'error']);
    expect(run.events.at(-1)).toEqual({ type: 'error', error: { type: 'api_error', message: 'test/model (openai): upstream error 500 (The server had an error while processing your request. Sorry about that!); Claude Code retries on its own, or pick another model with --model' } });
    await expect(accumulateWithSdk(run.sse)).rejects.toThrow(/The server had an error/);
  });

  itRecorded("edge #54: Groq's event: error and OpenRouter's chunk with a top-level error (finish_reason \"error\") → event: error with a matching type", async () => {
    const groq = runStream([wireFixture('groq-stream-error-event-tool-use-failed.sse')]);
    expect(groq.events.at(-1)).toEqual({ type: 'error', error: { type: 'api_error', message: GROQ_TOOL_VALIDATION } });
    const chunks = dataEvents(wireFixture('openrouter-docs-midstream-error-chunks.sse'));
    const first = runStream([chunks[0] ?? '', chunks[1] ?? '']);
    expect(first.events.at(-1)).toEqual({ type: 'error', error: { type: 'api_error', message: 'test/model (openai): upstream error 500 (Provider disconnected unexpectedly); Claude Code retries on its own, or pick another model with --model' } });
    const limited = runStream([chunks[2] ?? '']);
    expect(limited.events.at(-1)).toEqual({ type: 'error', error: { type: 'rate_limit_error', message: 'test/model (openai): rate limited (Rate limit exceeded); Claude Code retries on its own, or pick another model with --model' } });
    await expect(accumulateWithSdk(limited.sse)).rejects.toThrow(/Rate limit exceeded/);
  });

  itRecorded('edge #55: pre-stream errors map to Anthropic statuses: context overflow → 400 "prompt is too long: X tokens > Y maximum"', () => {
    const error = decodeOpenAIError(400, wireFixture('openai-error-400-context-length-exceeded.json'), {}, OPENAI);
    expect([error.status, error.type, error.message]).toEqual([400, 'invalid_request_error', 'prompt is too long: 3148588 tokens > 272000 maximum']);
    const anthropicWording = (JSON.parse(wireFixture('anthropic-error-400-prompt-too-long.json')) as { error: { message: string } }).error.message;
    expect(error.message).toMatch(new RegExp(anthropicWording.replace(/\d+/g, '\\d+')));
    const estimated = decodeOpenAIError(400, '{"error":{"message":"This request exceeds the model\'s context window."}}', {}, { ...OPENAI, contextWindow: 128000 }, { promptTokenEstimate: 150000 });
    expect(estimated.message).toBe('prompt is too long: 150000 tokens > 128000 maximum');
  });

  itRecorded('edge #55: 429 rate limit → retryable 429 with retry-after ≤ 60; insufficient_quota and 402 → non-retryable billing_error', () => {
    const tpm = decodeOpenAIError(429, wireFixture('openai-error-429-request-too-large-tpm.json'), { 'retry-after': '7' }, OPENAI);
    expect([tpm.status, tpm.type, tpm.retryable, tpm.retryAfter]).toEqual([429, 'rate_limit_error', true, 7]);
    expect(decodeOpenAIError(429, '{}', { 'retry-after': '3600' }, OPENAI).retryAfter).toBe(60);
    const quota = decodeOpenAIError(429, wireFixture('openai-error-429-insufficient-quota.json'), {}, OPENAI);
    expect([quota.status, quota.type, quota.retryable]).toEqual([402, 'billing_error', false]);
    const credits = decodeOpenAIError(402, '{"error":{"code":402,"message":"Insufficient credits"}}', {}, OPENROUTER('openai/gpt-4o'));
    expect([credits.status, credits.type, credits.retryable]).toEqual([402, 'billing_error', false]);
    const routed = decodeOpenAIError(429, wireFixture('openrouter-error-429-provider-returned-error.json'), {}, OPENROUTER('google/gemini-2.0-flash-exp:free'));
    expect([routed.status, routed.type, routed.retryable]).toEqual([429, 'rate_limit_error', true]);
    expect(routed.message).toBe(
      'openrouter/google/gemini-2.0-flash-exp:free (openrouter): rate limited (Provider returned error: google/gemini-2.0-flash-exp:free is temporarily rate-limited upstream. Please retry shortly, or add your own key to accumulate your rate limits: https://openrouter.ai/settings/integrations); Claude Code retries on its own, or pick another model with --model',
    );
  });

  itRecorded('edge #55: 401 → not retried; Ollama 404 "try pulling it first" → not_found_error telling to run `ollama pull <model>`; 503 → 529 overloaded', () => {
    const auth = decodeOpenAIError(401, '{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}', {}, OPENAI);
    expect([auth.status, auth.type, auth.retryable]).toEqual([401, 'authentication_error', false]);
    const missing = decodeOpenAIError(404, wireFixture('ollama-v1-error-404-model-not-found.json'), {}, target('ollama', 'gemma3:12b'));
    expect([missing.status, missing.type, missing.retryable]).toEqual([404, 'not_found_error', false]);
    expect(missing.message).toBe('ollama/gemma3:12b (ollama): model gemma3:12b not found (model "gemma3:12b" not found, try pulling it first); run `ollama pull gemma3:12b`');
    const busy = decodeOpenAIError(503, '{"error":{"code":503,"message":"No instances available"}}', { 'retry-after': '2' }, OPENROUTER('x/y'));
    expect([busy.status, busy.type, busy.retryable, busy.retryAfter]).toEqual([529, 'overloaded_error', true, 2]);
  });

  itRecorded('edge #56: error bodies are decoded tolerantly: bare string error, numeric code, null code, no message, plain text', () => {
    expect(decodeOpenAIError(404, wireFixture('ollama-native-error-404-model-not-found.json'), {}, target('ollama', 'mistral')).message).toBe(
      "ollama/mistral (ollama): model mistral not found (model 'mistral' not found, try pulling it first); run `ollama pull mistral`",
    );
    expect(decodeOpenAIError(400, wireFixture('openai-error-400-temperature-unsupported.json'), {}, OPENAI).message).toBe(
      "openai/gpt-4o (openai): Unsupported parameter: 'temperature' is not supported with this model.",
    );
    expect(decodeOpenAIError(500, '{"error":{"code":"oops"}}', {}, OPENAI).message).toBe('openai/gpt-4o (openai): upstream error 500 ({"code":"oops"}); Claude Code retries on its own, or pick another model with --model');
    const text = decodeOpenAIError(502, '<html>Bad gateway</html>', {}, OPENAI);
    expect([text.status, text.type, text.message]).toEqual([502, 'api_error', 'openai/gpt-4o (openai): upstream error 502 (<html>Bad gateway</html>); Claude Code retries on its own, or pick another model with --model']);
  });

  itRecorded('edge #57: input_tokens = prompt − cached (− OpenRouter cache writes); cache reads reported apart; OpenRouter cost kept for the ledger', () => {
    const deepseek = transformFromOpenAIWithUsage(JSON.parse(wireFixture('deepseek-response-reasoning-tool-call.json')) as OpenAIResponse, DEEPSEEK);
    expect(deepseek.message.usage).toEqual({ input_tokens: 19, output_tokens: 92, cache_read_input_tokens: 320, cache_creation_input_tokens: 0 });
    const cost = transformFromOpenAIWithUsage(JSON.parse(wireFixture('openrouter-response-usage-cost.json')) as OpenAIResponse, OPENROUTER('openai/gpt-5-mini'));
    expect(cost.usage).toEqual({ input_tokens: 17, output_tokens: 2177, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, provider_cost_usd: 0.00435825 });
    expect(cost.message.usage).not.toHaveProperty('provider_cost_usd');
    const writes = JSON.parse(wireFixture('openrouter-response-reasoning-details.json')) as OpenAIResponse & { usage: { prompt_tokens: number; prompt_tokens_details: Record<string, number> } };
    writes.usage.prompt_tokens = 1000;
    writes.usage.prompt_tokens_details = { cached_tokens: 600, cache_write_tokens: 300 };
    expect(transformFromOpenAIWithUsage(writes, OPENROUTER('anthropic/claude-sonnet-4.5')).message.usage).toEqual({ input_tokens: 100, output_tokens: 92, cache_read_input_tokens: 600, cache_creation_input_tokens: 300 });
  });

  itRecorded('edge #58: a non-streaming chat.completion becomes a whole Anthropic message with toolu_ ids, stop_reason and usage', () => {
    const message = transformFromOpenAIWithUsage(JSON.parse(wireFixture('openai-response-tool-call.json')) as OpenAIResponse, OPENAI).message;
    expect(message).toEqual({
      id: expect.stringMatching(/^msg_/) as unknown,
      type: 'message',
      role: 'assistant',
      model: 'openai/gpt-4o',
      content: [{ type: 'tool_use', id: TOOLU, name: 'read_file', input: { path: 'README.md' } }],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 60, output_tokens: 15, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    });
    const recorded = JSON.parse(wireFixture('openrouter-response-reasoning-details.json')) as OpenAIResponse & { choices: Array<{ message: { reasoning: string } }> };
    const reasoning = transformFromOpenAIWithUsage(recorded, OPENROUTER('openai/gpt-5-mini')).message;
    expect(reasoning.content).toEqual([
      { type: 'thinking', thinking: recorded.choices[0]?.message.reasoning, signature: expect.stringMatching(/^oss1\.or\./) as unknown },
      { type: 'text', text: 'Hello! How can I help you today?' },
    ]);
    expect(recorded.choices[0]?.message.reasoning.startsWith('**Crafting a friendly greeting**')).toBe(true);
  });

  itRecorded('edge #59: upstream ids (chatcmpl-, gen-) are replaced by msg_ ids and the model is the oss id asked for, not the serving provider', async () => {
    const response = transformFromOpenAIWithUsage(JSON.parse(wireFixture('openrouter-response-mistral-tool-call.json')) as OpenAIResponse, OPENROUTER('mistralai/mistral-small')).message;
    expect(response.id).toMatch(/^msg_oss_/);
    expect(response.model).toBe('openrouter/mistralai/mistral-small');
    const run = runStream([wireFixture('openrouter-stream-reasoning-with-comments.sse')]);
    expect(run.events[0]).toMatchObject({ type: 'message_start', message: { id: 'msg_test', model: TEST_TARGET.id } });
    expect((await accumulateWithSdk(run.sse)).model).toBe(TEST_TARGET.id);
  });
});
