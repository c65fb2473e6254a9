// `streamGenerateContent?alt=sse` bytes in, Anthropic stream events out (through the shared writer, which alone
// formats events). Each Gemini event is a whole GenerateContentResponse whose parts are increments; the stream has
// no [DONE] and ends with the body (edge cases 1, 3, 10, 25). usageMetadata is a snapshot, not monotonic: the
// last one wins. A body that ends without a finishReason, or a `data: {"error":…}` event, ends the message with an
// Anthropic error event rather than a fake end_turn.
import type { AnthropicStreamWriter } from '../common/anthropic-stream-writer.js';
import { createSseReader, type SseEvent } from '../common/sse-reader.js';
import type { TargetModel } from '../common/target.js';
import type { ToolNameMap } from '../common/tool-names.js';
import type { StreamTranslator } from '../common/stream-translator.js';
import { ZERO_USAGE, type TranslatedUsage } from '../common/upstream-usage.js';
import { GeminiPartConsumer } from './consume-parts.js';
import { convertGeminiUsage } from './convert-usage.js';
import { decodeGeminiStreamError } from './decode-error.js';
import type { GeminiErrorBody, GeminiResponse } from './gemini-api.js';
import { mapGeminiFinishReason, type FinishState } from './map-finish-reason.js';

export interface GeminiStreamTranslatorOptions {
  target: TargetModel;
  writer: AnthropicStreamWriter;
  /** From geminiToolNameMap(request): maps shortened upstream names back to Claude Code's. */
  toolNames: ToolNameMap;
}

export type GeminiStreamTranslator = StreamTranslator;

export function createGeminiStreamTranslator(options: GeminiStreamTranslatorOptions): GeminiStreamTranslator {
  const { target, writer } = options;
  const consumer = new GeminiPartConsumer(writer, options.toolNames);
  const finish: Omit<FinishState, 'emittedToolUse'> = {};
  let usage: TranslatedUsage | undefined;

  const onEvent = (event: SseEvent): void => {
    if (writer.isEnded) return;
    const data = event.data.trim();
    if (!data || data === '[DONE]') return;
    let chunk: GeminiResponse & GeminiErrorBody;
    try {
      chunk = JSON.parse(data) as GeminiResponse & GeminiErrorBody;
    } catch {
      writer.error('api_error', `${target.provider} model ${target.upstreamModel} sent an unreadable stream event; retry the request.`);
      return;
    }
    if (chunk.error) {
      const error = decodeGeminiStreamError(chunk, target);
      writer.error(error.type, error.message);
      return;
    }
    if (chunk.usageMetadata) usage = convertGeminiUsage(chunk.usageMetadata);
    if (chunk.promptFeedback?.blockReason) {
      finish.blockReason = chunk.promptFeedback.blockReason;
      finish.blockReasonMessage = chunk.promptFeedback.blockReasonMessage;
    }
    const candidate = chunk.candidates?.[0];
    consumer.consume(candidate?.content?.parts);
    if (candidate?.finishReason) {
      finish.finishReason = candidate.finishReason;
      finish.finishMessage = candidate.finishMessage;
    }
  };

  const reader = createSseReader(onEvent);
  return {
    push: (chunk) => reader.push(chunk),
    end() {
      reader.end();
      if (!writer.isEnded) complete();
    },
    get usage() {
      return usage ?? ZERO_USAGE;
    },
  };

  function complete(): void {
    if (!finish.finishReason && !finish.blockReason) {
      writer.error('api_error', `${target.provider} model ${target.upstreamModel} ended the stream without a finish reason; the answer may be incomplete. Retry the request.`);
      return;
    }
    consumer.finish();
    const outcome = mapGeminiFinishReason({ ...finish, emittedToolUse: consumer.toolUseCount > 0 });
    if (outcome.note) writer.text(outcome.note);
    writer.finish(outcome.stopReason, usage ?? ZERO_USAGE);
  }
}
