// One UsageEvent per request, for the ledger: who asked (prompt key), who answered, what it cost in tokens.
import type { UsageEvent } from '../usage/usage-event.js';
import type { TranslatedUsage } from '../providers/shared/upstream-usage.js';

export interface RequestRecord {
  prompt: string;
  model: string;
  provider: string;
  /** Epoch ms when the request arrived. */
  at: number;
}

export function usageEvent(
  record: RequestRecord,
  usage: TranslatedUsage | undefined,
  outcome: UsageEvent['outcome'],
  fallback: boolean,
  firstByteAt: number | undefined,
): UsageEvent {
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
    outcome,
    at: record.at,
  };
  if (usage?.provider_cost_usd !== undefined) event.provider_cost_usd = usage.provider_cost_usd;
  return event;
}
