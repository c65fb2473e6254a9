import { describe, expect, it } from 'vitest';
import { estimateTokensFromLength } from '../../../src/providers/common/token-estimate.js';

describe('estimateTokensFromLength', () => {
  it('counts one token per four characters, rounding a started token up', () => {
    expect([0, 1, 4, 5, 8, 9, 4001].map(estimateTokensFromLength)).toEqual([0, 1, 1, 2, 2, 3, 1001]);
  });
});
