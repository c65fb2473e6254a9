// The cost of one proxied request. The provider's own figure wins (OpenRouter's `usage.cost`); else the
// registry's prices, cache-aware: `input_tokens` excludes cache reads and writes, cache reads are billed at
// the cache-read price (or the input price when none is known), cache writes at the cache-write price (or
// input), plus any known per-search fee; else 0 and the request is marked unpriced (never a silent 0 that looks like a free model).
// Each request is priced once, by the proxy as it ends (priceUsage); the live meter, the run's summary line and
// the ledger all read that one PricedUsage, so they cannot disagree.
import type { OssConfig } from '../config/config-types.js';
import type { Pricing } from '../registry/registry.js';
import type { UsageEvent } from './usage-event.js';

export interface RequestCost {
  cost_usd: number;
  /** No provider figure and no known price: cost_usd is 0 but not known to be 0. */
  unpriced: boolean;
}

export type PriceLookup = (modelId: string, config?: OssConfig) => Pricing | undefined;

/** A request's usage with its price: what the meter, the summary line and the ledger share. */
export interface PricedUsage extends UsageEvent, RequestCost {}

export function priceUsage(event: UsageEvent, lookup: PriceLookup, config?: OssConfig): PricedUsage {
  return { ...event, ...costOfEvent(event, lookup, config) };
}

type TokenCounts = Pick<UsageEvent, 'input_tokens' | 'output_tokens' | 'cache_read_tokens' | 'cache_write_tokens'>;

export function costOfEvent(
  event: TokenCounts & Pick<UsageEvent, 'model' | 'provider_cost_usd' | 'search_fee_usd'>,
  lookup: PriceLookup,
  config?: OssConfig,
): RequestCost {
  if (typeof event.provider_cost_usd === 'number' && Number.isFinite(event.provider_cost_usd) && event.provider_cost_usd >= 0) {
    return { cost_usd: event.provider_cost_usd, unpriced: false };
  }
  // A known per-search fee counts even when the tokens cannot be priced.
  const fee = event.search_fee_usd ?? 0;
  const pricing = lookup(event.model, config);
  if (!pricing) return { cost_usd: fee, unpriced: true };
  return { cost_usd: roundUsd(priceTokens(event, pricing) + fee), unpriced: false };
}

/** USD for the given token counts at the given per-1M prices. */
export function priceTokens(tokens: TokenCounts, pricing: Pricing): number {
  const perMillion =
    tokens.input_tokens * pricing.inputPer1M +
    tokens.output_tokens * pricing.outputPer1M +
    tokens.cache_read_tokens * (pricing.cacheReadPer1M ?? pricing.inputPer1M) +
    tokens.cache_write_tokens * (pricing.cacheWritePer1M ?? pricing.inputPer1M);
  return roundUsd(perMillion / 1_000_000);
}

/** Round to 1e-10 USD so sums stay free of float noise (0.045, not 0.045000000000000005). */
export function roundUsd(value: number): number {
  return Math.round(value * 1e10) / 1e10;
}
