// Whole Anthropic messages and events the OpenAI Chat translator tests expect, kept once here because several
// tests (edge cases on recorded and on our own fixtures, unit tests, stress tests) expect the same ones. A
// streamed message is what the official SDK accumulator builds (test/support/sdk-accumulate.ts).
import { expect } from 'vitest';
import { SYNTHETIC_SIGNATURE_PREFIX } from '../../src/providers/common/anthropic-stream-writer.js';
import { TEST_TARGET } from './openai-stream-harness.js';

/** A tool-use id oss made (`toolu_oss_` + 24 alphanumerics): fresh on every run, so matched by shape. */
export const TOOLU = expect.stringMatching(/^toolu_oss_[A-Za-z0-9]{24}$/) as unknown as string;
/** A thinking signature oss made (it carries no upstream signature, or OpenRouter's reasoning details). */
export const SIGNED = expect.stringMatching(new RegExp(`^${SYNTHETIC_SIGNATURE_PREFIX.replace('.', '\\.')}`)) as unknown as string;

export interface ExpectedUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens?: number;
  cache_creation_input_tokens?: number;
}

/**
 * The message Claude Code's SDK accumulates from a translated stream, with the fields every test fills in; the id
 * and model are the stream harness's (TEST_TARGET) unless given.
 */
export function expectedMessage(content: unknown[], stopReason: string | null, usage: ExpectedUsage, fields: { id?: string; model?: string } = {}): Record<string, unknown> {
  return {
    id: fields.id ?? 'msg_test',
    type: 'message',
    role: 'assistant',
    model: fields.model ?? TEST_TARGET.id,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { cache_read_input_tokens: 0, cache_creation_input_tokens: 0, ...usage },
    parsed_output: null,
  };
}

/** A fresh message id oss made (`msg_oss_` + 24 alphanumerics). */
export const MSG_OSS = expect.stringMatching(/^msg_oss_[A-Za-z0-9]{24}$/) as unknown as string;

/** A non-streaming answer as the translator gives it: a fresh msg_oss_ id, no SDK-only fields. */
export function expectedJsonMessage(model: string, content: unknown[], stopReason: string, usage: ExpectedUsage, stopSequence: string | null = null): Record<string, unknown> {
  return {
    id: MSG_OSS,
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stopReason,
    stop_sequence: stopSequence,
    usage: { cache_read_input_tokens: 0, cache_creation_input_tokens: 0, ...usage },
  };
}

/** An `event: error` as the writer emits it. */
export function errorEvent(type: string, message: string): Record<string, unknown> {
  return { type: 'error', error: { type, message } };
}

/** What Claude Code is told, after an upstream error's own words, about what happens next. */
export const RETRY_HINT = '; Claude Code retries on its own, or pick another model with --model';

/** A stream that ends with no finish reason (edge case 3). */
export const INCOMPLETE_STREAM = errorEvent('api_error', 'test/model: the upstream stream ended before the model finished; the answer is incomplete');

/** Groq's `event: error` in wire/groq-stream-error-event-tool-use-failed.sse. */
export const GROQ_TOOL_VALIDATION = errorEvent(
  'api_error',
  `test/model (openai): upstream error 500 (Tool call validation failed: tool call validation failed: parameters for tool get_something_by_name did not match schema: errors: [missing properties: 'name', additionalProperties 'invalid_param' not allowed])${RETRY_HINT}`,
);

/** The two calls of wire/openai-stream-parallel-tool-calls.sse. */
export const PARALLEL_CALLS = [
  { type: 'tool_use', id: TOOLU, name: 'GetWeatherArgs', input: { city: 'Edinburgh', country: 'GB', units: 'c' } },
  { type: 'tool_use', id: TOOLU, name: 'get_stock_price', input: { ticker: 'AAPL', exchange: 'NASDAQ' } },
];

/** wire/zai-glm-stream-tool-call-empty-name-continuation.jsonl: one call, 171 prompt tokens of which 128 cached. */
export const ZAI_WEB_SEARCH = expectedMessage([{ type: 'tool_use', id: TOOLU, name: 'webSearchTool', input: { query: 'current Berlin weather' } }], 'tool_use', {
  input_tokens: 171 - 128,
  output_tokens: 14,
  cache_read_input_tokens: 128,
});

/** wire/groq-stream-tool-call-single-chunk.jsonl: one whole call with arguments "{}". */
export const GROQ_WEATHER = expectedMessage([{ type: 'tool_use', id: TOOLU, name: 'weather', input: {} }], 'tool_use', { input_tokens: 210, output_tokens: 15 });

/** wire/copilot-claude-stream-tool-call-index-1.sse: a text block, then a no-argument call. */
export const COPILOT_LIST_WORKSPACES = expectedMessage(
  [
    { type: 'text', text: 'Now listing your Coder workspaces:' },
    { type: 'tool_use', id: TOOLU, name: 'bmcp_coder_coder_list_workspaces', input: {} },
  ],
  'tool_use',
  { input_tokens: 25939 - 25429, output_tokens: 58, cache_read_input_tokens: 25429 },
);

/** DeepSeek's and xAI's recorded reasoning-then-call streams: the reasoning, then weather for San Francisco. */
export function reasoningThenWeather(thinking: string, usage: ExpectedUsage): Record<string, unknown> {
  return expectedMessage(
    [
      { type: 'thinking', thinking, signature: `${SYNTHETIC_SIGNATURE_PREFIX}none` },
      { type: 'tool_use', id: TOOLU, name: 'weather', input: { location: 'San Francisco' } },
    ],
    'tool_use',
    usage,
  );
}

/** test/fixtures/ours/openai/text-then-fragmented-call.sse: non-ASCII text, then a call whose arguments hold escapes. */
export const OURS_WEATHER = expectedMessage(
  [
    { type: 'text', text: 'It is 21° in Köln; 10 ÷ 4 isn’t whole.' },
    { type: 'tool_use', id: TOOLU, name: 'get_weather', input: { city: 'Buenos "Aires"' } },
  ],
  'tool_use',
  { input_tokens: 30, output_tokens: 12, cache_read_input_tokens: 20 },
);
