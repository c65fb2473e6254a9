// Runs upstream bytes through the OpenAI stream translator into a real AnthropicStreamWriter and returns the
// SSE body Claude Code would receive, the events, the usage handed to the ledger and any warnings.
import { readFileSync } from 'node:fs';
import { AnthropicStreamWriter, formatSseEvent, type WireEvent } from '../../../src/providers/common/anthropic-stream-writer.js';
import type { TargetModel } from '../../../src/providers/common/target.js';
import { OPENAI_TOOL_NAMES, buildToolNameMap, type ToolNameMap } from '../../../src/providers/common/tool-names.js';
import type { TranslatedUsage } from '../../../src/providers/common/upstream-usage.js';
import { createOpenAIStreamTranslator } from '../../../src/providers/openai-chat/stream-translator.js';
import { sharedFixtureText } from '../../support/shared-fixtures.js';

export const TEST_TARGET: TargetModel = { id: 'test/model', provider: 'openai', type: 'openai', upstreamModel: 'model', capabilities: {} };

export interface StreamRun {
  sse: string;
  events: WireEvent[];
  usage: TranslatedUsage | undefined;
  warnings: string[];
}

export function runStream(pushes: Array<string | Uint8Array>, options: { toolNames?: ToolNameMap; inputTokenEstimate?: number } = {}): StreamRun {
  const events: WireEvent[] = [];
  const warnings: string[] = [];
  const writer = new AnthropicStreamWriter((event) => events.push(event), {
    model: TEST_TARGET.id,
    inputTokenEstimate: options.inputTokenEstimate ?? 0,
    messageId: 'msg_test',
  });
  const translator = createOpenAIStreamTranslator({
    target: TEST_TARGET,
    writer,
    toolNames: options.toolNames ?? buildToolNameMap([], OPENAI_TOOL_NAMES),
    inputTokenEstimate: options.inputTokenEstimate,
    onWarning: (w) => warnings.push(w),
  });
  for (const push of pushes) translator.push(push);
  translator.end();
  return { sse: events.map(formatSseEvent).join(''), events, usage: translator.usage, warnings };
}

/** A third-party recording from ../shared/fixtures/wire (tests that read one are `itRecorded`). */
export function wireFixture(name: string): string {
  return sharedFixtureText(`wire/${name}`);
}

export function claudeCodeFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/claude-code/${name}`, import.meta.url), 'utf8')) as T;
}

/** A recorded `.jsonl` of chunk objects as the SSE body it came in (no `[DONE]`, as recorded). */
export function jsonlAsSse(jsonl: string): string {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `data: ${line}\n\n`)
    .join('');
}

/** The message Claude Code's SDK accumulates, with the fields every test fills in. */
export function expectedMessage(
  content: unknown[],
  stopReason: string | null,
  usage: { input_tokens: number; output_tokens: number; cache_read_input_tokens?: number; cache_creation_input_tokens?: number },
): Record<string, unknown> {
  return {
    id: 'msg_test',
    type: 'message',
    role: 'assistant',
    model: TEST_TARGET.id,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { cache_read_input_tokens: 0, cache_creation_input_tokens: 0, ...usage },
    parsed_output: null,
  };
}

/** Event types in order, a compact view of the stream's structure. */
export function eventTypes(events: WireEvent[]): string[] {
  return events.map((e) => (e.type === 'content_block_delta' ? `delta:${e.delta.type}` : e.type === 'content_block_start' ? `start:${String(e.content_block.type)}` : e.type));
}
