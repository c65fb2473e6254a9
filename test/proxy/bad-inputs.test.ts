// Every bad input gets an Anthropic-shaped error with the right status, and the proxy keeps serving. Driven
// with inject() on the real app (its body parser, body limit and error handlers); the wrong secret or Host is
// test/proxy/secret-and-host-guard.test.ts's, errors of the HTTP parser test/proxy/client-error-reply.test.ts's.
import { afterAll, describe, expect, it } from 'vitest';
import { start } from '../support/scripted-anthropic-server.js';
import { anthropicError, jsonMessage } from '../support/expected-messages.js';
import { HELLO, injectableProxy, planFor, replyOf } from '../support/proxy-harness.js';

const upstream = await start();
afterAll(() => upstream.close());
const proxy = injectableProxy({ plan: planFor('claude'), env: { ANTHROPIC_BASE_URL: upstream.url } });

/** The scripted Claude's JSON answer, as the proxy relays it. */
const claudeAnswer = (inputTokens: number) => jsonMessage('Hello from the scripted server.', { usage: [inputTokens, 7] });

async function stillServing(): Promise<void> {
  const response = await proxy.request({ path: '/v1/messages', payload: { ...HELLO, stream: false } });
  expect([response.statusCode, response.json()]).toEqual([200, claudeAnswer(27)]);
}

const notRetried = (status: number, type: string, message: string) => ({ status, 'x-should-retry': 'false', body: anthropicError(type, message) });

describe('bad inputs', () => {
  it('answers malformed JSON with 400 invalid_request_error', async () => {
    const response = await proxy.request({ path: '/v1/messages', payload: '{"model": "x", "messages": [' });
    expect(replyOf(response)).toEqual(notRetried(400, 'invalid_request_error', 'oss proxy: the request body is not valid JSON'));
    await stillServing();
  });

  it('answers a body without messages with 400 invalid_request_error', async () => {
    const response = await proxy.request({ path: '/v1/messages', payload: { model: 'claude-opus-5-5', max_tokens: 10 } });
    expect(replyOf(response)).toEqual(notRetried(400, 'invalid_request_error', 'messages: Field required'));
    await stillServing();
  });

  it('answers a 40 MB body with 413 request_too_large', async () => {
    const huge = { ...HELLO, messages: [{ role: 'user', content: 'x'.repeat(40 * 1024 * 1024) }] };
    expect(replyOf(await proxy.request({ path: '/v1/messages', payload: huge }))).toEqual(notRetried(413, 'request_too_large', 'oss proxy: request body larger than 33 MB'));
    await stillServing();
  });

  it('accepts a 30 MB body, which Claude Code may send with images', async () => {
    const big = { ...HELLO, stream: false, messages: [{ role: 'user', content: 'x'.repeat(30 * 1024 * 1024) }] };
    const response = await proxy.request({ path: '/v1/messages', payload: big });
    // The scripted Claude estimates ~4 bytes per token: the whole 30 MB reached it.
    expect([response.statusCode, response.json()]).toEqual([200, claudeAnswer(7864345)]);
    expect(upstream.requests.at(-1)?.body).toEqual(big);
  });

  it('answers an unknown model id with 404 not_found_error that Claude Code must not retry', async () => {
    const response = await proxy.request({ path: '/v1/messages', payload: { ...HELLO, model: 'nosuchprovider/some-model' } });
    expect(replyOf(response)).toEqual(
      notRetried(404, 'not_found_error', 'oss: unknown model "nosuchprovider/some-model": use <provider>/<model> with a built-in or configured provider (see `oss models list`)'),
    );
    await stillServing();
  });

  it('answers an unknown path under the secret with 404 not_found_error that hides the secret', async () => {
    expect(replyOf(await proxy.request({ path: '/v1/complete', payload: HELLO }))).toEqual(notRetried(404, 'not_found_error', 'oss proxy: no route POST /<secret>/v1/complete'));
  });

  it('answers an unsupported method on a known path with an Anthropic-shaped 404', async () => {
    expect(replyOf(await proxy.request({ method: 'DELETE', path: '/v1/messages' }))).toEqual(notRetried(404, 'not_found_error', 'oss proxy: no route DELETE /<secret>/v1/messages'));
  });
});
