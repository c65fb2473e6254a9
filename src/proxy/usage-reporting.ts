// One UsageEvent per request, for the ledger: who asked (prompt key), who answered, what it cost in tokens.
import type { UsageEvent } from '../usage/usage-event.js';
import { estimateTokensFromLength } from '../providers/common/token-estimate.js';
import type { TranslatedUsage } from '../providers/common/upstream-usage.js';

export interface RequestRecord {
  prompt: string;
  model: string;
  provider: string;
  /** Epoch ms when the request arrived. */
  at: number;
}

/** How one request ended, as the ledger records it. */
export interface RequestOutcome {
  ok: boolean;
  /** The provider's own figures (or the estimate for a cut answer); none when nothing was answered. */
  usage?: TranslatedUsage;
  /** Claude answered in place of the routed model. */
  fallback?: boolean;
  /** Epoch ms of the answer's first byte, when one came. */
  firstByteAt?: number;
}

export function usageEvent(record: RequestRecord, { ok, usage, fallback = false, firstByteAt }: RequestOutcome): UsageEvent {
  const now = Date.now();
  const event: UsageEvent = {
    prompt: record.prompt,
    model: record.model,
    provider: record.provider,
    input_tokens: usage?.input_tokens ?? 0,
    output_tokens: usage?.output_tokens ?? 0,
    cache_read_tokens: usage?.cache_read_input_tokens ?? 0,
    cache_write_tokens: usage?.cache_creation_input_tokens ?? 0,
    fallback,
    latency_ms: now - record.at,
    ttfb_ms: (firstByteAt ?? now) - record.at,
    outcome: ok ? 'ok' : 'error',
    at: record.at,
  };
  if (usage?.provider_cost_usd !== undefined) event.provider_cost_usd = usage.provider_cost_usd;
  return event;
}

/**
 * The usage of a request that ended without the upstream's own figures (Claude Code left mid-answer, the stream
 * was cut): the input estimate from the request's size and the output estimated from the text streamed so far.
 */
export function estimatedUsage(inputTokenEstimate: number, streamedChars: number): TranslatedUsage {
  return {
    input_tokens: inputTokenEstimate,
    output_tokens: estimateTokensFromLength(streamedChars),
    cache_read_input_tokens: 0,
    cache_creation_input_tokens: 0,
  };
}

/**
 * The upstream's usage, unless it reported none (no input tokens at all, cached or not): then the estimate.
 * For an answer that did not complete, the output is at least what the streamed text suggests, since the
 * upstream's final output count never arrived.
 */
export function usageOrEstimate(reported: TranslatedUsage | undefined, estimate: TranslatedUsage, complete: boolean): TranslatedUsage {
  if (!reported || reported.input_tokens + reported.cache_read_input_tokens + reported.cache_creation_input_tokens === 0) return estimate;
  if (complete) return reported;
  return { ...reported, output_tokens: Math.max(reported.output_tokens, estimate.output_tokens) };
}
