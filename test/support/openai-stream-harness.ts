// Shared by the OpenAI Chat translator tests: runs upstream bytes through the real OpenAI stream translator into
// a real AnthropicStreamWriter and returns the SSE body Claude Code would receive, the events, the usage handed
// to the ledger and any warnings; reads the recorded fixtures those tests replay; builds the targets they use.
// Nothing of the translator is mocked.
import { readFileSync } from 'node:fs';
import { AnthropicStreamWriter, formatSseEvent, type WireEvent } from '../../src/providers/common/anthropic-stream-writer.js';
import type { TargetModel } from '../../src/providers/common/target.js';
import { OPENAI_TOOL_NAMES, buildToolNameMap, type ToolNameMap } from '../../src/providers/common/tool-names.js';
import type { TranslatedUsage } from '../../src/providers/common/upstream-usage.js';
import type { AnthropicRequestLike } from '../../src/providers/openai-chat/anthropic-input.js';
import type { OpenAIAssistantMessage, OpenAIMessage } from '../../src/providers/openai-chat/openai-chat-api.js';
import { createOpenAIStreamTranslator } from '../../src/providers/openai-chat/stream-translator.js';
import { sharedFixtureText } from './shared-fixtures.js';

export const TEST_TARGET: TargetModel = { id: 'test/model', provider: 'openai', type: 'openai', upstreamModel: 'model', capabilities: {} };

export interface StreamRun {
  sse: string;
  events: WireEvent[];
  usage: TranslatedUsage | undefined;
  warnings: string[];
}

export interface StreamRunOptions {
  toolNames?: ToolNameMap;
  inputTokenEstimate?: number;
  /** Passed to the translator as is (its default reads `<think>` tags). */
  thinkTags?: boolean;
}

export function runStream(pushes: Array<string | Uint8Array>, options: StreamRunOptions = {}): StreamRun {
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
    ...(options.thinkTags !== undefined ? { thinkTags: options.thinkTags } : {}),
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
  return JSON.parse(readFileSync(new URL(`../fixtures/claude-code/${name}`, import.meta.url), 'utf8')) as T;
}

/** A recorded `.jsonl` of chunk objects as the SSE body it came in (no `[DONE]`, as recorded). */
export function jsonlAsSse(jsonl: string): string {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `data: ${line}\n\n`)
    .join('');
}

/** Chunks of a recorded SSE body, one `data:` event each. */
export function dataEvents(sse: string): string[] {
  return sse
    .split(/\n\n/)
    .filter((e) => e.trim() !== '')
    .map((e) => `${e}\n\n`);
}

/** The reasoning text a recorded `.jsonl` stream carries, joined from its chunks (what the thinking block must hold). */
export function reasoningOf(jsonl: string): string {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { choices?: Array<{ delta?: { reasoning_content?: string | null } }> }).choices?.[0]?.delta?.reasoning_content ?? '')
    .join('');
}

/** Event types in order, a compact view of the stream's structure. */
export function eventTypes(events: WireEvent[]): string[] {
  return events.map((e) => (e.type === 'content_block_delta' ? `delta:${e.delta.type}` : e.type === 'content_block_start' ? `start:${String(e.content_block.type)}` : e.type));
}

/** The `partial_json` fragments of the stream's tool inputs, in order (of block `index` only, when given). */
export function inputJsonDeltas(events: WireEvent[], index?: number): string[] {
  return events.flatMap((e) => (e.type === 'content_block_delta' && e.delta.type === 'input_json_delta' && (index === undefined || e.index === index) ? [e.delta.partial_json] : []));
}

/** An OpenAI-compatible target `<provider>/<upstreamModel>`. */
export function openAITarget(provider: string, upstreamModel: string, capabilities: TargetModel['capabilities'] = {}, extra: Partial<TargetModel> = {}): TargetModel {
  return { id: `${provider}/${upstreamModel}`, provider, type: 'openai', upstreamModel, capabilities, ...extra };
}

export const OPENAI = openAITarget('openai', 'gpt-4o');
export const OLLAMA = openAITarget('ollama', 'llama3.2', { noToolChoice: true });
export const DEEPSEEK = openAITarget('deepseek', 'deepseek-reasoner', { reasoning: true });
export const openRouter = (model: string, capabilities: TargetModel['capabilities'] = {}): TargetModel => openAITarget('openrouter', model, capabilities);

/** The nth assistant message of a translated conversation. */
export function assistantOf(messages: OpenAIMessage[], nth = 0): OpenAIAssistantMessage {
  const found = messages.filter((m): m is OpenAIAssistantMessage => m.role === 'assistant')[nth];
  if (!found) throw new Error('no assistant message');
  return found;
}

/** The first request Claude Code sent in the recorded launcher tool loop (test/fixtures/claude-code/). */
export function launcherRequest(): AnthropicRequestLike {
  return claudeCodeFixture<{ request_1: { body: AnthropicRequestLike } }>('recommended-launcher-env-tool-loop.json').request_1.body;
}
