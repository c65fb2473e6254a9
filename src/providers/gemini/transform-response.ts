// A non-streaming Gemini generateContent response → an Anthropic message (edge cases 22–24, 51, 57–59). Parts go
// through the same GeminiPartConsumer as the stream, into a small block builder instead of the stream writer.
// Empty outputs (no candidates, `content:{}`, no parts) give `content: []` with an honest stop_reason.
import { newMessageId, syntheticSignature } from '../common/anthropic-stream-writer.js';
import type { TargetModel } from '../common/target.js';
import type { TranslatedContentBlock, TranslatedMessage } from '../common/translated-message.js';
import { GEMINI_TOOL_NAMES, buildToolNameMap, type ToolNameMap } from '../common/tool-names.js';
import { GeminiPartConsumer, type BlockSink } from './consume-parts.js';
import { convertGeminiUsage } from './convert-usage.js';
import type { GeminiResponse } from './gemini-api.js';
import { mapGeminiFinishReason } from './map-finish-reason.js';

export type { TranslatedContentBlock, TranslatedMessage };

export function transformFromGemini(
  response: GeminiResponse,
  target?: Pick<TargetModel, 'id'>,
  toolNames: ToolNameMap = buildToolNameMap([], GEMINI_TOOL_NAMES),
): TranslatedMessage {
  const builder = new MessageBlockBuilder();
  const consumer = new GeminiPartConsumer(builder, toolNames);
  const candidate = response.candidates?.[0];
  consumer.consume(candidate?.content?.parts);
  consumer.finish();
  const outcome = mapGeminiFinishReason({
    finishReason: candidate?.finishReason,
    finishMessage: candidate?.finishMessage,
    blockReason: response.promptFeedback?.blockReason,
    blockReasonMessage: response.promptFeedback?.blockReasonMessage,
    emittedToolUse: consumer.toolUseCount > 0,
  });
  if (outcome.note) {
    builder.text(outcome.note);
    builder.closeBlock();
  }
  const { provider_cost_usd: _cost, ...usage } = convertGeminiUsage(response.usageMetadata);
  return {
    id: newMessageId(),
    type: 'message',
    role: 'assistant',
    model: target?.id ?? response.modelVersion ?? 'gemini',
    content: builder.blocks,
    stop_reason: outcome.stopReason,
    stop_sequence: null,
    usage,
  };
}

/** Builds finished content blocks from the same calls the stream writer receives. */
class MessageBlockBuilder implements BlockSink {
  readonly blocks: TranslatedContentBlock[] = [];
  private open: TranslatedContentBlock | undefined;
  private toolJson = '';

  text(delta: string): void {
    if (!delta) return;
    const block = this.ensure('text');
    if (block.type === 'text') block.text += delta;
  }

  thinking(delta: string): void {
    if (!delta) return;
    const block = this.ensure('thinking');
    if (block.type === 'thinking') block.thinking += delta;
  }

  signature(signature: string): void {
    const block = this.ensure('thinking');
    if (block.type === 'thinking') block.signature = signature;
  }

  toolUse(id: string, name: string): void {
    this.closeBlock();
    this.open = { type: 'tool_use', id, name, input: {} };
    this.toolJson = '';
  }

  toolInput(fragment: string): void {
    if (this.open?.type === 'tool_use') this.toolJson += fragment;
  }

  closeBlock(): void {
    const block = this.open;
    if (!block) return;
    if (block.type === 'tool_use') block.input = JSON.parse(this.toolJson || '{}') as Record<string, unknown>;
    if (block.type === 'thinking' && !block.signature) block.signature = syntheticSignature();
    this.blocks.push(block);
    this.open = undefined;
  }

  private ensure(type: 'text' | 'thinking'): TranslatedContentBlock {
    if (this.open?.type === type) return this.open;
    this.closeBlock();
    this.open = type === 'text' ? { type: 'text', text: '' } : { type: 'thinking', thinking: '', signature: '' };
    return this.open;
  }
}
