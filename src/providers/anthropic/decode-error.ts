// The body reader for an Anthropic-compatible provider's error (`{type:"error", error:{type, message}}`, or any
// text): finds the upstream's words and a context overflow in Anthropic's own wording; common/upstream-error.ts
// says what Claude Code is told, as it does for every other provider.
import type { ProviderError } from '../common/provider-error.js';
import { retryAfterSeconds } from '../common/retry-after.js';
import { upstreamError, type ErrorTarget } from '../common/upstream-error.js';

const OVERFLOW = /prompt is too long:\s*(\d+) tokens > (\d+) maximum/i;

export function decodeAnthropicError(status: number, text: string, headers: Record<string, string | undefined>, target: ErrorTarget): ProviderError {
  const message = errorMessage(text);
  const retryAfter = retryAfterSeconds(headers);
  const overflow = OVERFLOW.exec(message);
  const tokens = overflow ? { actual: Number(overflow[1]), limit: Number(overflow[2]) } : undefined;
  return upstreamError({ status, message, ...(tokens ? { cause: 'context_overflow', tokens } : {}), ...(retryAfter !== undefined ? { retryAfter } : {}) }, target);
}

function errorMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') return parsed.error.message;
  } catch {
    // A non-JSON error body is shown as it is.
  }
  return text.slice(0, 500);
}
