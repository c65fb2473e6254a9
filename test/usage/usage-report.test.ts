import { describe, expect, it } from 'vitest';
import type { Ledger, UsageCounters } from '../../src/usage/ledger.js';
import { usageReport } from '../../src/usage/usage-report.js';

/** Counters for `requests` requests of 100 input + 10 output tokens at `cost` USD. */
function counters(requests: number, cost: number, extra: Partial<UsageCounters> = {}): UsageCounters {
  return { requests, tokens: 110 * requests, input_tokens: 100 * requests, output_tokens: 10 * requests, cache_read_tokens: 0, cache_write_tokens: 0, cost_usd: cost, fallbacks: 0, ...extra };
}

const LEDGER: Ledger = {
  '2026-11-28': {
    'oss:ship': { ...counters(2, 0.1), models: { 'gemini/gemini-2.5-flash': counters(2, 0.1) } },
  },
  '2026-11-29': {
    'oss:ship': { ...counters(3, 0.2, { fallbacks: 1 }), models: { 'gemini/gemini-2.5-flash': counters(2, 0.05), claude: counters(1, 0.15, { fallbacks: 1 }) } },
    'oss:review': { ...counters(1, 0, { unpriced: 1 }), models: { 'ollama/llama3.2': counters(1, 0, { unpriced: 1 }) } },
  },
  '2026-11-30': {
    'oss:review': { ...counters(1, 0.7), models: { 'openrouter/deepseek/deepseek-chat': counters(1, 0.7) } },
  },
};

/** The Required<UsageCounters> row or total for `requests` requests, as the report sums them. */
function summed(requests: number, cost: number, fallbacks = 0, unpriced = 0) {
  return { requests, tokens: 110 * requests, input_tokens: 100 * requests, output_tokens: 10 * requests, cache_read_tokens: 0, cache_write_tokens: 0, cost_usd: cost, fallbacks, unpriced };
}

describe('usageReport', () => {
  it('sums by day in date order, with a total', () => {
    expect(usageReport(LEDGER, 'day')).toEqual({
      rows: [
        { key: '2026-11-28', ...summed(2, 0.1) },
        { key: '2026-11-29', ...summed(4, 0.2, 1, 1) },
        { key: '2026-11-30', ...summed(1, 0.7) },
      ],
      total: summed(7, 1, 1, 1),
    });
  });

  it('sums by prompt across days, rows sorted by name', () => {
    expect(usageReport(LEDGER, 'prompt').rows).toEqual([
      { key: 'oss:review', ...summed(2, 0.7, 0, 1) },
      { key: 'oss:ship', ...summed(5, 0.3, 1) },
    ]);
  });

  it("sums by model from each prompt's per-model counters, the total still from the prompts", () => {
    expect(usageReport(LEDGER, 'model')).toEqual({
      rows: [
        { key: 'claude', ...summed(1, 0.15, 1) },
        { key: 'gemini/gemini-2.5-flash', ...summed(4, 0.15) },
        { key: 'ollama/llama3.2', ...summed(1, 0, 0, 1) },
        { key: 'openrouter/deepseek/deepseek-chat', ...summed(1, 0.7) },
      ],
      total: summed(7, 1, 1, 1),
    });
  });

  it('keeps only the days from since to until, both inclusive, either open', () => {
    const keys = (since?: string, until?: string) => usageReport(LEDGER, 'day', since, until).rows.map((row) => row.key);
    expect([keys('2026-11-29', '2026-11-29'), keys('2026-11-29'), keys(undefined, '2026-11-28'), keys('2026-12-01')]).toEqual([
      ['2026-11-29'],
      ['2026-11-29', '2026-11-30'],
      ['2026-11-28'],
      [],
    ]);
  });

  it('counts a hand-edited field that is not a finite number as zero', () => {
    const edited = { '2026-11-30': { 'oss:x': { ...counters(1, 0.5), requests: '3', cost_usd: Number.NaN, tokens: null, models: {} } } } as unknown as Ledger;
    expect(usageReport(edited, 'prompt')).toEqual({
      rows: [{ key: 'oss:x', ...summed(1, 0), requests: 0, tokens: 0 }],
      total: { ...summed(1, 0), requests: 0, tokens: 0 },
    });
  });

  it('gives no rows and a zero total for an empty ledger', () => {
    expect(usageReport({}, 'model')).toEqual({ rows: [], total: summed(0, 0) });
  });
});
