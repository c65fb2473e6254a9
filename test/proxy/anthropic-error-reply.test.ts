// Errors as Claude Code understands them, written on Node's own ServerResponse over loopback: the status and
// Anthropic body, `x-should-retry: false` only when retrying cannot help, `retry-after` capped at 60 s, and,
// once keep-alive comments already sent a 200 and SSE headers, the error as the stream's `event: error`.
import { describe, expect, it } from 'vitest';
import { asProviderError, proxyError, writeErrorReply } from '../../src/proxy/anthropic-error-reply.js';
import { ProviderError } from '../../src/providers/common/provider-error.js';
import { anthropicError } from '../support/expected-messages.js';
import { answeredBy } from '../support/proxy-harness.js';

const SSE = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' };

describe('writeErrorReply', () => {
  it.each([
    ['a non-retryable error', proxyError(404, 'not_found_error', 'no such model'), { 'x-should-retry': 'false' }],
    ['a retryable error', proxyError(503, 'api_error', 'busy', true), {}],
    ['a Retry-After within the cap', new ProviderError({ status: 429, type: 'rate_limit_error', message: 'slow down', retryable: true, retryAfter: 7.2 }), { 'retry-after': '8' }],
    ['a Retry-After beyond 60 s', new ProviderError({ status: 429, type: 'rate_limit_error', message: 'slow down', retryable: true, retryAfter: 3600 }), { 'retry-after': '60' }],
  ])('answers %s with its status, Anthropic body and headers', async (_name, error, headers) => {
    expect(await answeredBy((res) => writeErrorReply(res, error))).toEqual({
      status: error.status,
      headers: { 'content-type': 'application/json', connection: 'keep-alive', ...headers },
      body: JSON.stringify(anthropicError(error.type, error.message)),
    });
  });

  it('ends a stream that sent only SSE headers with an error event Claude Code retries', async () => {
    const error = proxyError(502, 'api_error', 'the provider went away', true);
    const answer = await answeredBy((res) => {
      for (const [name, value] of Object.entries(SSE)) res.setHeader(name, value);
      res.writeHead(200);
      res.write(': keep-alive\n\n');
      writeErrorReply(res, error);
    });
    expect(answer).toEqual({ status: 200, headers: SSE, body: `: keep-alive\n\nevent: error\ndata: ${JSON.stringify(anthropicError('api_error', 'the provider went away'))}\n\n` });
  });

  it('ends a reply whose headers went out as something else without writing into it', async () => {
    const answer = await answeredBy((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
      writeErrorReply(res, proxyError(500, 'api_error', 'late'));
    });
    expect(answer).toEqual({ status: 200, headers: { 'content-type': 'application/json', connection: 'keep-alive' }, body: '{"partial":' });
  });
});

describe('asProviderError', () => {
  it('keeps a ProviderError as it is and makes anything else a retryable 500 api_error', () => {
    const ours = proxyError(400, 'invalid_request_error', 'bad');
    expect([asProviderError(ours), asProviderError(new Error('boom')), asProviderError('text')].map((error) => [error.status, error.type, error.message, error.retryable])).toEqual([
      [400, 'invalid_request_error', 'bad', false],
      [500, 'api_error', 'oss proxy: boom', true],
      [500, 'api_error', 'oss proxy: text', true],
    ]);
    expect(asProviderError(ours)).toBe(ours);
  });
});
