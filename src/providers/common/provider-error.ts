// One error type for everything that goes wrong upstream, already classified the Anthropic way.
// Translators create these from upstream bodies; the proxy turns them into HTTP responses or
// `event: error` frames, and decides fallback/retry from the flags. The message is redacted (src/redact.ts).
import { redact } from '../../redact.js';

export type AnthropicErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'billing_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'api_error'
  | 'timeout_error'
  | 'overloaded_error';

export interface ProviderErrorInit {
  /** HTTP status to give Claude Code. */
  status: number;
  type: AnthropicErrorType;
  /** One or two lines: what failed, the provider/model, the next step. Never contains a key. */
  message: string;
  /** Seconds Claude Code should wait (≤ 60, or Claude Code gives up at once). */
  retryAfter?: number;
  /** False when retrying cannot help (bad key, unknown model, provider down): sent as `x-should-retry: false`. */
  retryable: boolean;
  /** Provider name, for messages and the ledger. */
  provider?: string;
}

export class ProviderError extends Error {
  readonly status: number;
  readonly type: AnthropicErrorType;
  readonly retryAfter?: number;
  readonly retryable: boolean;
  readonly provider?: string;

  constructor(init: ProviderErrorInit) {
    super(redact(init.message));
    this.name = 'ProviderError';
    this.status = init.status;
    this.type = init.type;
    this.retryAfter = init.retryAfter;
    this.retryable = init.retryable;
    this.provider = init.provider;
  }

  /** The Anthropic error envelope Claude Code expects. */
  toBody(): { type: 'error'; error: { type: AnthropicErrorType; message: string } } {
    return { type: 'error', error: { type: this.type, message: this.message } };
  }
}
