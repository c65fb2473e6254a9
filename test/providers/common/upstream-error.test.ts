import { describe, expect, it } from 'vitest';
import { decodeAnthropicError } from '../../../src/providers/anthropic/decode-error.js';
import { errorFromStreamEvent, upstreamError } from '../../../src/providers/common/upstream-error.js';
import type { TargetModel } from '../../../src/providers/common/target.js';
import { decodeGeminiError } from '../../../src/providers/gemini/decode-error.js';
import { decodeOpenAIError } from '../../../src/providers/openai-chat/decode-error.js';

const target = (provider: string): TargetModel => ({ id: `${provider}/m-1`, provider, type: 'openai', upstreamModel: 'm-1', capabilities: {} });

/** The same failure as each wire format words it. */
function everyFormat(status: number, words: string) {
  return {
    openai: decodeOpenAIError(status, JSON.stringify({ error: { message: words } }), {}, target('x')),
    gemini: decodeGeminiError(status, JSON.stringify({ error: { code: status, message: words } }), undefined, target('x')),
    anthropic: decodeAnthropicError(status, JSON.stringify({ type: 'error', error: { type: 'api_error', message: words } }), {}, target('x')),
  };
}

function shown(error: { status: number; type: string; retryable: boolean; message: string }) {
  return { status: error.status, type: error.type, retryable: error.retryable, message: error.message };
}

describe('one upstream-error table for every provider', () => {
  it.each([
    [401, { status: 401, type: 'authentication_error', retryable: false, message: 'x/m-1 (x): the API key was rejected (nope); set a working key with `oss models keys set x`' }],
    [403, { status: 403, type: 'permission_error', retryable: false, message: "x/m-1 (x): access denied (nope); check the key's permissions for this model" }],
    [404, { status: 404, type: 'not_found_error', retryable: false, message: 'x/m-1 (x): model m-1 not found (nope); check the model id with `oss models search`' }],
    [429, { status: 429, type: 'rate_limit_error', retryable: true, message: 'x/m-1 (x): rate limited (nope); Claude Code retries on its own, or pick another model with --model' }],
    [503, { status: 529, type: 'overloaded_error', retryable: true, message: 'x/m-1 (x): overloaded (nope); Claude Code retries on its own, or pick another model with --model' }],
    [500, { status: 500, type: 'api_error', retryable: true, message: 'x/m-1 (x): upstream error 500 (nope); Claude Code retries on its own, or pick another model with --model' }],
    [422, { status: 400, type: 'invalid_request_error', retryable: false, message: 'x/m-1 (x): nope' }],
  ])('HTTP %i reads the same from an OpenAI-compatible, a Gemini and an Anthropic-compatible provider', (status, expected) => {
    const { openai, gemini, anthropic } = everyFormat(status, 'nope');
    expect([shown(openai), shown(gemini), shown(anthropic)]).toEqual([expected, expected, expected]);
  });

  it("words a context overflow in Anthropic's terms, with the upstream's figures, for every format", () => {
    const openai = decodeOpenAIError(400, JSON.stringify({ error: { code: 'context_length_exceeded', message: "This model's maximum context length is 128000 tokens. However, you requested about 130000 tokens" } }), {}, target('x'));
    const gemini = decodeGeminiError(400, JSON.stringify({ error: { code: 400, message: 'The input token count (130000) exceeds the maximum number of tokens allowed (128000).' } }), undefined, target('x'));
    const anthropic = decodeAnthropicError(400, JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'prompt is too long: 130000 tokens > 128000 maximum' } }), {}, target('x'));
    expect([openai.message, gemini.message, anthropic.message]).toEqual(Array(3).fill('prompt is too long: 130000 tokens > 128000 maximum'));
  });

  it('keeps a retry-after only where retrying can help', () => {
    expect(upstreamError({ status: 429, message: 'slow', retryAfter: 7 }, target('x')).retryAfter).toBe(7);
    expect(upstreamError({ status: 429, message: 'used up', cause: 'daily_quota', retryAfter: 7 }, target('x'))).toMatchObject({ retryable: false, retryAfter: undefined });
  });

  it("gives a stream's early error event back the status its type stands for", () => {
    const statuses = ['rate_limit_error', 'overloaded_error', 'authentication_error', 'invalid_request_error', 'api_error', 'made_up'].map((type) => {
      const error = errorFromStreamEvent({ type, message: 'm' }, 'x');
      return [error.status, error.type, error.retryable];
    });
    expect(statuses).toEqual([
      [429, 'rate_limit_error', true],
      [529, 'overloaded_error', true],
      [401, 'authentication_error', false],
      [400, 'invalid_request_error', false],
      [502, 'api_error', true],
      [502, 'api_error', true],
    ]);
  });
});
