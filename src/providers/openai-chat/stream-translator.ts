// Upstream OpenAI-style SSE bytes in, Anthropic stream events out through the shared AnthropicStreamWriter
// (which alone formats events and enforces Claude Code's ordering rules). A small state machine over
// parsed chunks, covering the variants in edge cases 1–9 and 13–21, 26, 52–54:
// - blocks open lazily on the first non-empty fragment; `role`, empty strings and `choices:[]` are not content;
// - tool calls are keyed by `index`; the current call streams live, other indices are buffered and emitted
//   as whole blocks once the live call is complete (its arguments parse) or the turn finishes;
// - `finish_reason` closes the blocks, but message_delta waits for `[DONE]`/end of body so a trailing usage
//   chunk is included; later chunks cannot reopen a block or change the stop reason;
// - an error (bare `{"error"}`, Groq's `event: error`, OpenRouter's chunk with `error`) before the finish
//   becomes writer.error(); after the finish it is only reported through onWarning;
// - a body that ends with no finish reason is an error, never a fake end_turn;
// - content may be Mistral's array of text/thinking parts, and `<think>…</think>` opening the content is thinking
//   (think-tags.ts), unless the provider turned that off;
// - one tool call's arguments are held (for buffering and the malformed-JSON note) up to 16 MB, no more.
import type { AnthropicStreamWriter, StreamUsage } from '../common/anthropic-stream-writer.js';
import { newToolUseId } from '../common/anthropic-stream-writer.js';
import { JsonObjectPrefix } from '../common/json-object-prefix.js';
import { createSseReader, type SseEvent } from '../common/sse-reader.js';
import type { TargetModel } from '../common/target.js';
import type { ToolNameMap } from '../common/tool-names.js';
import { estimateTokensFromLength } from '../common/token-estimate.js';
import { MB, UpstreamTooLargeError } from '../common/upstream-too-large.js';
import type { StreamTranslator } from '../common/stream-translator.js';
import { ZERO_USAGE, type TranslatedUsage } from '../common/upstream-usage.js';
import { convertOpenAIUsage, hasUsage } from './convert-usage.js';
import { decodeOpenAIStreamError, readErrorValue, type UpstreamErrorFields } from './decode-error.js';
import { mapFinishReason, matchedStopOf } from './map-finish-reason.js';
import type { OpenAIChunk, OpenAIDelta, OpenAIToolCallDelta, ReasoningDetail } from './openai-chat-api.js';
import { encodeReasoningDetails, mergeReasoningDetails } from './reasoning-signature.js';
import { reasoningTextOf } from './reasoning-text.js';
import { malformedArgumentsNote } from './transform-response.js';
import { contentPieces, type ContentPiece } from './content-parts.js';
import { ThinkTagSplitter } from './think-tags.js';

/** A Write of a whole large file is a few MB of arguments; an endless fragment stream must not be held. */
const MAX_TOOL_ARGUMENT_CHARS = 16 * MB;

export interface OpenAIStreamTranslatorOptions {
  target: Pick<TargetModel, 'id' | 'provider' | 'upstreamModel' | 'contextWindow'>;
  writer: AnthropicStreamWriter;
  toolNames: ToolNameMap;
  /** Reported as input_tokens when the upstream sends no usage (edge case 8). */
  inputTokenEstimate?: number;
  /** Things worth a log line that do not change the stream (an error chunk after the finish, late fragments). */
  onWarning?: (message: string) => void;
  /** Read `<think>…</think>` opening the content as thinking (default true; config `thinkTags: false` turns it off). */
  thinkTags?: boolean;
}

export type OpenAIStreamTranslator = StreamTranslator;

type OpenKind = 'none' | 'thinking' | 'text' | 'tool';

interface CallState {
  name: string;
  /** Every argument fragment received, as sent. */
  args: string;
  /** What has been forwarded: fragments stop at the first character that breaks the JSON grammar. */
  prefix: JsonObjectPrefix;
  status: 'buffered' | 'live' | 'closed';
}

