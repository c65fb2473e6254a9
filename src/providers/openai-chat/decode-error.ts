// The body reader for OpenAI-compatible errors (any of the shapes in wire-reference.md §2.5 and edge case 56):
// finds the status, the upstream's words and what they say beyond the status (a quota, a context overflow, an
// Ollama model to pull); common/upstream-error.ts turns that into what Claude Code is told.
import type { ProviderError } from '../common/provider-error.js';
import { retryAfterSeconds } from '../common/retry-after.js';
import { upstreamError, type ErrorTarget, type UpstreamFailure } from '../common/upstream-error.js';
import type { OpenAIErrorObject } from './openai-chat-api.js';

export interface DecodeErrorOptions {
  /** Local estimate of the prompt size, used when the upstream's overflow message gives no count. */
  promptTokenEstimate?: number;
}

export interface UpstreamErrorFields {
  message: string;
  type?: string;
  code?: string;
  /** HTTP status the body states for itself (OpenRouter `code`, Groq `status_code`). */
  status?: number;
}

export function decodeOpenAIError(
  status: number,
  bodyText: string,
  headers: Record<string, string | undefined>,
  target: ErrorTarget,
  options: DecodeErrorOptions = {},
): ProviderError {
  return upstreamError(openAIFailure(status, readErrorBody(bodyText), target, options, retryAfterSeconds(headers)), target);
}

/**
 * An error object inside a stream. The request was accepted, so only a rate limit or an overload keeps its
 * meaning for Claude Code's retry logic; anything else is an upstream failure (api_error).
 */
export function decodeOpenAIStreamError(fields: UpstreamErrorFields, target: ErrorTarget): ProviderError {
  const text = `${fields.type ?? ''} ${fields.code ?? ''} ${fields.message}`;
  const rateLimited = fields.status === 429 || /rate.?limit/i.test(text);
  const overloaded = fields.status === 503 || fields.status === 529 || /overload/i.test(text);
  const status = rateLimited ? 429 : overloaded ? 529 : fields.status !== undefined && fields.status >= 500 ? fields.status : 500;
  return upstreamError(openAIFailure(status, fields, target, {}), target);
}

/** What an OpenAI-compatible error body says beyond its status. */
function openAIFailure(status: number, fields: UpstreamErrorFields, target: ErrorTarget, options: DecodeErrorOptions, retryAfter?: number): UpstreamFailure {
  const tags = `${fields.type ?? ''} ${fields.code ?? ''}`;
  const base = { status, message: fields.message, ...(retryAfter !== undefined ? { retryAfter } : {}) };
  if (isContextOverflow(fields)) return { ...base, cause: 'context_overflow', tokens: overflowTokens(fields.message, options.promptTokenEstimate) };
  if (status === 402 || /insufficient_quota|billing|credits/i.test(tags) || (status === 429 && /quota/i.test(tags))) return { ...base, cause: 'out_of_credits' };
  if (status === 404 && (/try pulling it first/i.test(fields.message) || target.provider === 'ollama')) return { ...base, pull: true };
  return base;
}

/** Message, type and code from any error body: `{error:{…}}`, `{error:"…"}`, `{message}`, or plain text. */
export function readErrorBody(bodyText: string): UpstreamErrorFields {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return { message: bodyText.trim() };
  }
  return readErrorValue(parsed) ?? { message: bodyText.trim() };
}

/** The same, for an already-parsed value such as a chunk's `error` field. */
export function readErrorValue(value: unknown): UpstreamErrorFields | undefined {
  if (typeof value === 'string') return { message: value };
  if (!value || typeof value !== 'object') return undefined;
  const outer = value as { error?: unknown; message?: unknown };
  if (outer.error !== undefined && outer.error !== null) return readErrorValue(outer.error);
  const error = value as OpenAIErrorObject;
  const raw = error.metadata?.raw;
  const message = [stringOf(error.message), typeof raw === 'string' ? raw : undefined].filter(Boolean).join(': ');
  const numericCode = typeof error.code === 'number' ? error.code : undefined;
  const statusCode = typeof error.status_code === 'number' ? error.status_code : numericCode;
  return {
    message: message || JSON.stringify(value),
    type: stringOf(error.type),
    code: stringOf(error.code),
    status: statusCode,
  };
}

function isContextOverflow(fields: UpstreamErrorFields): boolean {
  if (fields.code === 'context_length_exceeded') return true;
  return /context length|context window|maximum context|prompt is too long|too many (input )?tokens|input tokens exceed|exceeds? the (model's )?(maximum|configured|context)/i.test(fields.message);
}

/** The figures an overflow message gives (actual, then limit); the local estimate stands in for the actual. */
function overflowTokens(message: string, estimate: number | undefined): { actual?: number; limit?: number } {
  const limit = numberAfter(message, /(?:limit of|maximum context length is|context length is|context window of|context length of|maximum of)\s*([\d,]+)/i);
  const actual = numberAfter(message, /(?:resulted in|requested about|requested|you have|prompt has|prompt contains|got)\s*([\d,]+)/i) ?? estimate;
  return { ...(actual !== undefined ? { actual } : {}), ...(limit !== undefined ? { limit } : {}) };
}

function numberAfter(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  if (!match?.[1]) return undefined;
  const value = Number(match[1].replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
