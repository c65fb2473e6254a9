// A Gemini error (HTTP body before the stream, or a `{"error":…}` stream event) → ProviderError in Anthropic
// terms (wire-reference.md §3.5, §1.6; edge cases 4, 55, 56). Tolerant: the body may be JSON of any shape, a JSON
// array (the non-SSE stream form), or plain text, and may come with an SSE content type (the recorded 404).
import { ProviderError } from '../common/provider-error.js';
import { capRetryAfter, retryAfterSeconds } from '../common/retry-after.js';
import { errorTypeForStatus } from '../common/status-to-error-type.js';
import type { TargetModel } from '../common/target.js';
import type { GeminiErrorBody } from './gemini-api.js';

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;


export function decodeGeminiError(status: number, bodyText: string, headers: HeaderSource, target: Pick<TargetModel, 'provider' | 'upstreamModel' | 'contextWindow'>): ProviderError {
  const error = parseErrorBody(bodyText);
  const message = error?.message?.trim() || bodyText.trim().slice(0, 300) || `HTTP ${status}`;
  return geminiProviderError(status || error?.code || 500, error, message, headers, target);
}

/** The same classification for an error object found inside a stream. */
export function decodeGeminiStreamError(body: GeminiErrorBody, target: Pick<TargetModel, 'provider' | 'upstreamModel' | 'contextWindow'>): ProviderError {
  const message = body.error?.message?.trim() || 'Gemini reported an error in the middle of the stream';
  return geminiProviderError(body.error?.code ?? 500, body.error, message, undefined, target);
}

function geminiProviderError(
  status: number,
  error: GeminiErrorBody['error'],
  upstreamMessage: string,
  headers: HeaderSource,
  target: Pick<TargetModel, 'provider' | 'upstreamModel' | 'contextWindow'>,
): ProviderError {
  const provider = target.provider;
  const where = `${provider} model ${target.upstreamModel}`;
  const overflow = contextOverflow(upstreamMessage, target.contextWindow);
  if (overflow) {
    return new ProviderError({ status: 400, type: 'invalid_request_error', message: overflow, retryable: false, provider });
  }
  if (status === 404 || error?.status === 'NOT_FOUND') {
    return new ProviderError({
      status: 404,
      type: 'not_found_error',
      message: `${where} was not found (404): ${upstreamMessage} Check the model id with \`oss models list\`.`,
      retryable: false,
      provider,
    });
  }
  if (isInvalidKey(error, upstreamMessage)) {
    return new ProviderError({
      status: 401,
      type: 'authentication_error',
      message: `${provider} rejected the API key (${upstreamMessage}). Set GEMINI_API_KEY or run \`oss models keys set ${provider}\`.`,
      retryable: false,
      provider,
    });
  }
  if (status === 429 || error?.status === 'RESOURCE_EXHAUSTED') {
    const daily = JSON.stringify(error?.details ?? []).includes('PerDay');
    return new ProviderError({
      status: 429,
      type: 'rate_limit_error',
      message: `${where} is rate limited (429 RESOURCE_EXHAUSTED): ${upstreamMessage}${daily ? ' The daily quota is used up; try again tomorrow or use another model.' : ' Claude Code retries on its own, or pick another model with --model.'}`,
      retryAfter: daily ? undefined : geminiRetryAfter(error, headers),
      retryable: !daily,
      provider,
    });
  }
  const type = errorTypeForStatus(status);
  const label = error?.status ? `${status} ${error.status}` : String(status);
  return new ProviderError({
    status,
    type,
    message: `${where} failed (${label}): ${upstreamMessage}`,
    retryable: status >= 500 || status === 408,
    provider,
  });
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

/** "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576)." → Anthropic wording. */
function contextOverflow(message: string, contextWindow: number | undefined): string | undefined {
  if (!/exceeds the maximum number of tokens/i.test(message)) return undefined;
  const numbers = [...message.matchAll(/\((\d+)\)/g)].map((match) => Number(match[1]));
  const limit = numbers[1] ?? contextWindow ?? 0;
  const actual = numbers[0] ?? limit + 1;
  return `prompt is too long: ${actual} tokens > ${limit} maximum`;
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
