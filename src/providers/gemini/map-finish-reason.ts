// Gemini finishReason → Anthropic stop_reason (wire-reference.md §7.4; edge cases 20, 23, 24, 51, 52).
// `tool_use` is decided by whether a call was emitted (Gemini says STOP for call turns, and UNEXPECTED_TOOL_CALL
// carries a usable call), except when the turn was cut by the token limit. Finishes that leave no usable answer
// end the turn with a short note naming the reason, so the user sees why instead of an empty reply; a prompt that
// Gemini blocked before answering (promptFeedback.blockReason, e.g. MODEL_ARMOR) is a refusal that says so.
import type { AnthropicStopReason } from '../common/anthropic-types.js';

export interface FinishOutcome {
  stopReason: AnthropicStopReason;
  /** Text to append as its own block, explaining a finish that produced no usable answer. */
  note?: string;
}

const REFUSALS = new Set([
  'SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION', 'MODEL_ARMOR',
]);

export interface FinishState {
  finishReason?: string;
  finishMessage?: string;
  /** promptFeedback.blockReason: the prompt itself was refused (no candidates). */
  blockReason?: string;
  /** promptFeedback.blockReasonMessage: Gemini's own words on why, when it gives them. */
  blockReasonMessage?: string;
  emittedToolUse: boolean;
}

export function mapGeminiFinishReason(state: FinishState): FinishOutcome {
  const { finishReason, finishMessage, blockReason, blockReasonMessage, emittedToolUse } = state;
  if (blockReason) {
    const why = blockReasonMessage ? `: ${blockReasonMessage}` : '';
    return { stopReason: 'refusal', note: `[Gemini blocked this prompt (${blockReason}${why}). Rephrase it, or run it on another model.]` };
  }
  if (finishReason === 'MAX_TOKENS') return { stopReason: 'max_tokens' };
  if (emittedToolUse) return { stopReason: 'tool_use' };
  if (finishReason === undefined || finishReason === 'STOP') return { stopReason: 'end_turn' };
  if (REFUSALS.has(finishReason)) return { stopReason: 'refusal' };
  const detail = finishMessage ? `: ${finishMessage}` : '';
  return { stopReason: 'end_turn', note: `[Gemini stopped without a usable answer (${finishReason}${detail}). Try again or rephrase.]` };
}
