import { describe, expect, it } from 'vitest';
import { ANTHROPIC_USD_PER_SEARCH, OPENROUTER_WEB_USD_PER_RESULT, anthropicSearchFee, openRouterWebFee } from '../../src/usage/search-fees.js';

describe('search fees', () => {
  it("prices Anthropic's web search at $10 per 1000 searches", () => {
    expect([ANTHROPIC_USD_PER_SEARCH, ...[0, 1, 3, 1000].map(anthropicSearchFee)]).toEqual([0.01, 0, 0.01, 0.03, 10]);
  });

  it("prices OpenRouter's web plugin at $4 per 1000 results fetched", () => {
    expect([OPENROUTER_WEB_USD_PER_RESULT, ...[0, 5, 7, 1000].map(openRouterWebFee)]).toEqual([0.004, 0, 0.02, 0.028, 4]);
  });

  it('rounds away floating-point noise from the multiplication (35 searches are $0.35, 9 results $0.036)', () => {
    expect([anthropicSearchFee(35), openRouterWebFee(9)]).toEqual([0.35, 0.036]);
  });
});
