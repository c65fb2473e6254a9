// The day's spending a daily cap starts from: the sum of that day's prompts in the ledger; nothing for a
// missing or unreadable ledger (the run's own merge moves a broken one aside and says so), and nothing for a
// cost someone edited into a non-number.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayTotalUsd } from '../../src/usage/day-total.js';

function ossHome(ledger?: string): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'oss-day-'));
  mkdirSync(home, { recursive: true });
  if (ledger !== undefined) writeFileSync(join(home, 'usage.json'), ledger);
  return { OSS_HOME: home };
}

describe('dayTotalUsd', () => {
  it('adds every prompt of the day and nothing from other days', async () => {
    const env = ossHome(JSON.stringify({ '2026-01-10': { a: { cost_usd: 0.1 }, b: { cost_usd: 0.2 } }, '2026-01-11': { a: { cost_usd: 9 } } }));
    expect(await dayTotalUsd(env, '2026-01-10')).toBe(0.3);
  });

  it('skips costs that are not finite non-negative numbers', async () => {
    const env = ossHome(JSON.stringify({ '2026-01-10': { a: { cost_usd: '5' }, b: { cost_usd: -1 }, c: null, d: { cost_usd: 0.25 } } }));
    expect(await dayTotalUsd(env, '2026-01-10')).toBe(0.25);
  });

  it('counts nothing without a ledger, or with one that is not JSON, and leaves that file where it is', async () => {
    expect(await dayTotalUsd(ossHome(), '2026-01-10')).toBe(0);
    const env = ossHome('not json');
    expect(await dayTotalUsd(env, '2026-01-10')).toBe(0);
    expect(readFileSync(join(env.OSS_HOME!, 'usage.json'), 'utf8')).toBe('not json');
  });
});
