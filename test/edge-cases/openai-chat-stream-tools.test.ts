// Edge cases 13–21 (reference/edge-cases.md), OpenAI Chat streams: tool-call fragments, indices, interleaving,
// empty and cut arguments, the stop reason after calls, block order. Recorded fixtures from ../shared/fixtures/wire
// or bodies written inline; own-fixtures-openai.test.ts covers each case without ../shared. Every translated
// stream goes through the official SDK accumulator and is compared whole.
import { describe, expect, it } from 'vitest';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { itRecorded } from '../support/shared-fixtures.js';
import { COPILOT_LIST_WORKSPACES, GROQ_WEATHER, PARALLEL_CALLS, TOOLU, ZAI_WEB_SEARCH, expectedMessage, reasoningThenWeather } from '../support/openai-chat-expected.js';
import { dataEvents, eventTypes, inputJsonDeltas, jsonlAsSse, reasoningOf, runStream, wireFixture } from '../support/openai-stream-harness.js';

const UNREPAIRABLE_BASH_NOTE = '[oss: the arguments for Bash were not valid JSON and were cut at the first invalid character: {"command": ls}]';

describe('OpenAI Chat streams: tool calls (edge cases 13–21)', () => {
  itRecorded('edge #13: argument fragments that cut keys and strings are forwarded in order as input_json_delta', async () => {
    const run = runStream([wireFixture('openai-stream-parallel-tool-calls.sse')]);
    const fragments = inputJsonDeltas(run.events, 0);
    expect(fragments.slice(0, 3)).toEqual(['{"ci', 'ty": ', '"Edinb']);
    expect(fragments.join('')).toBe('{"city": "Edinburgh", "country": "GB", "units": "c"}');
    expect(await accumulateWithSdk(run.sse)).toEqual(expectedMessage(PARALLEL_CALLS, 'tool_use', { input_tokens: 149, output_tokens: 60 }));
  });

  itRecorded('edge #13: one-character fragments (DeepSeek) concatenate to the full input', async () => {
    const jsonl = wireFixture('deepseek-stream-reasoning-tool-call.jsonl');
    const message = await accumulateWithSdk(runStream([jsonlAsSse(jsonl)]).sse);
    expect(message).toEqual(reasoningThenWeather(reasoningOf(jsonl), { input_tokens: 19, output_tokens: 83, cache_read_input_tokens: 320 }));
  });

  itRecorded('edge #14: a first tool call with index 1 (text counted as 0) gets the next Anthropic index, keyed by index', async () => {
    const run = runStream([wireFixture('anthropic-openai-compat-stream-tool-call-index-1.sse')]);
    expect(run.events.flatMap((e) => (e.type === 'content_block_start' ? [e.index] : []))).toEqual([0, 1]);
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
    const run = runStream([[rest[0], ...interleaved, ...rest.slice(1)].join('')]);
    expect(eventTypes(run.events).filter((t) => t.startsWith('start:') || t === 'content_block_stop')).toEqual(['start:tool_use', 'content_block_stop', 'start:tool_use', 'content_block_stop']);
    expect((await accumulateWithSdk(run.sse)).content).toEqual(PARALLEL_CALLS);
  });

  itRecorded('edge #16: a continuation fragment with `function.name:""` and a repeated `type` keeps the first name', async () => {
    const message = await accumulateWithSdk(runStream([jsonlAsSse(wireFixture('zai-glm-stream-tool-call-empty-name-continuation.jsonl'))]).sse);
    expect(message).toEqual(ZAI_WEB_SEARCH);
  });

  itRecorded('edge #16: a header fragment without `arguments` is read as ""', async () => {
    const message = await accumulateWithSdk(runStream([wireFixture('copilot-claude-stream-tool-call-index-1.sse')]).sse);
    expect(message).toEqual(COPILOT_LIST_WORKSPACES);
  });

  itRecorded('edge #17: a whole call in one fragment (Groq `arguments:"{}"`) still gives start, one input_json_delta, stop', async () => {
    const run = runStream([jsonlAsSse(wireFixture('groq-stream-tool-call-single-chunk.jsonl'))]);
    expect(eventTypes(run.events)).toEqual(['message_start', 'start:tool_use', 'delta:input_json_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(await accumulateWithSdk(run.sse)).toEqual(GROQ_WEATHER);
  });

  itRecorded('edge #18: a no-argument call (arguments "" throughout) emits partial_json "{}" and input {}', () => {
    const run = runStream([wireFixture('copilot-claude-stream-tool-call-index-1.sse')]);
    const toolDeltas = run.events.filter((e) => e.type === 'content_block_delta' && e.index === 1);
    expect(toolDeltas).toEqual([{ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{}' } }]);
  });

  itRecorded('edge #19: arguments cut by finish_reason "length" report max_tokens and are closed into valid JSON', async () => {
    const events = dataEvents(wireFixture('openai-stream-parallel-tool-calls.sse'));
    const body = [...events.slice(0, 6), events[events.length - 3]?.replace('"tool_calls"', '"length"') ?? '', 'data: [DONE]\n\n'].join('');
    const message = await accumulateWithSdk(runStream([body]).sse);
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
    expect(await accumulateWithSdk(runStream([body]).sse)).toEqual(GROQ_WEATHER);
  });

  it('edge #20: finish_reason "tool_calls" with zero calls reports end_turn', async () => {
    const body = ['data: {"choices":[{"index":0,"delta":{"content":"Done."}}]}\n\n', 'data: {"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}\n\n', 'data: [DONE]\n\n'].join('');
    const message = await accumulateWithSdk(runStream([body]).sse);
    expect(message).toEqual(expectedMessage([{ type: 'text', text: 'Done.' }], 'end_turn', { input_tokens: 0, output_tokens: 2 }));
  });

  itRecorded('edge #21: reasoning → tool call (xAI) and text → tool call switch blocks with strictly increasing indices', async () => {
    const jsonl = wireFixture('xai-stream-reasoning-content-tool-call.jsonl');
    const run = runStream([jsonlAsSse(jsonl)]);
    expect(run.events.flatMap((e) => (e.type === 'content_block_start' ? [[e.index, e.content_block.type]] : []))).toEqual([
      [0, 'thinking'],
      [1, 'tool_use'],
    ]);
    // xAI counts its 227 reasoning tokens beside completion_tokens (total 560 = 307 + 26 + 227): output is 26 + 227.
    expect(await accumulateWithSdk(run.sse)).toEqual(reasoningThenWeather(reasoningOf(jsonl), { input_tokens: 1, output_tokens: 253, cache_read_input_tokens: 306 }));
  });
});
