// How long a call waits for a provider's response headers: the config's headersTimeoutMs wins, a non-streaming
// call keeps the pool's default (it answers only once the whole answer is ready), a cold local Ollama gets two
// minutes, every other streaming provider the proxy's stream-headers wait. The provider's config reaching a real
// request is test/proxy/hung-provider.test.ts's.
import { describe, expect, it } from 'vitest';
import { headersTimeoutFor } from '../../src/proxy/headers-timeout.js';

const endpoint = (headersTimeoutMs?: number) => ({ baseUrl: 'http://127.0.0.1:9', headers: {}, ...(headersTimeoutMs === undefined ? {} : { headersTimeoutMs }) });

describe('headersTimeoutFor', () => {
  it.each([
    ['the config, for a stream', 'openrouter', endpoint(200), true, 200],
    ['the config, for a non-streaming call', 'openrouter', endpoint(200), false, 200],
    ['the config, over Ollama\'s own wait', 'ollama', endpoint(5000), true, 5000],
    ['the pool default for a non-streaming call', 'openrouter', endpoint(), false, undefined],
    ['the pool default for a non-streaming Ollama call', 'ollama', endpoint(), false, undefined],
    ['two minutes for a streaming Ollama call', 'ollama', endpoint(), true, 120_000],
    ['the stream-headers wait for any other streaming provider', 'gemini', endpoint(), true, 30_000],
  ])('takes %s', (_name, provider, at, stream, expected) => {
    expect(headersTimeoutFor(provider, at, stream, 30_000)).toBe(expected);
  });
});
