// OpenAI `finish_reason` → Anthropic `stop_reason` (wire-reference.md §7.4; edge cases 20, 49, 52, 53).
// Whether tools were called decides `tool_use`, not the finish reason: servers say `stop` after tool calls,
// or `tool_calls` with none. A length cut wins over both, so Claude Code asks for more room.
import type { AnthropicStopReason } from '../common/anthropic-types.js';

export interface TurnFacts {
  toolUses: number;
  refused: boolean;
  /** The stop sequence that ended the text, when the server says which (vLLM's `stop_reason`). */
  matchedStop?: string;
}

export function mapFinishReason(finishReason: string | null | undefined, facts: TurnFacts): AnthropicStopReason {
  if (finishReason === 'length') return 'max_tokens';
  if (facts.toolUses > 0) return 'tool_use';
  if (finishReason === 'content_filter' || facts.refused) return 'refusal';
  if (finishReason === 'stop' && facts.matchedStop) return 'stop_sequence';
  return 'end_turn';
}

/** vLLM reports the matched stop string in `choices[].stop_reason`; other servers say nothing. */
export function matchedStopOf(stopReason: unknown): string | undefined {
  return typeof stopReason === 'string' && stopReason !== '' ? stopReason : undefined;
}
