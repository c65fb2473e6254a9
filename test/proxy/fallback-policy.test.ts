// When a provider fails before anything reached Claude Code: what a short wait can fix (429, 5xx, not a
// timeout) is retried within a bounded total wait, honouring Retry-After; what Claude Code itself must see
// (400, 413, 422) is not handed to Claude. Driven on the policy itself, with real (short) timers.
import { describe, expect, it } from 'vitest';
import { isTransient, shouldFallBack, withBoundedRetry, type RetryPolicy } from '../../src/proxy/fallback-policy.js';
import { ProviderError } from '../../src/providers/common/provider-error.js';
import type { AnthropicErrorType } from '../../src/providers/common/provider-error.js';

function failure(status: number, type: AnthropicErrorType, retryable: boolean, retryAfter?: number): ProviderError {
  return new ProviderError({ status, type, message: `${status} ${type}`, retryable, ...(retryAfter === undefined ? {} : { retryAfter }) });
}

const QUICK: RetryPolicy = { maxRetries: 2, maxTotalWaitMs: 200, baseDelayMs: 5 };

/** Runs withBoundedRetry over `errors` in turn (then success), and says how it ended and after how many attempts. */
async function attempts(errors: unknown[], policy = QUICK, signal = new AbortController().signal): Promise<[number, unknown]> {
  let calls = 0;
  const outcome = await withBoundedRetry(
    async () => {
      const error = errors[calls];
      calls += 1;
      if (error !== undefined) throw error;
      return 'answered';
    },
    policy,
    signal,
  ).catch((error: unknown) => error);
  return [calls, outcome];
}

describe('isTransient and shouldFallBack', () => {
  it.each([
    ['a retryable 429', failure(429, 'rate_limit_error', true), true, true],
    ['a retryable 503', failure(503, 'api_error', true), true, true],
    ['a retryable 529 overloaded', failure(529, 'overloaded_error', true), true, true],
    ['a timeout', failure(504, 'timeout_error', true), false, true],
    ['a non-retryable 500', failure(500, 'api_error', false), false, true],
    ['a 401 bad key', failure(401, 'authentication_error', false), false, true],
    ['a 404 unknown model', failure(404, 'not_found_error', false), false, true],
    ['a 400 (prompt is too long)', failure(400, 'invalid_request_error', false), false, false],
    ['a 413 too large', failure(413, 'request_too_large', false), false, false],
    ['a 422', failure(422, 'invalid_request_error', false), false, false],
  ])('%s: retried %s, handed to Claude %s', (_name, error, transient, fallBack) => {
    expect([isTransient(error), shouldFallBack(error)]).toEqual([transient, fallBack]);
  });
});

describe('withBoundedRetry', () => {
  it('retries a transient failure and returns the answer that follows', async () => {
    expect(await attempts([failure(503, 'api_error', true)])).toEqual([2, 'answered']);
  });

  it('gives up after maxRetries, with the last failure', async () => {
    const busy = [1, 2, 3].map(() => failure(429, 'rate_limit_error', true, 0));
    expect(await attempts(busy)).toEqual([3, busy[2]]);
  });

  it('does not retry what a wait cannot fix, nor anything but a ProviderError', async () => {
    const badKey = failure(401, 'authentication_error', false);
    const bug = new TypeError('not a provider error');
    expect([await attempts([badKey]), await attempts([bug])]).toEqual([[1, badKey], [1, bug]]);
  });

  it('ends the retries at once when a Retry-After is beyond the total wait allowed', async () => {
    const later = failure(429, 'rate_limit_error', true, 30);
    expect(await attempts([later])).toEqual([1, later]);
  });

  it('stops retrying when the request is aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    const busy = failure(503, 'api_error', true);
    expect(await attempts([busy, busy], QUICK, abort.signal)).toEqual([1, busy]);
  });
});
