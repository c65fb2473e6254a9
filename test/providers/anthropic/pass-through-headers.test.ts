import { describe, expect, it } from 'vitest';
import { claudeRequestHeaders, providerRequestHeaders, returnedHeaders } from '../../../src/providers/anthropic/pass-through-headers.js';

/** Headers as Claude Code sends them to the proxy (a subscriber's login: authorization plus the oauth beta). */
const FROM_CLAUDE_CODE = {
  host: '127.0.0.1:41234',
  connection: 'keep-alive',
  'content-length': '512',
  'content-type': 'application/json; charset=utf-8',
  'accept-encoding': 'gzip, br',
  authorization: 'Bearer sk-ant-oat01-user',
  'x-api-key': 'sk-ant-api03-user',
  'anthropic-version': '2023-06-01',
  'anthropic-beta': 'oauth-2025-04-20,claude-code-20250219, fine-grained-tool-streaming-2025-05-14',
  'x-app': 'cli',
  'x-stainless-helper': ['a', 'b'],
  'proxy-authorization': 'Basic abc',
  expect: '100-continue',
};

describe('claudeRequestHeaders', () => {
  it('forwards everything Claude Code sent to native Claude (its own credentials and betas) minus hop-by-hop headers and accept-encoding', () => {
    expect(claudeRequestHeaders(FROM_CLAUDE_CODE)).toEqual({
      'content-type': 'application/json',
      authorization: 'Bearer sk-ant-oat01-user',
      'x-api-key': 'sk-ant-api03-user',
      'anthropic-version': '2023-06-01',
      'anthropic-beta': 'oauth-2025-04-20,claude-code-20250219, fine-grained-tool-streaming-2025-05-14',
      'x-app': 'cli',
      'x-stainless-helper': 'a, b',
    });
  });
});

describe('providerRequestHeaders', () => {
  it("sends another Anthropic-speaking provider only the protocol headers and its own key, never the user's Anthropic credentials or login betas", () => {
    expect(providerRequestHeaders(FROM_CLAUDE_CODE, 'mm-provider-key', { 'x-team': 'core' })).toEqual({
      'content-type': 'application/json',
      'anthropic-version': '2023-06-01',
      'anthropic-beta': 'claude-code-20250219,fine-grained-tool-streaming-2025-05-14',
      'x-team': 'core',
      'x-api-key': 'mm-provider-key',
      authorization: 'Bearer mm-provider-key',
    });
  });

  it('sends no beta header when only login betas were sent, the default version when none was, and no key when it has none', () => {
    expect(providerRequestHeaders({ 'anthropic-beta': 'oauth-2025-04-20' }, undefined, {})).toEqual({ 'content-type': 'application/json', 'anthropic-version': '2023-06-01' });
  });

  it('lets the provider key win over a configured header of the same name', () => {
    expect(providerRequestHeaders({}, 'real-key', { 'x-api-key': 'configured', 'anthropic-version': '2024-01-01' })).toEqual({
      'content-type': 'application/json',
      'anthropic-version': '2024-01-01',
      'x-api-key': 'real-key',
      authorization: 'Bearer real-key',
    });
  });
});

describe('returnedHeaders', () => {
  it('returns the headers Claude Code acts on (type, request id, retry hints, rate limits) and nothing else', () => {
    const actedOn = {
      'content-type': 'text/event-stream',
      'request-id': 'req_011',
      'retry-after': '3',
      'retry-after-ms': '2500',
      'x-should-retry': 'false',
      'anthropic-ratelimit-requests-remaining': '49',
    };
    const others = { 'set-cookie': 'session=1', 'content-encoding': 'gzip', 'transfer-encoding': 'chunked', server: 'cloudflare', 'x-missing': undefined };
    expect(returnedHeaders({ ...actedOn, ...others, 'anthropic-ratelimit-tokens-reset': ['2026-11-30T10:00:00Z', 'x'] })).toEqual({
      ...actedOn,
      'anthropic-ratelimit-tokens-reset': '2026-11-30T10:00:00Z, x',
    });
  });
});
