import { describe, expect, it } from 'vitest';
import { MB, UpstreamTooLargeError } from '../../../src/providers/common/upstream-too-large.js';

describe('UpstreamTooLargeError', () => {
  it('says what the provider sent in a message that completes "the provider sent …", and keeps the part on its own', () => {
    const error = new UpstreamTooLargeError('an SSE event larger than 16 MB');
    expect([error instanceof Error, error.name, error.message, error.what]).toEqual([
      true,
      'UpstreamTooLargeError',
      'the provider sent an SSE event larger than 16 MB',
      'an SSE event larger than 16 MB',
    ]);
  });

  it('measures MB in binary megabytes', () => {
    expect(MB).toBe(1_048_576);
  });
});
