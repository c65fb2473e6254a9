// Edge cases 1–9 (reference/edge-cases.md), OpenAI Chat streams: SSE framing, empty and repeated fields, usage
// placement. Each replays the recorded fixture it cites (../shared/fixtures/wire, provenance in
// test/fixtures/SOURCES.md) or a body written inline; own-fixtures-openai.test.ts covers each case without
// ../shared. Every translated stream goes through the official SDK accumulator and is compared whole.
import { describe, expect, it } from 'vitest';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { itRecorded } from '../support/shared-fixtures.js';
import { COPILOT_LIST_WORKSPACES, GROQ_TOOL_VALIDATION, INCOMPLETE_STREAM, PARALLEL_CALLS, SIGNED, TOOLU, ZAI_WEB_SEARCH, expectedMessage } from '../support/openai-chat-expected.js';
import { dataEvents, eventTypes, jsonlAsSse, runStream, wireFixture } from '../support/openai-stream-harness.js';

describe('OpenAI Chat streams: framing (edge cases 1–9)', () => {
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
    expect(run.events.at(-1)).toEqual(GROQ_TOOL_VALIDATION);
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
    expect(await accumulateWithSdk(run.sse)).toEqual(ZAI_WEB_SEARCH);
  });

  itRecorded('edge #03: a body that ends with no finish reason gives an api_error event, never a fake end_turn', async () => {
    const cut = dataEvents(wireFixture('openai-stream-parallel-tool-calls.sse')).slice(0, 6).join('');
    const run = runStream([cut]);
    expect(run.events.at(-1)).toEqual(INCOMPLETE_STREAM);
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
    const message = await accumulateWithSdk(runStream([wireFixture('copilot-claude-stream-tool-call-index-1.sse')]).sse);
    expect(message).toEqual(COPILOT_LIST_WORKSPACES);
  });

  itRecorded('edge #07: OpenAI usage chunk after the finish (choices:[]) lands in message_delta', async () => {
    const run = runStream([wireFixture('openai-stream-parallel-tool-calls.sse')]);
    const delta = run.events.find((e) => e.type === 'message_delta');
    expect(delta).toEqual({ type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { input_tokens: 149, output_tokens: 60, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 } });
    expect(eventTypes(run.events).slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(await accumulateWithSdk(run.sse)).toEqual(expectedMessage(PARALLEL_CALLS, 'tool_use', { input_tokens: 149, output_tokens: 60 }));
  });

  itRecorded("edge #07: OpenRouter's usage chunk with non-empty choices and finish_reason null neither reopens a block nor resets the stop reason", () => {
    const run = runStream([wireFixture('openrouter-stream-reasoning-with-comments.sse')]);
    const types = eventTypes(run.events);
    expect(types.filter((t) => t.startsWith('start:'))).toEqual(['start:thinking', 'start:text']);
    expect(run.events.find((e) => e.type === 'message_delta')).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { input_tokens: 43, output_tokens: 36, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    });
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
    const start = run.events[0];
    expect(start?.type === 'message_start' ? start.message.usage : undefined).toEqual({ input_tokens: 40, output_tokens: 1, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
    const message = await accumulateWithSdk(run.sse);
    expect(message).toEqual(expectedMessage([{ type: 'tool_use', id: TOOLU, name: 'get_capital', input: { country: 'UK' } }], 'tool_use', { input_tokens: 53, output_tokens: 15 }));
  });
});
