import { describe, expect, it } from 'vitest';
import { decodeGeminiError } from '../../../src/providers/gemini/decode-error.js';
import { fixtureText, geminiTarget } from './gemini-test-kit.js';
import { itRecorded } from '../../support/shared-fixtures.js';

const target = geminiTarget('gemini-2.5-flash', { contextWindow: 1048576 });

describe('decodeGeminiError', () => {
  itRecorded('turns 429 RESOURCE_EXHAUSTED into a retryable rate_limit_error with retryAfter from RetryInfo ("34.4s" → 35)', () => {
    const error = decodeGeminiError(429, fixtureText('wire/gemini-error-429-resource-exhausted.json'), undefined, target);
    expect([error.status, error.type, error.retryable, error.retryAfter]).toEqual([429, 'rate_limit_error', true, 35]);
    expect(error.message).toBe('gemini/gemini-2.5-flash (gemini): rate limited (You exceeded your current quota, please check your plan.); Claude Code retries on its own, or pick another model with --model');
  });

  it('caps retryAfter at 60 seconds and falls back to the retry-after header', () => {
    const long = JSON.stringify({ error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'slow down', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '300s' }] } });
    expect(decodeGeminiError(429, long, undefined, target).retryAfter).toBe(60);
    const bare = JSON.stringify({ error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'slow down' } });
    expect(decodeGeminiError(429, bare, { 'retry-after': '7' }, target).retryAfter).toBe(7);
    expect(decodeGeminiError(429, bare, new Headers({ 'retry-after': '3' }), target).retryAfter).toBe(3);
  });

  it('reads retry-after-ms and an HTTP-date retry-after like the other providers (one shared reader)', () => {
    const bare = JSON.stringify({ error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'slow down' } });
    expect(decodeGeminiError(429, bare, { 'retry-after-ms': '1500' }, target).retryAfter).toBe(2);
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    expect(decodeGeminiError(429, bare, { 'retry-after': inAnHour }, target).retryAfter).toBe(60);
  });

  it('makes an exhausted daily quota non-retryable, so Claude Code does not retry for three minutes', () => {
    const daily = JSON.stringify({
      error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'quota', details: [{ '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier' }] }] },
    });
    const error = decodeGeminiError(429, daily, undefined, target);
    expect([error.type, error.retryable, error.retryAfter]).toEqual(['rate_limit_error', false, undefined]);
  });

  it('rewords context overflow as Anthropic does: 400 "prompt is too long: X tokens > Y maximum"', () => {
    const body = JSON.stringify({ error: { code: 400, status: 'INVALID_ARGUMENT', message: 'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).' } });
    const error = decodeGeminiError(400, body, undefined, target);
    expect([error.status, error.type, error.message, error.retryable]).toEqual([400, 'invalid_request_error', 'prompt is too long: 1200000 tokens > 1048576 maximum', false]);
  });

  it('maps an invalid API key (Gemini answers 400 API_KEY_INVALID) to a non-retryable 401 naming the key variable', () => {
    const body = JSON.stringify({ error: { code: 400, status: 'INVALID_ARGUMENT', message: 'API key not valid. Please pass a valid API key.', details: [{ reason: 'API_KEY_INVALID' }] } });
    const error = decodeGeminiError(400, body, undefined, target);
    expect([error.status, error.type, error.retryable]).toEqual([401, 'authentication_error', false]);
    expect(error.message).toBe('gemini/gemini-2.5-flash (gemini): the API key was rejected (API key not valid. Please pass a valid API key.); set a working key with `oss models keys set gemini`');
  });

  itRecorded('keeps 400 INVALID_ARGUMENT as invalid_request_error, 403 as permission_error, 5xx retryable', () => {
    const schema = decodeGeminiError(400, fixtureText('wire/gemini-error-400-schema-string-format.json'), undefined, target);
    expect([schema.status, schema.type, schema.retryable]).toEqual([400, 'invalid_request_error', false]);
    expect(schema.message).toContain("gemini/gemini-2.5-flash (gemini): * GenerateContentRequest.tools[0].function_declarations[93].parameters.properties[links].items.properties[url].format: only 'enum' and 'date-time' are supported for STRING type * GenerateContentRequest.tools[0].function_declarations[94].parameters.properties[links].items.properties[url].format: only…");
    const denied = decodeGeminiError(403, JSON.stringify({ error: { code: 403, status: 'PERMISSION_DENIED', message: 'no access' } }), undefined, target);
    expect([denied.status, denied.type, denied.retryable]).toEqual([403, 'permission_error', false]);
    const busy = decodeGeminiError(503, JSON.stringify({ error: { code: 503, status: 'UNAVAILABLE', message: 'The model is overloaded.' } }), undefined, target);
    // 503 reads as Anthropic's overloaded status, as it does for every provider.
    expect([busy.status, busy.type, busy.retryable]).toEqual([529, 'overloaded_error', true]);
  });

  it('tolerates bodies that are not the documented shape: a JSON array, plain text, nothing', () => {
    const array = decodeGeminiError(500, JSON.stringify([{ error: { code: 500, status: 'INTERNAL', message: 'boom' } }]), undefined, target);
    expect(array.message).toBe('gemini/gemini-2.5-flash (gemini): upstream error 500 (boom); Claude Code retries on its own, or pick another model with --model');
    expect(decodeGeminiError(502, '<html>Bad Gateway</html>', undefined, target).message).toBe('gemini/gemini-2.5-flash (gemini): upstream error 502 (<html>Bad Gateway</html>); Claude Code retries on its own, or pick another model with --model');
    expect(decodeGeminiError(500, '', undefined, target).message).toBe('gemini/gemini-2.5-flash (gemini): upstream error 500 (HTTP 500); Claude Code retries on its own, or pick another model with --model');
  });
});
