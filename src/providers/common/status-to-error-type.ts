// The Anthropic error type for an upstream HTTP status (wire-reference.md §1.6, edge case 55).
import type { AnthropicErrorType } from './provider-error.js';

export function errorTypeForStatus(status: number): AnthropicErrorType {
  if (status === 401) return 'authentication_error';
  if (status === 402) return 'billing_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 413) return 'request_too_large';
  if (status === 429) return 'rate_limit_error';
  if (status === 529 || status === 503) return 'overloaded_error';
  if (status === 504 || status === 408) return 'timeout_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}
