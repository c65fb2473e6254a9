// Transport failures (no HTTP answer, or a body cut short) as ProviderErrors. A refused connection cannot be
// fixed by retrying, so it says `retryable: false` and Claude Code stops at once instead of retrying ~3 min.
import { ProviderError } from './provider-error.js';

const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** Every error code along a Node/undici error's `cause` chain, outermost first. */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

/**
 * `label` names what was being reached, e.g. `openrouter/deepseek/deepseek-chat at https://openrouter.ai/api/v1`.
 * `refusedMessage` replaces the default wording for a refused connection (Ollama's "start it with ollama serve").
 */
export function networkError(error: unknown, provider: string, label: string, refusedMessage?: string): ProviderError {
  if (error instanceof ProviderError) return error;
  const codes = errorCodes(error);
  const refused = codes.find((code) => REFUSED.has(code));
  if (refused) {
    return new ProviderError({
      status: 502,
      type: 'api_error',
      message: refusedMessage ?? `${label}: cannot connect (${refused}); check the provider's base URL`,
      retryable: false,
      provider,
    });
  }
  const timeout = codes.find((code) => TIMEOUTS.has(code));
  if (timeout) {
    return new ProviderError({ status: 504, type: 'timeout_error', message: `${label}: timed out (${timeout}); the provider may be overloaded, try again or pick another model`, retryable: true, provider });
  }
  return new ProviderError({ status: 502, type: 'api_error', message: `${label}: connection failed (${codes[0] ?? 'no answer'}); check your network and the provider's base URL`, retryable: true, provider });
}

/** A body that broke off after a 2xx answer: the connection worked, so the advice is to ask again. */
export function cutBodyError(error: unknown, provider: string, label: string, model: string): ProviderError {
  if (error instanceof ProviderError) return error;
  const codes = errorCodes(error);
  const timeout = codes.find((code) => TIMEOUTS.has(code));
  if (timeout) return networkError(error, provider, label);
  return new ProviderError({
    status: 502,
    type: 'api_error',
    message: `${label}: the answer was cut off (${codes[0] ?? 'connection closed'}); ask again, or run \`oss models test ${model}\``,
    retryable: true,
    provider,
  });
}
