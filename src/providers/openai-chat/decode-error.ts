// An upstream error body (any of the shapes in wire-reference.md §2.5 and edge case 56) → a ProviderError
// with the status and type Claude Code acts on (DESIGN "Proxy contract"; edge case 55):
// rate limits → 429 with a retry-after ≤ 60 s; out of credits/quota → 402, not retried; bad key → 401 and
// unknown model → 404, not retried; busy → 529; context overflow → 400 "prompt is too long: X tokens > Y
// maximum", the wording that makes Claude Code compact instead of stripping features.
import { ProviderError, type AnthropicErrorType } from '../common/provider-error.js';
import { retryAfterSeconds } from '../common/retry-after.js';
import { errorTypeForStatus } from '../common/status-to-error-type.js';
import type { TargetModel } from '../common/target.js';
import type { OpenAIErrorObject } from './openai-chat-api.js';

const MAX_UPSTREAM_TEXT = 300;

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
  target: Pick<TargetModel, 'id' | 'provider' | 'upstreamModel' | 'contextWindow'>,
  options: DecodeErrorOptions = {},
): ProviderError {
  const fields = readErrorBody(bodyText);
  const label = `${target.id} (${target.provider})`;
  const upstream = clip(fields.message || `HTTP ${status}`);
  const make = (init: { status: number; type: AnthropicErrorType; message: string; retryable: boolean; retryAfter?: number }) =>
    new ProviderError({ ...init, provider: target.provider });
  const tags = `${fields.type ?? ''} ${fields.code ?? ''}`;

  if (isContextOverflow(fields)) {
    return make({ status: 400, type: 'invalid_request_error', message: promptTooLong(fields.message, target.contextWindow, options.promptTokenEstimate), retryable: false });
  }
  if (status === 402 || /insufficient_quota|billing|credits/i.test(tags) || (status === 429 && /quota/i.test(tags))) {
    return make({ status: 402, type: 'billing_error', message: `${label}: out of credits or quota (${upstream}); add credits or choose another model`, retryable: false });
  }
  if (status === 401) {
    return make({ status: 401, type: 'authentication_error', message: `${label}: the API key was rejected (${upstream}); check the key with \`oss models keys\``, retryable: false });
  }
  if (status === 403) {
    return make({ status: 403, type: 'permission_error', message: `${label}: access denied (${upstream})`, retryable: false });
  }
  if (status === 404) {
    const pull = /try pulling it first/i.test(fields.message) || target.provider === 'ollama';
    const next = pull ? `run \`ollama pull ${target.upstreamModel}\`` : 'check the model id with `oss models search`';
    return make({ status: 404, type: 'not_found_error', message: `${label}: model ${target.upstreamModel} not found (${upstream}); ${next}`, retryable: false });
  }
  if (status === 429) {
    return make({ status: 429, type: 'rate_limit_error', message: `${label}: rate limited (${upstream}); Claude Code retries on its own, or pick another model with --model`, retryable: true, retryAfter: retryAfterSeconds(headers) });
  }
  if (status === 503 || status === 529) {
    return make({ status: 529, type: 'overloaded_error', message: `${label}: overloaded (${upstream})`, retryable: true, retryAfter: retryAfterSeconds(headers) });
  }
  if (status === 408 || status === 504) {
    return make({ status: 504, type: 'timeout_error', message: `${label}: timed out (${upstream})`, retryable: true });
  }
  if (status >= 500) {
    return make({ status, type: 'api_error', message: `${label}: upstream error ${status} (${upstream})`, retryable: true });
  }
  const type = errorTypeForStatus(status);
  return make({ status: type === 'invalid_request_error' ? 400 : status, type, message: `${label}: ${upstream}`, retryable: false });
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

/** Anthropic's wording, with the upstream's numbers when it gives them (actual, then limit). */
function promptTooLong(message: string, contextWindow: number | undefined, estimate: number | undefined): string {
  const limit =
    numberAfter(message, /(?:limit of|maximum context length is|context length is|context window of|context length of|maximum of)\s*([\d,]+)/i) ??
    contextWindow;
  const actual =
    numberAfter(message, /(?:resulted in|requested about|requested|you have|prompt has|prompt contains|got)\s*([\d,]+)/i) ?? estimate;
  const max = limit ?? Math.max((actual ?? 1) - 1, 0);
  const tokens = actual !== undefined && actual > max ? actual : max + 1;
  return `prompt is too long: ${tokens} tokens > ${max} maximum`;
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

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_UPSTREAM_TEXT ? `${oneLine.slice(0, MAX_UPSTREAM_TEXT)}…` : oneLine;
}
