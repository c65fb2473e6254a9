// Only a program may talk to the proxy, never a web page: a request with an Origin header, or a POST whose body
// is not JSON (a browser sends text/plain and form bodies without asking first), is refused before its body is
// read or anything reaches Claude; JSON with a charset is still JSON. Driven with inject() on the real app.
import { afterAll, describe, expect, it } from 'vitest';
import { start } from '../support/scripted-anthropic-server.js';
import { anthropicError, jsonMessage } from '../support/expected-messages.js';
import { HELLO, injectableProxy, planFor, replyOf } from '../support/proxy-harness.js';

const claude = await start({ text: 'From Claude.' });
afterAll(() => claude.close());
const proxy = injectableProxy({ plan: planFor('claude'), env: { ANTHROPIC_BASE_URL: claude.url } });

async function stillServing(): Promise<void> {
  const response = await proxy.request({ path: '/v1/messages', payload: { ...HELLO, stream: false } });
  expect([response.statusCode, response.json()]).toEqual([200, jsonMessage('From Claude.', { usage: [27, 7] })]);
}

describe('browser guard', () => {
  it('refuses a request carrying an Origin header with 403, before reaching Claude', async () => {
    const before = claude.requests.length;
    const response = await proxy.request({ path: '/v1/messages', payload: HELLO, headers: { origin: 'https://evil.example' } });
    expect(replyOf(response)).toEqual({
      status: 403,
      'x-should-retry': 'false',
      body: anthropicError('permission_error', 'oss proxy: requests from a web page (with an Origin header) are refused'),
    });
    expect(claude.requests.length).toBe(before);
    await stillServing();
  });

  it('refuses a text/plain body (a browser form-style POST) with 415, before reaching Claude', async () => {
    const before = claude.requests.length;
    const response = await proxy.request({ path: '/v1/messages', payload: HELLO, headers: { 'content-type': 'text/plain' } });
    expect(replyOf(response)).toEqual({
      status: 415,
      'x-should-retry': 'false',
      body: anthropicError('invalid_request_error', 'oss proxy: the request body must be JSON (content-type: application/json), not text/plain'),
    });
    expect(claude.requests.length).toBe(before);
  });

  it('accepts JSON with a charset', async () => {
    const response = await proxy.request({ path: '/v1/messages', payload: { ...HELLO, stream: false }, headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect([response.statusCode, response.json()]).toEqual([200, jsonMessage('From Claude.', { usage: [27, 7] })]);
  });
});
