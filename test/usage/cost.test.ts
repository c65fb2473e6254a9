// Cost of one request: provider figure first, then cache-aware registry prices, else unpriced.
import { describe, expect, it } from 'vitest';
import { costOfEvent } from '../../src/usage/cost.js';
import type { OssConfig } from '../../src/config/config-types.js';
import { defaultRegistry } from '../../src/registry/registry.js';

/** Prices from the registry of this process's environment. */
const getPricing = (modelId: string, config?: OssConfig) => defaultRegistry().getPricing(modelId, config);

const tokens = { input_tokens: 0, output_tokens: 0, cache_read_tokens: 0, cache_write_tokens: 0 };

describe('costOfEvent', () => {
  it('uses the cost the provider reported, even when the registry has a price', () => {
    expect(costOfEvent({ ...tokens, model: 'openai/gpt-4o', input_tokens: 1_000_000, provider_cost_usd: 0.0123 }, getPricing))
      .toEqual({ cost_usd: 0.0123, unpriced: false });
  });

  it('adds a known per-search fee to the token price', () => {
    expect(costOfEvent({ ...tokens, model: 'openai/gpt-4o', input_tokens: 10_000, output_tokens: 2_000, search_fee_usd: 0.01 }, getPricing))
      .toEqual({ cost_usd: 0.055, unpriced: false });
  });

  it('counts a known search fee even when the tokens have no price, still marked unpriced', () => {
    expect(costOfEvent({ ...tokens, model: 'x/unknown', input_tokens: 10, search_fee_usd: 0.02 }, () => undefined)).toEqual({ cost_usd: 0.02, unpriced: true });
  });

  it('prices input and output tokens from the registry', () => {
    expect(costOfEvent({ ...tokens, model: 'openai/gpt-4o', input_tokens: 10_000, output_tokens: 2_000 }, getPricing))
      .toEqual({ cost_usd: 0.045, unpriced: false });
  });

  it('bills cache reads at the cache-read price, not as full input', () => {
    // claude-sonnet-4-5: input 3, cache read 0.30, cache write 3.75 per 1M
    const cost = costOfEvent({ ...tokens, model: 'anthropic/claude-sonnet-4-5', input_tokens: 1000, cache_read_tokens: 100_000, cache_write_tokens: 10_000 }, getPricing);
    expect(cost).toEqual({ cost_usd: 0.0705, unpriced: false });
  });

  it('bills cache writes at the input price when no cache-write price is known', () => {
    // gpt-4o: input 2.50, cache read 1.25, no cache-write price
    const cost = costOfEvent({ ...tokens, model: 'openai/gpt-4o', cache_read_tokens: 1_000_000, cache_write_tokens: 1_000_000 }, getPricing);
    expect(cost).toEqual({ cost_usd: 1.25 + 2.5, unpriced: false });
  });

  it('bills cache reads at the input price when no cache-read price is known', () => {
    const cost = costOfEvent({ ...tokens, model: 'x/y', cache_read_tokens: 1_000_000 }, () => ({ inputPer1M: 2, outputPer1M: 4 }));
    expect(cost).toEqual({ cost_usd: 2, unpriced: false });
  });

  it('costs a local Ollama model 0 and counts it as priced', () => {
    expect(costOfEvent({ ...tokens, model: 'ollama/llama3.2', input_tokens: 5000 }, getPricing)).toEqual({ cost_usd: 0, unpriced: false });
  });

  it('marks an unknown model unpriced at 0', () => {
    expect(costOfEvent({ ...tokens, model: 'lmstudio/qwen', input_tokens: 5000 }, getPricing)).toEqual({ cost_usd: 0, unpriced: true });
  });

  it('applies config pricing overrides', () => {
    const config = { pricing: { 'lmstudio/qwen': { input: 1, output: 1 } } };
    expect(costOfEvent({ ...tokens, model: 'lmstudio/qwen', input_tokens: 1_000_000 }, getPricing, config)).toEqual({ cost_usd: 1, unpriced: false });
  });
});
