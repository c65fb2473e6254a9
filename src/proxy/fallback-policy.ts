// When a provider fails before anything reached Claude Code: retry what a short wait can fix (429, 5xx),
// honouring Retry-After but keeping the total wait small, then hand the request to Claude.
// Errors a retry cannot fix (auth, unknown model, provider down) skip the retries.
import { ProviderError } from '../providers/common/provider-error.js';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Total waiting allowed across retries; a Retry-After beyond it ends the retries at once. */
  maxTotalWaitMs: number;
  /** Wait before the first retry when the upstream gives no Retry-After; doubled each time. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 2, maxTotalWaitMs: 10_000, baseDelayMs: 500 };

/**
 * Worth retrying the same provider: busy or failing server side. Not a timeout: a provider that kept
 * Claude Code waiting once is handed to Claude at once rather than waited on again.
 */
export function isTransient(error: ProviderError): boolean {
  return error.retryable && (error.status === 429 || error.status >= 500) && error.type !== 'timeout_error';
}

/**
 * Worth handing to Claude: anything the provider cannot serve, but not a request problem Claude Code itself
 * must see (400 such as `prompt is too long`, which makes it compact; 413 too large).
 */
export function shouldFallBack(error: ProviderError): boolean {
  return !(error.status === 400 || error.status === 413 || error.status === 422);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

export async function withBoundedRetry<T>(attempt: () => Promise<T>, policy: RetryPolicy, signal: AbortSignal): Promise<T> {
  let waited = 0;
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ProviderError) || !isTransient(error) || retry >= policy.maxRetries || signal.aborted) throw error;
      const wait = error.retryAfter !== undefined ? error.retryAfter * 1000 : policy.baseDelayMs * 2 ** retry;
      if (waited + wait > policy.maxTotalWaitMs) throw error;
      waited += wait;
      await sleep(wait, signal);
      if (signal.aborted) throw error;
    }
  }
}
