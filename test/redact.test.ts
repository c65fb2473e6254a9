// The one redaction every output of oss goes through: URL credentials, key-like query parameters,
// authorization values, and the keys oss has read (also when a provider's echo of one was clipped).
import { describe, expect, it } from 'vitest';
import { redact, rememberSecret } from '../src/redact.js';

describe('redact', () => {
  it('strips user:pass@ and a bare token@ from URLs, keeping host and path', () => {
    expect(redact('cannot reach http://alice:s3cret@127.0.0.1:8080/v1 (ECONNREFUSED)')).toBe('cannot reach http://[redacted]@127.0.0.1:8080/v1 (ECONNREFUSED)');
    expect(redact('base https://ghp_token123@example.test/x and mail a@b.c')).toBe('base https://[redacted]@example.test/x and mail a@b.c');
  });

  it('strips key-like query parameters and leaves others', () => {
    expect(redact('GET https://h.test/v1beta/models?key=AIzaXYZ&alt=sse&api_key=1&access_token=t#f')).toBe(
      'GET https://h.test/v1beta/models?key=[redacted]&alt=sse&api_key=[redacted]&access_token=[redacted]#f',
    );
    expect(redact('url http://h.test/v1?x-goog-api-key=abc;token=def&page=2')).toBe('url http://h.test/v1?x-goog-api-key=[redacted];token=[redacted]&page=2');
  });

  it('strips Bearer values', () => {
    expect(redact('sent authorization: Bearer sk-abcdefgh123 to it')).toBe('sent authorization: Bearer [redacted] to it');
  });

  it('strips a remembered key wherever it appears, whole or clipped after 12 characters', () => {
    rememberSecret('sk-echoed-key-0123456789abcdef');
    expect(redact('Incorrect API key provided: sk-echoed-key-0123456789abcdef. (401)')).toBe('Incorrect API key provided: [redacted]. (401)');
    expect(redact('key sk-echoed-key-0123…')).toBe('key [redacted]…');
    rememberSecret('short');
    expect(redact('a short word')).toBe('a short word');
  });
});
