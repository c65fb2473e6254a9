import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_RETRY_AFTER_SECONDS, capRetryAfter, retryAfterSeconds } from '../../../src/providers/common/retry-after.js';

describe('capRetryAfter', () => {
  it('rounds up to whole seconds and keeps the figure between 0 and the 60 s Claude Code accepts', () => {
    expect([0, 0.2, 34.4, 60, 61, 3600, -5].map(capRetryAfter)).toEqual([0, 1, 35, 60, 60, 60, 0]);
    expect(MAX_RETRY_AFTER_SECONDS).toBe(60);
  });
});

describe('retryAfterSeconds', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T10:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads retry-after in seconds, and retry-after-ms ahead of it', () => {
    expect([
      retryAfterSeconds({ 'retry-after': '7' }),
      retryAfterSeconds({ 'retry-after': ' 2.5 ' }),
      retryAfterSeconds({ 'retry-after-ms': '1500', 'retry-after': '30' }),
    ]).toEqual([7, 3, 2]);
  });

  it('reads an HTTP-date retry-after as the seconds from now, capped at 60, and a past date as 0', () => {
    expect([
      retryAfterSeconds({ 'retry-after': 'Mon, 30 Nov 2026 10:00:20 GMT' }),
      retryAfterSeconds({ 'retry-after': 'Mon, 30 Nov 2026 11:00:00 GMT' }),
      retryAfterSeconds({ 'retry-after': 'Mon, 30 Nov 2026 09:00:00 GMT' }),
    ]).toEqual([20, 60, 0]);
  });

  it('gives undefined when there is no usable figure, falling back to retry-after when retry-after-ms is not a number', () => {
    expect([
      retryAfterSeconds({}),
      retryAfterSeconds({ 'retry-after': 'soon' }),
      retryAfterSeconds({ 'retry-after-ms': 'later' }),
      retryAfterSeconds({ 'retry-after-ms': 'later', 'retry-after': '4' }),
    ]).toEqual([undefined, undefined, undefined, 4]);
  });
});
