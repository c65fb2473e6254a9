import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/common/provider-error.js';

describe('ProviderError', () => {
  it('keeps the classification it was given and names itself', () => {
    const error = new ProviderError({ status: 429, type: 'rate_limit_error', message: 'x/m (x): rate limited', retryAfter: 7, retryable: true, provider: 'x' });
    expect([error instanceof Error, error.name, error.status, error.type, error.message, error.retryAfter, error.retryable, error.provider]).toEqual([
      true,
      'ProviderError',
      429,
      'rate_limit_error',
      'x/m (x): rate limited',
      7,
      true,
      'x',
    ]);
  });

  it('gives the Anthropic error envelope Claude Code expects', () => {
    const error = new ProviderError({ status: 404, type: 'not_found_error', message: 'g/m (g): model m not found', retryable: false });
    expect(error.toBody()).toEqual({ type: 'error', error: { type: 'not_found_error', message: 'g/m (g): model m not found' } });
  });

  it('redacts credentials a provider echoed into the message, in the message and in the envelope', () => {
    const error = new ProviderError({
      status: 401,
      type: 'authentication_error',
      message: 'x/m (x): the API key was rejected (GET https://h.test/v1?key=AIzaSECRET sent Bearer sk-abcdefgh1234)',
      retryable: false,
    });
    const redacted = 'x/m (x): the API key was rejected (GET https://h.test/v1?key=[redacted] sent Bearer [redacted])';
    expect([error.message, error.toBody()]).toEqual([redacted, { type: 'error', error: { type: 'authentication_error', message: redacted } }]);
  });
});
