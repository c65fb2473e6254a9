import { describe, expect, it } from 'vitest';
import { formatCapUsd, formatSpentUsd, formatUsd } from '../../src/usage/format-usd.js';

describe('formatUsd', () => {
  it('prints four decimals below a dollar and two from a dollar up', () => {
    expect([0, 0.00042, 0.5, 0.99994, 1, 12.345, 1234.5].map(formatUsd)).toEqual(['$0.0000', '$0.0004', '$0.5000', '$0.9999', '$1.00', '$12.35', '$1234.50']);
  });
});

describe('formatSpentUsd', () => {
  it('always prints four decimals, where the last cents against a cap matter', () => {
    expect([0.0008, 4.9995, 12.34, 0].map(formatSpentUsd)).toEqual(['$0.0008', '$4.9995', '$12.3400', '$0.0000']);
  });
});

describe('formatCapUsd', () => {
  it('prints a cap as the user wrote it, with at least cents', () => {
    expect([5, 0.5, 0.0005, 0.003, 0.125, 2.5].map(formatCapUsd)).toEqual(['$5.00', '$0.50', '$0.0005', '$0.003', '$0.125', '$2.50']);
  });
});
