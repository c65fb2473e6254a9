// Retirement notes by date (the CLI tests can only see dates already past), and the closest-key rule.
import { describe, expect, it } from 'vitest';
import { closestKey } from '../../src/config/unknown-keys.js';
import { retirementNote } from '../../src/routing/plan-warnings.js';

describe('retirementNote', () => {
  it('says "retired on" from the date itself, "retires on" within 60 days before, and nothing earlier or without a date', () => {
    expect(retirementNote('2026-06-01', '2026-06-01')).toBe('retired on 2026-06-01');
    expect(retirementNote('2026-06-01', '2026-11-30')).toBe('retired on 2026-06-01');
    expect(retirementNote('2026-06-01', '2026-04-02')).toBe('retires on 2026-06-01');
    expect(retirementNote('2026-06-01', '2026-04-01')).toBeUndefined();
    expect(retirementNote(null, '2026-04-01')).toBeUndefined();
  });
});

describe('closestKey', () => {
  it('finds a typo, a missing letter and a case slip, and nothing for an unrelated word', () => {
    expect(closestKey('agent', ['agents', 'skills'])).toBe('agents');
    expect(closestKey('fallbak', ['fallback', 'background'])).toBe('fallback');
    expect(closestKey('baseURL', ['baseUrl', 'type'])).toBe('baseUrl');
    expect(closestKey('statusLine', ['models', 'providers', 'pricing'])).toBeUndefined();
  });
});