export function createOpenAIStreamTranslator(options: OpenAIStreamTranslatorOptions): OpenAIStreamTranslator {
  const { writer, toolNames, target } = options;
  const warn = options.onWarning ?? (() => undefined);
  const calls = new Map<number, CallState>();
  let open: OpenKind = 'none';
  let liveIndex: number | undefined;
  let pendingDetails: ReasoningDetail[] = [];
  let finishReason: string | null = null;
  let matchedStop: string | undefined;
  let refused = false;
  let upstreamUsage: TranslatedUsage | undefined;
  let outputChars = 0;
  let ended = false;
  const splitter = options.thinkTags === false ? undefined : new ThinkTagSplitter();

  const currentUsage = (): TranslatedUsage =>
    upstreamUsage ?? {
      input_tokens: options.inputTokenEstimate ?? 0,
      output_tokens: estimateTokensFromLength(outputChars),
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    };

  const flushDetails = (): void => {
    if (pendingDetails.length === 0) return;
    writer.signature(encodeReasoningDetails(pendingDetails));
    pendingDetails = [];
  };

  const closeLive = (): void => {
    if (liveIndex === undefined) return;
    const call = calls.get(liveIndex);
    liveIndex = undefined;
    if (!call) return;
    call.status = 'closed';
    const completion = call.prefix.completion();
    if (completion) writer.toolInput(completion);
    writer.closeBlock();
    open = 'none';
    if (call.prefix.failed) {
      writer.text(malformedArgumentsNote(call.name, call.args, 'were cut at the first invalid character'));
      writer.closeBlock();
    }
  };

  /** Forward the part of `text` that keeps the call's input a valid JSON prefix (edge case 19). */
  const forward = (call: CallState, text: string): void => {
    const accepted = call.prefix.accept(text);
    if (accepted > 0) writer.toolInput(text.slice(0, accepted));
  };

  /** Close whatever is open so a block of `kind` can follow. */
  const leave = (kind: OpenKind): void => {
    if (open === kind) return;
    if (open === 'tool') closeLive();
    if (kind !== 'thinking') flushDetails();
    open = kind;
  };

  const startLive = (index: number, call: CallState): void => {
    leave('tool');
    writer.toolUse(newToolUseId(), toolNames.fromUpstream(call.name));
    call.status = 'live';
    liveIndex = index;
    if (call.args) forward(call, call.args);
  };

  const flushBuffered = (): void => {
    for (const [index, call] of calls) {
      if (call.status !== 'buffered') continue;
      if (!call.name) {
        warn(`${target.id}: dropped a tool call with no name (index ${index})`);
        call.status = 'closed';
        continue;
      }
      startLive(index, call);
      closeLive();
    }
  };

  const emitPiece = (piece: ContentPiece): void => {
    leave(piece.kind);
    if (piece.kind === 'thinking') writer.thinking(piece.text);
    else writer.text(piece.text);
    outputChars += piece.text.length;
  };

  /** Content held back by the think-tag splitter (a possible tag prefix) goes out before anything else does. */
  const flushHeld = (): void => {
    splitter?.flush().forEach(emitPiece);
  };

  const closeAll = (): void => {
    flushHeld();
    leave('none');
    flushBuffered();
    writer.closeBlock();
    open = 'none';
  };

  const onToolCall = (fragment: OpenAIToolCallDelta, position: number): void => {
    const index = typeof fragment.index === 'number' ? fragment.index : position;
    let call = calls.get(index);
    if (!call) {
      call = { name: '', args: '', prefix: new JsonObjectPrefix(), status: 'buffered' };
      calls.set(index, call);
    }
    const name = fragment.function?.name;
    if (name && !call.name) call.name = name;
    const args = fragment.function?.arguments ?? '';
    outputChars += args.length;
    if (call.args.length + args.length > MAX_TOOL_ARGUMENT_CHARS) {
      throw new UpstreamTooLargeError(`tool call arguments larger than ${MAX_TOOL_ARGUMENT_CHARS / MB} MB`);
    }
    if (call.status === 'closed') {
      if (args) warn(`${target.id}: dropped arguments that arrived after tool call ${index} was closed`);
      return;
    }
    if (call.status === 'live') {
      call.args += args;
      forward(call, args);
      return;
    }
    call.args += args;
    if (liveIndex !== undefined) {
      const live = calls.get(liveIndex);
      if (!live || (!live.prefix.failed && live.prefix.completion() !== '')) return;
      closeLive();
    }
    if (call.name) startLive(index, call);
  };

  const onDelta = (delta: OpenAIDelta): void => {
    if (delta.reasoning_details?.length) mergeReasoningDetails(pendingDetails, delta.reasoning_details);
    const reasoning = reasoningTextOf(delta);
    if (reasoning) {
      leave('thinking');
      writer.thinking(reasoning);
      outputChars += reasoning.length;
    }
    for (const piece of contentPieces(delta.content)) {
      if (piece.kind === 'text' && splitter) splitter.push(piece.text).forEach(emitPiece);
      else {
        flushHeld();
        emitPiece(piece);
      }
    }
    if (typeof delta.refusal === 'string' && delta.refusal) {
      refused = true;
      flushHeld();
      emitPiece({ kind: 'text', text: delta.refusal });
    }
    if (delta.tool_calls?.length) flushHeld();
    (delta.tool_calls ?? []).forEach(onToolCall);
  };

  const fail = (fields: UpstreamErrorFields): void => {
    const error = decodeOpenAIStreamError(fields, target);
    stop(error.type, error.message);
  };

  const stop = (type: string, message: string): void => {
    ended = true;
    writer.error(type, message);
  };

  const complete = (): void => {
    ended = true;
    closeAll();
    const stopReason = mapFinishReason(finishReason, { toolUses: writer.toolUseCount, refused, matchedStop });
    const { provider_cost_usd: cost, ...usage } = currentUsage();
    writer.finish(stopReason, usage satisfies StreamUsage, stopReason === 'stop_sequence' ? (matchedStop ?? null) : null, cost);
  };

  const onEvent = (event: SseEvent): void => {
    if (ended) return;
    const data = event.data.trim();
    if (data === '[DONE]') {
      complete();
      return;
    }
    let chunk: OpenAIChunk;
    try {
      chunk = JSON.parse(data) as OpenAIChunk;
    } catch {
      if (event.event === 'error') fail({ message: data || 'stream error' });
      else warn(`${target.id}: ignored an event that is not JSON: ${data.slice(0, 80)}`);
      return;
    }
    if (!chunk || typeof chunk !== 'object') return;
    if (hasUsage(chunk.usage)) upstreamUsage = convertOpenAIUsage(chunk.usage);
    else if (hasUsage(chunk.x_groq?.usage)) upstreamUsage = convertOpenAIUsage(chunk.x_groq.usage);

    const error = event.event === 'error' || chunk.error ? (readErrorValue(chunk.error ?? chunk) ?? { message: data }) : undefined;
    if (error) {
      if (finishReason === null) fail(error);
      else warn(`${target.id}: error after the model finished (${finishReason}), ignored: ${error.message}`);
      return;
    }
    const choices = chunk.choices ?? [];
    const choice = choices.find((c) => (c.index ?? 0) === 0) ?? choices[0];
    if (!choice || finishReason !== null) return;
    if (choice.delta) onDelta(choice.delta);
    if (choice.finish_reason) {
      finishReason = choice.finish_reason;
      matchedStop = matchedStopOf(choice.stop_reason);
      closeAll();
    }
  };

  const reader = createSseReader(onEvent);
  return {
    push(chunk) {
      if (!ended) reader.push(chunk);
    },
    end() {
      if (ended) return;
      reader.end();
      if (ended) return;
      if (finishReason !== null) complete();
      else stop('api_error', `${target.id}: the upstream stream ended before the model finished; the answer is incomplete`);
    },
    get usage() {
      return upstreamUsage ?? ZERO_USAGE;
    },
  };
}
