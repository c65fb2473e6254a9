// The body reader for Gemini errors (HTTP body before the stream, or a `{"error":…}` stream event;
// wire-reference.md §3.5, edge cases 4, 55, 56); common/upstream-error.ts says what Claude Code is told.
// Tolerant: the body may be JSON of any shape, a JSON array (the non-SSE stream form), or plain text, and may
// come with an SSE content type (the recorded 404).
import type { ProviderError } from '../common/provider-error.js';
import { capRetryAfter, retryAfterSeconds } from '../common/retry-after.js';
import { upstreamError, type ErrorTarget, type UpstreamFailure } from '../common/upstream-error.js';
import type { GeminiErrorBody } from './gemini-api.js';

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

export function decodeGeminiError(status: number, bodyText: string, headers: HeaderSource, target: ErrorTarget): ProviderError {
  const error = parseErrorBody(bodyText);
  const message = error?.message?.trim() || bodyText.trim().slice(0, 300) || `HTTP ${status}`;
  return upstreamError(geminiFailure(status || error?.code || 500, error, message, headers), target);
}

/** The same classification for an error object found inside a stream. */
export function decodeGeminiStreamError(body: GeminiErrorBody, target: ErrorTarget): ProviderError {
  const message = body.error?.message?.trim() || 'Gemini reported an error in the middle of the stream';
  return upstreamError(geminiFailure(body.error?.code ?? 500, body.error, message, undefined), target);
}

/** What a Gemini error says beyond its status: an overflow, a bad key (sent as 400), a used-up daily quota. */
function geminiFailure(status: number, error: GeminiErrorBody['error'], message: string, headers: HeaderSource): UpstreamFailure {
  const base = { status, message };
  const overflow = overflowTokens(message);
  if (overflow) return { ...base, cause: 'context_overflow', tokens: overflow };
  if (status === 404 || error?.status === 'NOT_FOUND') return { ...base, cause: 'model_not_found' };
  if (isInvalidKey(error, message)) return { ...base, cause: 'bad_key' };
  if (status === 429 || error?.status === 'RESOURCE_EXHAUSTED') {
    if (JSON.stringify(error?.details ?? []).includes('PerDay')) return { ...base, cause: 'daily_quota' };
    const retryAfter = geminiRetryAfter(error, headers);
    return { ...base, cause: 'rate_limited', ...(retryAfter !== undefined ? { retryAfter } : {}) };
  }
  return base;
}

function parseErrorBody(bodyText: string): GeminiErrorBody['error'] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  const body = (Array.isArray(parsed) ? parsed[0] : parsed) as GeminiErrorBody | undefined;
  const error = body?.error;
  return typeof error === 'object' && error !== null ? error : undefined;
}

/** "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576)." → its figures. */
function overflowTokens(message: string): { actual?: number; limit?: number } | undefined {
  if (!/exceeds the maximum number of tokens/i.test(message)) return undefined;
  const [actual, limit] = [...message.matchAll(/\((\d+)\)/g)].map((match) => Number(match[1]));
  return { ...(actual !== undefined ? { actual } : {}), ...(limit !== undefined ? { limit } : {}) };
}

function isInvalidKey(error: GeminiErrorBody['error'], message: string): boolean {
  return /API key not valid|API_KEY_INVALID/i.test(message) || JSON.stringify(error?.details ?? []).includes('API_KEY_INVALID');
}

/** RetryInfo.retryDelay ("34.4s") or the retry-after headers, rounded up and capped at 60 s. */
function geminiRetryAfter(error: GeminiErrorBody['error'], headers: HeaderSource): number | undefined {
  const retryInfo = error?.details?.find((detail) => String(detail['@type']).endsWith('google.rpc.RetryInfo'));
  const delay = typeof retryInfo?.retryDelay === 'string' ? /^([\d.]+)s$/.exec(retryInfo.retryDelay)?.[1] : undefined;
  if (delay !== undefined && Number.isFinite(Number(delay))) return capRetryAfter(Number(delay));
  return retryAfterSeconds({ 'retry-after': headerValue(headers, 'retry-after'), 'retry-after-ms': headerValue(headers, 'retry-after-ms') });
}

function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
