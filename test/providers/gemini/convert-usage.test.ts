import { describe, expect, it } from 'vitest';
import { convertGeminiUsage } from '../../../src/providers/gemini/convert-usage.js';

describe('convertGeminiUsage', () => {
  it('takes cache reads out of input (Gemini counts them in promptTokenCount) and counts thoughts as output', () => {
    expect(convertGeminiUsage({ promptTokenCount: 1000, cachedContentTokenCount: 900, candidatesTokenCount: 40, thoughtsTokenCount: 3, totalTokenCount: 1043 })).toEqual({
      input_tokens: 100,
      output_tokens: 43,
      cache_read_input_tokens: 900,
      cache_creation_input_tokens: 0,
    });
  });

  it("bills built-in tools' prompt tokens (toolUsePromptTokenCount) as input", () => {
    expect(convertGeminiUsage({ promptTokenCount: 20, toolUsePromptTokenCount: 350, candidatesTokenCount: 60 })).toEqual({
      input_tokens: 370,
      output_tokens: 60,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    });
  });

  it('never reports negative input when the cached count exceeds the prompt count', () => {
    expect(convertGeminiUsage({ promptTokenCount: 10, cachedContentTokenCount: 64 })).toEqual({
      input_tokens: 0,
      output_tokens: 0,
      cache_read_input_tokens: 64,
      cache_creation_input_tokens: 0,
    });
  });

  it('reports zeros for a response without usageMetadata or with an empty one', () => {
    const zero = { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
    expect([convertGeminiUsage(undefined), convertGeminiUsage({})]).toEqual([zero, zero]);
  });
});
