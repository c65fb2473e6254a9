// How long Claude Code should wait before retrying, from an upstream's answer. Claude Code gives up at once on a
// retry-after above 60 s, so every figure is capped there.
export const MAX_RETRY_AFTER_SECONDS = 60;

/** Whole seconds, rounded up, between 0 and the cap. */
export function capRetryAfter(seconds: number): number {
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil(seconds)));
}

/** Seconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date), capped at 60; undefined when absent. */
export function retryAfterSeconds(headers: Record<string, string | undefined>): number | undefined {
  const ms = Number(headers['retry-after-ms']);
  let seconds: number | undefined;
  if (headers['retry-after-ms'] !== undefined && Number.isFinite(ms)) seconds = ms / 1000;
  else if (headers['retry-after'] !== undefined) {
    const value = headers['retry-after'].trim();
    const asNumber = Number(value);
    seconds = Number.isFinite(asNumber) ? asNumber : (Date.parse(value) - Date.now()) / 1000;
  }
  if (seconds === undefined || !Number.isFinite(seconds)) return undefined;
  return capRetryAfter(seconds);
}
