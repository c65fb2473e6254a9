import { describe, expect, it } from 'vitest';
import { ZERO_USAGE } from '../../../src/providers/common/upstream-usage.js';

describe('ZERO_USAGE', () => {
  it('is all four Anthropic counters at zero, with no provider cost or searches', () => {
    expect(ZERO_USAGE).toStrictEqual({ input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
  });

  it('cannot be changed by a translator that adds to it by mistake', () => {
    expect(() => {
      (ZERO_USAGE as { input_tokens: number }).input_tokens = 5;
    }).toThrow(TypeError);
    expect(ZERO_USAGE.input_tokens).toBe(0);
  });
});
