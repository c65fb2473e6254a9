import { describe, expect, it } from 'vitest';
import { budgetStopMessage, type Budget } from '../../src/usage/budget.js';

const RUN: Budget['run'] = { usd: 0.5, setBy: '--max-cost', raise: 'Run again with a higher --max-cost.' };
const DAILY: Budget['daily'] = { usd: 5, setBy: 'models.budget.daily_usd in /u/.oss/config.json', raise: 'Raise it there, or wait until tomorrow.' };

describe('budgetStopMessage', () => {
  it('lets requests through while every cap is above what was spent, and when there is no cap', () => {
    expect([
      budgetStopMessage({ run: RUN, daily: DAILY }, { runUsd: 0.4999, runRequests: 3, todayBeforeRunUsd: 4.5 }),
      budgetStopMessage({}, { runUsd: 1000, runRequests: 1, todayBeforeRunUsd: 1000 }),
    ]).toEqual([undefined, undefined]);
  });

  it('stops the run once its spending reaches the run cap, saying what was spent, on how many requests, the cap, where it was set and the next step', () => {
    expect([
      budgetStopMessage({ run: RUN }, { runUsd: 0.5, runRequests: 1, todayBeforeRunUsd: 0 }),
      budgetStopMessage({ run: RUN }, { runUsd: 0.5123, runRequests: 1234, todayBeforeRunUsd: 0 }),
    ]).toEqual([
      'oss: run budget reached: $0.5000 spent on 1 request, cap $0.50 (--max-cost). Run again with a higher --max-cost.',
      'oss: run budget reached: $0.5123 spent on 1,234 requests, cap $0.50 (--max-cost). Run again with a higher --max-cost.',
    ]);
  });

  it("stops once today's ledger total plus this run reaches the daily cap, showing both parts", () => {
    expect(budgetStopMessage({ daily: DAILY }, { runUsd: 0.0008, runRequests: 1, todayBeforeRunUsd: 4.9995 })).toBe(
      'oss: daily budget reached: $5.0003 spent today ($4.9995 before this run, $0.0008 on 1 request in it), cap $5.00 (models.budget.daily_usd in /u/.oss/config.json). Raise it there, or wait until tomorrow.',
    );
  });

  it('names the run cap when both caps are reached', () => {
    expect(budgetStopMessage({ run: RUN, daily: DAILY }, { runUsd: 0.6, runRequests: 2, todayBeforeRunUsd: 5 })).toBe(
      'oss: run budget reached: $0.6000 spent on 2 requests, cap $0.50 (--max-cost). Run again with a higher --max-cost.',
    );
  });

  it('stops at once for a cap of zero, before any request', () => {
    expect(budgetStopMessage({ run: { ...RUN, usd: 0 } }, { runUsd: 0, runRequests: 0, todayBeforeRunUsd: 0 })).toBe(
      'oss: run budget reached: $0.0000 spent on 0 requests, cap $0.00 (--max-cost). Run again with a higher --max-cost.',
    );
  });
});
