// Per-search fees that come on top of tokens, where they are published and fixed: Anthropic's web search
// tool ($10 per 1000 searches) and OpenRouter's web plugin ($4 per 1000 results fetched). A provider's own
// cost figure (OpenRouter `usage.cost`) already includes its fee and wins over these.
import { roundUsd } from './cost.js';

export const ANTHROPIC_USD_PER_SEARCH = 0.01;
export const OPENROUTER_WEB_USD_PER_RESULT = 0.004;

export function anthropicSearchFee(searches: number): number {
  return roundUsd(searches * ANTHROPIC_USD_PER_SEARCH);
}

export function openRouterWebFee(results: number): number {
  return roundUsd(results * OPENROUTER_WEB_USD_PER_RESULT);
}
