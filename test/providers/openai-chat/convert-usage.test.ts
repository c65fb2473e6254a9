import { describe, expect, it } from 'vitest';
import { convertOpenAIUsage, hasUsage } from '../../../src/providers/openai-chat/convert-usage.js';

describe('convertOpenAIUsage', () => {
  it('takes cache reads and writes out of the prompt count, so the three add back up to it', () => {
    expect(convertOpenAIUsage({ prompt_tokens: 1000, completion_tokens: 50, prompt_tokens_details: { cached_tokens: 600, cache_write_tokens: 300 } })).toEqual({
      input_tokens: 100,
      output_tokens: 50,
      cache_read_input_tokens: 600,
      cache_creation_input_tokens: 300,
    });
  });

  it("reads DeepSeek's prompt_cache_hit_tokens and OpenRouter's cost", () => {
    expect(convertOpenAIUsage({ prompt_tokens: 500, completion_tokens: 10, prompt_cache_hit_tokens: 200, cost: 0.0012 })).toEqual({
      input_tokens: 300,
      output_tokens: 10,
      cache_read_input_tokens: 200,
      cache_creation_input_tokens: 0,
      provider_cost_usd: 0.0012,
    });
  });

  it('adds reasoning tokens only when the server reports them beside completion_tokens (the total says so)', () => {
    const inside = { prompt_tokens: 10, completion_tokens: 30, total_tokens: 40, completion_tokens_details: { reasoning_tokens: 20 } };
    const beside = { prompt_tokens: 10, completion_tokens: 30, total_tokens: 60, completion_tokens_details: { reasoning_tokens: 20 } };
    expect([convertOpenAIUsage(inside).output_tokens, convertOpenAIUsage(beside).output_tokens]).toEqual([30, 50]);
  });

  it('counts negative, fractional and missing figures sanely', () => {
    expect(convertOpenAIUsage({ prompt_tokens: -5, completion_tokens: 2.6 })).toEqual({ input_tokens: 0, output_tokens: 3, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
  });
});

describe('hasUsage', () => {
  it('is true only for a usage object carrying token numbers', () => {
    expect([null, undefined, {}, { prompt_tokens: 1 }, { completion_tokens: 0 }].map((usage) => hasUsage(usage as never))).toEqual([false, false, false, true, true]);
  });
});
