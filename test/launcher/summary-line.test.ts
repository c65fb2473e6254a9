import { describe, expect, it } from 'vitest';
import { formatDirectSummaryLine, formatSummaryLine } from '../../src/launcher/summary-line.js';

describe('formatSummaryLine', () => {
  it('names prompt, models, requests, tokens, cost and fallbacks', () => {
    expect(
      formatSummaryLine({
        prompt: 'oss:ship',
        models: ['gemini/gemini-2.0-flash', 'claude'],
        requests: 3,
        inputTokens: 12_345,
        outputTokens: 678,
        costUsd: 0.00421,
        unpriced: false,
        fallbacks: 1,
      }),
    ).toBe('oss: oss:ship · gemini/gemini-2.0-flash, claude · 3 requests · 12,345 in / 678 out · $0.0042 · 1 fallback');
  });

  it('says when no model was called and some cost is unknown, and leaves out zero fallbacks', () => {
    expect(
      formatSummaryLine({ prompt: 'adhoc', models: [], requests: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, unpriced: true, fallbacks: 0 }),
    ).toBe('oss: adhoc · no model called · 0 requests · 0 in / 0 out · $0.0000 (some requests unpriced)');
  });

  it('shows dollars with two decimals from one dollar up', () => {
    expect(
      formatSummaryLine({ prompt: 'adhoc', models: ['openai/gpt-4o'], requests: 1, inputTokens: 1, outputTokens: 1, costUsd: 12.345, unpriced: false, fallbacks: 2 }),
    ).toBe('oss: adhoc · openai/gpt-4o · 1 request · 1 in / 1 out · $12.35 · 2 fallbacks');
  });

  it('says a run without the proxy was not metered', () => {
    expect(formatDirectSummaryLine('oss:ship', 'claude')).toBe('oss: oss:ship · claude · direct to Anthropic (not metered by oss)');
  });
});
