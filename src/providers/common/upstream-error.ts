// The one table of upstream failures: what went wrong → the HTTP status and Anthropic error type Claude Code
// acts on (wire-reference.md §1.6, edge case 55) → one line saying what failed and the next step. Every
// provider, the Anthropic pass-through and mid-stream errors come through here, so the same failure reads the
// same whatever the provider; each wire format keeps only a body reader that finds the upstream's status,
// words and any cause its body states beyond the status (a quota in a 429, a bad key in a 400).
// Rate limits → 429 with retry-after ≤ 60 s; out of credits → 402, bad key → 401, unknown model → 404, none
// retried; busy → 529; context overflow → 400 "prompt is too long: X tokens > Y maximum", the wording that
// makes Claude Code compact instead of stripping features.
import { ProviderError, type AnthropicErrorType } from './provider-error.js';
import type { TargetModel } from './target.js';

export type UpstreamCause =
  | 'context_overflow'
  | 'out_of_credits'
  | 'bad_key'
  | 'forbidden'
  | 'model_not_found'
  | 'too_large'
  | 'rate_limited'
  | 'daily_quota'
  | 'overloaded'
  | 'timed_out'
  | 'upstream_failed'
  | 'rejected';

export interface UpstreamFailure {
  /** The HTTP status the upstream answered with (or its body states). */
  status: number;
  /** The upstream's own words. */
  message: string;
  /** What the body says beyond its status; otherwise the status decides (causeForStatus). */
  cause?: UpstreamCause;
  retryAfter?: number;
  /** For a context overflow: the figures the upstream gave, else the local estimate. */
  tokens?: { actual?: number; limit?: number };
  /** For a missing model: the provider says to pull it (Ollama). */
  pull?: boolean;
}

export type ErrorTarget = Pick<TargetModel, 'id' | 'provider' | 'upstreamModel' | 'contextWindow'>;

interface Row {
  status: number;
  type: AnthropicErrorType;
  retryable: boolean;
  /** The line Claude Code shows: `label` names the model and provider, `upstream` is the provider's words. */
  says: (label: string, upstream: string, failure: UpstreamFailure, target: ErrorTarget) => string;
}

const RETRY_OR_SWITCH = 'Claude Code retries on its own, or pick another model with --model';

const TABLE: Record<UpstreamCause, Row> = {
  context_overflow: { status: 400, type: 'invalid_request_error', retryable: false, says: (_l, _u, failure, target) => promptTooLong(failure, target) },
  out_of_credits: { status: 402, type: 'billing_error', retryable: false, says: (l, u) => `${l}: out of credits or quota (${u}); add credits or pick another model with --model` },
  bad_key: { status: 401, type: 'authentication_error', retryable: false, says: (l, u, _f, t) => `${l}: the API key was rejected (${u}); set a working key with \`oss models keys set ${t.provider}\`` },
  forbidden: { status: 403, type: 'permission_error', retryable: false, says: (l, u) => `${l}: access denied (${u}); check the key's permissions for this model` },
  model_not_found: {
    status: 404,
    type: 'not_found_error',
    retryable: false,
    says: (l, u, f, t) => `${l}: model ${t.upstreamModel} not found (${u}); ${f.pull ? `run \`ollama pull ${t.upstreamModel}\`` : 'check the model id with `oss models search`'}`,
  },
  too_large: { status: 413, type: 'request_too_large', retryable: false, says: (l, u) => `${l}: the request is too large (${u}); shorten the conversation with /compact` },
  rate_limited: { status: 429, type: 'rate_limit_error', retryable: true, says: (l, u) => `${l}: rate limited (${u}); ${RETRY_OR_SWITCH}` },
  daily_quota: { status: 429, type: 'rate_limit_error', retryable: false, says: (l, u) => `${l}: the daily quota is used up (${u}); try again tomorrow or pick another model with --model` },
  overloaded: { status: 529, type: 'overloaded_error', retryable: true, says: (l, u) => `${l}: overloaded (${u}); ${RETRY_OR_SWITCH}` },
  timed_out: { status: 504, type: 'timeout_error', retryable: true, says: (l, u) => `${l}: timed out (${u}); ${RETRY_OR_SWITCH}` },
  upstream_failed: { status: 502, type: 'api_error', retryable: true, says: (l, u, f) => `${l}: upstream error ${f.status} (${u}); ${RETRY_OR_SWITCH}` },
  rejected: { status: 400, type: 'invalid_request_error', retryable: false, says: (l, u) => `${l}: ${u}` },
};

const MAX_UPSTREAM_TEXT = 300;

/** The cause an HTTP status alone implies. */
export function causeForStatus(status: number): UpstreamCause {
  if (status === 401) return 'bad_key';
  if (status === 402) return 'out_of_credits';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'model_not_found';
  if (status === 413) return 'too_large';
  if (status === 429) return 'rate_limited';
  if (status === 503 || status === 529) return 'overloaded';
  if (status === 408 || status === 504) return 'timed_out';
  if (status >= 500) return 'upstream_failed';
  return 'rejected';
}

/** The Anthropic error type an HTTP status alone implies. */
export function errorTypeForStatus(status: number): AnthropicErrorType {
  return TABLE[causeForStatus(status)].type;
}

/** The upstream failure as the ProviderError Claude Code is given. */
export function upstreamError(failure: UpstreamFailure, target: ErrorTarget): ProviderError {
  const cause = failure.cause ?? causeForStatus(failure.status);
  const row = TABLE[cause];
  const message = row.says(`${target.id} (${target.provider})`, clip(failure.message || `HTTP ${failure.status}`), failure, target);
  const status = cause === 'upstream_failed' && failure.status >= 500 ? failure.status : row.status;
  const retryAfter = row.retryable && failure.retryAfter !== undefined ? { retryAfter: failure.retryAfter } : {};
  return new ProviderError({ status, type: row.type, message, retryable: row.retryable, provider: target.provider, ...retryAfter });
}

const STATUS_OF_TYPE = new Map<string, number>(Object.values(TABLE).reverse().map((row) => [row.type, row.status]));

/**
 * A translated stream's `event: error` that came before anything reached Claude Code, back as a ProviderError,
 * so the proxy can still retry, fall back to Claude, or answer with the status that type stands for.
 */
export function errorFromStreamEvent(error: { type: string; message: string }, provider: string): ProviderError {
  const status = STATUS_OF_TYPE.get(error.type);
  const type = (status === undefined ? 'api_error' : error.type) as AnthropicErrorType;
  const known = status ?? 502;
  return new ProviderError({ status: known, type, message: error.message, retryable: known === 429 || known >= 500, provider });
}

/** Anthropic's wording, with the upstream's numbers when it gives them (actual, then limit). */
function promptTooLong(failure: UpstreamFailure, target: ErrorTarget): string {
  const actual = failure.tokens?.actual;
  const max = failure.tokens?.limit ?? target.contextWindow ?? Math.max((actual ?? 1) - 1, 0);
  const tokens = actual !== undefined && actual > max ? actual : max + 1;
  return `prompt is too long: ${tokens} tokens > ${max} maximum`;
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_UPSTREAM_TEXT ? `${oneLine.slice(0, MAX_UPSTREAM_TEXT)}…` : oneLine;
}
