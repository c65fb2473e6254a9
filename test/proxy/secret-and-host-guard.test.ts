// The proxy answers only its own `claude`: the per-run secret must start the path and the Host header must name
// the loopback address being served, or the answer is a non-retryable 403 that echoes neither. Driven with
// inject() on the real app, whose Host can be anything.
import { describe, expect, it } from 'vitest';
import { anthropicError } from '../support/expected-messages.js';
import { HELLO, INJECT_PORT, injectableProxy, planFor, replyOf } from '../support/proxy-harness.js';

const proxy = injectableProxy({ plan: planFor('openai/gpt-4o') });

const REFUSED = { status: 403, 'x-should-retry': 'false', body: anthropicError('permission_error', 'oss proxy: wrong path or host for this proxy') };
const HEALTHY = { status: 200, 'x-should-retry': undefined, body: { status: 'ok' } };

/** A request to `url` as is (not under the secret), with `host`. */
function at(url: string, host: string, method: 'GET' | 'POST' = 'GET') {
  return proxy.app.inject({ method, url, headers: { host, 'content-type': 'application/json' }, ...(method === 'POST' ? { payload: JSON.stringify(HELLO) } : {}) });
}

const LOOPBACK = `127.0.0.1:${INJECT_PORT}`;

describe('secret and Host guard', () => {
  it.each([
    ['a wrong secret', '/not-the-secret/v1/messages'],
    ['a missing secret', '/v1/messages'],
    ['the secret as a later segment', `/v1/${proxy.secret}/messages`],
    ['a secret with extra characters', `/${proxy.secret}x/v1/messages`],
  ])('refuses %s with 403 permission_error, without echoing the path', async (_name, url) => {
    expect(replyOf(await at(url, LOOPBACK, 'POST'))).toEqual(REFUSED);
  });

  it.each([
    ['a foreign Host', 'evil.example:80'],
    ['a foreign Host on the served port', `evil.example:${INJECT_PORT}`],
    ['the loopback address on another port', `127.0.0.1:${INJECT_PORT + 1}`],
    ['the loopback address without a port', '127.0.0.1'],
  ])('refuses %s with 403, even with the right secret', async (_name, host) => {
    expect(replyOf(await at(`/${proxy.secret}/`, host))).toEqual(REFUSED);
  });

  it.each([
    ['127.0.0.1', LOOPBACK],
    ['localhost', `localhost:${INJECT_PORT}`],
  ])('serves the secret path with Host %s on the served port', async (_name, host) => {
    expect(replyOf(await at(`/${proxy.secret}/?probe=1`, host))).toEqual(HEALTHY);
  });
});
