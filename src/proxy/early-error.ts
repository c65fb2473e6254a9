// An `event: error` a translator produced before anything reached Claude Code becomes a ProviderError, so
// the proxy can still retry, fall back to Claude, or answer with a proper HTTP status.
import { ProviderError, type AnthropicErrorType } from '../providers/common/provider-error.js';

const STATUS: Partial<Record<AnthropicErrorType, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 502,
  timeout_error: 504,
  overloaded_error: 529,
};

export function errorFromStreamEvent(error: { type: string; message: string }, provider: string): ProviderError {
  const type = (error.type in STATUS ? error.type : 'api_error') as AnthropicErrorType;
  const status = STATUS[type] ?? 502;
  return new ProviderError({ status, type, message: error.message, retryable: status === 429 || status >= 500, provider });
}
