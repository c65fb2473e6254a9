// Shared by the Gemini translator tests: run upstream bytes through the real stream translator and writer, read
// recorded fixtures, and build targets. No part of the translator is mocked.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AnthropicStreamWriter, formatSseEvent, type WireEvent } from '../../../src/providers/common/anthropic-stream-writer.js';
import type { TargetModel } from '../../../src/providers/common/target.js';
import type { ToolNameMap } from '../../../src/providers/common/tool-names.js';
import type { TranslatedUsage } from '../../../src/providers/common/upstream-usage.js';
import { createGeminiStreamTranslator } from '../../../src/providers/gemini/stream-translator.js';
import { geminiToolNameMap } from '../../../src/providers/gemini/prepare-tools.js';
import { sharedFixtureText } from '../../support/shared-fixtures.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** `wire/…` is a third-party recording read from ../shared/fixtures (its tests are `itRecorded`); the rest are ours. */
export function fixtureText(path: string): string {
  return path.startsWith('wire/') ? sharedFixtureText(path) : readFileSync(`${FIXTURES}${path}`, 'utf8');
}

export function fixtureJson<T = unknown>(path: string): T {
  return JSON.parse(fixtureText(path)) as T;
}

/** A `.jsonl` fixture (data payloads only) framed back into the SSE body Gemini sends. */
export function jsonlAsSse(path: string): string {
  return fixtureText(path)
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `data: ${line}\r\n\r\n`)
    .join('');
}

export function geminiTarget(upstreamModel = 'gemini-3-pro-preview', extra: Partial<TargetModel> = {}): TargetModel {
  return {
    id: `gemini/${upstreamModel}`,
    provider: 'gemini',
    type: 'gemini',
    upstreamModel,
    capabilities: { reasoning: true, tools: true, vision: true },
    ...extra,
  };
}

export interface TranslatedStream {
  sse: string;
  events: WireEvent[];
  usage?: TranslatedUsage;
}

/** Feed the chunks to a fresh translator and writer; returns the Anthropic SSE body it produced. */
export function translateStream(
  chunks: Array<string | Uint8Array>,
  options: { target?: TargetModel; toolNames?: ToolNameMap } = {},
): TranslatedStream {
  const events: WireEvent[] = [];
  const target = options.target ?? geminiTarget();
  const writer = new AnthropicStreamWriter((event) => events.push(event), { model: target.id, inputTokenEstimate: 0, messageId: 'msg_oss_test' });
  const result: TranslatedStream = { sse: '', events };
  const translator = createGeminiStreamTranslator({
    target,
    writer,
    toolNames: options.toolNames ?? geminiToolNameMap({ messages: [] }),
  });
  for (const chunk of chunks) translator.push(chunk);
  translator.end();
  result.usage = translator.usage;
  result.sse = events.map(formatSseEvent).join('');
  return result;
}

/** The usage block the SDK accumulates from the writer's message_start and message_delta. */
export function usage(input: number, output: number, cacheRead = 0): Record<string, number> {
  return { input_tokens: input, output_tokens: output, cache_read_input_tokens: cacheRead, cache_creation_input_tokens: 0 };
}

/** The message the SDK accumulator returns for a translated stream, with the fields oss sets. */
export function expectedMessage(content: unknown[], stopReason: string, messageUsage: Record<string, number>, model = 'gemini/gemini-3-pro-preview'): Record<string, unknown> {
  return {
    id: 'msg_oss_test',
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: messageUsage,
    // Added by the SDK's accumulator itself.
    parsed_output: null,
  };
}
