// decodeOpenAIError and its helpers: any OpenAI-compatible error body (edge cases 55 and 56, on recorded bodies
// from ../shared/fixtures/wire and on bodies written here) becomes the Anthropic status, type, retry advice and a
// message naming the model and the next step.
import { describe, expect, it } from 'vitest';
import type { ProviderError } from '../../../src/providers/common/provider-error.js';
import { decodeOpenAIError, decodeOpenAIStreamError, readErrorBody, readErrorValue } from '../../../src/providers/openai-chat/decode-error.js';
import { itRecorded } from '../../support/shared-fixtures.js';
import { RETRY_HINT } from '../../support/openai-chat-expected.js';
import { OPENAI, openAITarget, openRouter, wireFixture } from '../../support/openai-stream-harness.js';

/** The fields Claude Code and the fallback logic read from the error. */
function fields(error: ProviderError) {
  return { status: error.status, type: error.type, retryable: error.retryable, retryAfter: error.retryAfter, provider: error.provider, message: error.message };
}

describe('decodeOpenAIError', () => {
  itRecorded('edge #55: pre-stream errors map to Anthropic statuses: context overflow → 400 "prompt is too long: X tokens > Y maximum"', () => {
    const error = decodeOpenAIError(400, wireFixture('openai-error-400-context-length-exceeded.json'), {}, OPENAI);
    expect(fields(error)).toEqual({ status: 400, type: 'invalid_request_error', retryable: false, retryAfter: undefined, provider: 'openai', message: 'prompt is too long: 3148588 tokens > 272000 maximum' });
    const anthropicWording = (JSON.parse(wireFixture('anthropic-error-400-prompt-too-long.json')) as { error: { message: string } }).error.message;
    expect(error.message).toMatch(new RegExp(anthropicWording.replace(/\d+/g, '\\d+')));
    const estimated = decodeOpenAIError(400, '{"error":{"message":"This request exceeds the model\'s context window."}}', {}, { ...OPENAI, contextWindow: 128000 }, { promptTokenEstimate: 150000 });
    expect(estimated.message).toBe('prompt is too long: 150000 tokens > 128000 maximum');
  });

  itRecorded('edge #55: 429 rate limit → retryable 429 with retry-after ≤ 60; insufficient_quota and 402 → non-retryable billing_error', () => {
    const tpm = decodeOpenAIError(429, wireFixture('openai-error-429-request-too-large-tpm.json'), { 'retry-after': '7' }, OPENAI);
    expect([tpm.status, tpm.type, tpm.retryable, tpm.retryAfter]).toEqual([429, 'rate_limit_error', true, 7]);
    expect(decodeOpenAIError(429, '{}', { 'retry-after': '3600' }, OPENAI).retryAfter).toBe(60);
    const quota = decodeOpenAIError(429, wireFixture('openai-error-429-insufficient-quota.json'), {}, OPENAI);
    expect([quota.status, quota.type, quota.retryable]).toEqual([402, 'billing_error', false]);
    const credits = decodeOpenAIError(402, '{"error":{"code":402,"message":"Insufficient credits"}}', {}, openRouter('openai/gpt-4o'));
    expect([credits.status, credits.type, credits.retryable]).toEqual([402, 'billing_error', false]);
    const routed = decodeOpenAIError(429, wireFixture('openrouter-error-429-provider-returned-error.json'), {}, openRouter('google/gemini-2.0-flash-exp:free'));
    expect(fields(routed)).toEqual({
      status: 429,
      type: 'rate_limit_error',
      retryable: true,
      retryAfter: undefined,
      provider: 'openrouter',
      message: `openrouter/google/gemini-2.0-flash-exp:free (openrouter): rate limited (Provider returned error: google/gemini-2.0-flash-exp:free is temporarily rate-limited upstream. Please retry shortly, or add your own key to accumulate your rate limits: https://openrouter.ai/settings/integrations)${RETRY_HINT}`,
    });
  });

  itRecorded('edge #55: 401 → not retried; Ollama 404 "try pulling it first" → not_found_error telling to run `ollama pull <model>`; 503 → 529 overloaded', () => {
    const auth = decodeOpenAIError(401, '{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}', {}, OPENAI);
    expect(fields(auth)).toEqual({
      status: 401,
      type: 'authentication_error',
      retryable: false,
      retryAfter: undefined,
      provider: 'openai',
      message: 'openai/gpt-4o (openai): the API key was rejected (Incorrect API key provided); set a working key with `oss models keys set openai`',
    });
    const missing = decodeOpenAIError(404, wireFixture('ollama-v1-error-404-model-not-found.json'), {}, openAITarget('ollama', 'gemma3:12b'));
    expect(fields(missing)).toEqual({
      status: 404,
      type: 'not_found_error',
      retryable: false,
      retryAfter: undefined,
      provider: 'ollama',
      message: 'ollama/gemma3:12b (ollama): model gemma3:12b not found (model "gemma3:12b" not found, try pulling it first); run `ollama pull gemma3:12b`',
    });
    const busy = decodeOpenAIError(503, '{"error":{"code":503,"message":"No instances available"}}', { 'retry-after': '2' }, openRouter('x/y'));
    expect([busy.status, busy.type, busy.retryable, busy.retryAfter]).toEqual([529, 'overloaded_error', true, 2]);
  });

  itRecorded('edge #56: recorded error bodies are decoded tolerantly: Ollama\'s bare string error, OpenAI\'s null code', () => {
    expect(decodeOpenAIError(404, wireFixture('ollama-native-error-404-model-not-found.json'), {}, openAITarget('ollama', 'mistral')).message).toBe(
      "ollama/mistral (ollama): model mistral not found (model 'mistral' not found, try pulling it first); run `ollama pull mistral`",
    );
    expect(decodeOpenAIError(400, wireFixture('openai-error-400-temperature-unsupported.json'), {}, OPENAI).message).toBe(
      "openai/gpt-4o (openai): Unsupported parameter: 'temperature' is not supported with this model.",
    );
  });

  it('edge #56: error bodies are decoded tolerantly: bare string error, numeric code, null code, no message, plain text', () => {
    expect(decodeOpenAIError(404, '{"error":"model \'mistral\' not found, try pulling it first"}', {}, openAITarget('ollama', 'mistral')).message).toBe(
      "ollama/mistral (ollama): model mistral not found (model 'mistral' not found, try pulling it first); run `ollama pull mistral`",
    );
    expect(decodeOpenAIError(400, '{"error":{"message":"Unsupported value: \'temperature\'.","type":"invalid_request_error","param":"temperature","code":null}}', {}, OPENAI).message).toBe(
      "openai/gpt-4o (openai): Unsupported value: 'temperature'.",
    );
    const numeric = decodeOpenAIError(429, '{"error":{"code":429,"message":"Slow down"}}', {}, openRouter('x/y'));
    expect([numeric.status, numeric.type]).toEqual([429, 'rate_limit_error']);
    expect(decodeOpenAIError(500, '{"error":{"code":"oops"}}', {}, OPENAI).message).toBe(`openai/gpt-4o (openai): upstream error 500 ({"code":"oops"})${RETRY_HINT}`);
    const text = decodeOpenAIError(502, '<html>Bad gateway</html>', {}, OPENAI);
    expect([text.status, text.type, text.message]).toEqual([502, 'api_error', `openai/gpt-4o (openai): upstream error 502 (<html>Bad gateway</html>)${RETRY_HINT}`]);
  });

  it("reads the actual and limit token counts from OpenAI's overflow wording", () => {
    const body = '{"error":{"message":"This model\'s maximum context length is 128000 tokens. However, your messages resulted in 130000 tokens.","code":"context_length_exceeded"}}';
    expect(fields(decodeOpenAIError(400, body, {}, OPENAI))).toEqual({ status: 400, type: 'invalid_request_error', retryable: false, retryAfter: undefined, provider: 'openai', message: 'prompt is too long: 130000 tokens > 128000 maximum' });
  });
});

describe('decodeOpenAIStreamError', () => {
  it('keeps a rate limit or an overload for Claude Code\'s retry logic and makes anything else an api_error (5xx kept, else 500)', () => {
    const target = OPENAI;
    expect([
      fields(decodeOpenAIStreamError({ message: 'Overloaded', status: 503 }, target)),
      fields(decodeOpenAIStreamError({ message: 'bad thing' }, target)),
      fields(decodeOpenAIStreamError({ message: 'x', status: 502 }, target)),
    ]).toEqual([
      { status: 529, type: 'overloaded_error', retryable: true, retryAfter: undefined, provider: 'openai', message: `openai/gpt-4o (openai): overloaded (Overloaded)${RETRY_HINT}` },
      { status: 500, type: 'api_error', retryable: true, retryAfter: undefined, provider: 'openai', message: `openai/gpt-4o (openai): upstream error 500 (bad thing)${RETRY_HINT}` },
      { status: 502, type: 'api_error', retryable: true, retryAfter: undefined, provider: 'openai', message: `openai/gpt-4o (openai): upstream error 502 (x)${RETRY_HINT}` },
    ]);
  });
});

describe('readErrorBody and readErrorValue', () => {
  it('read a top-level message, plain text (trimmed) and JSON that holds no error object', () => {
    expect([readErrorBody('{"message":"top"}'), readErrorBody('  plain  '), readErrorBody('null')]).toEqual([{ message: 'top' }, { message: 'plain' }, { message: 'null' }]);
  });

  it("join OpenRouter's metadata.raw to the message and take the status from a numeric code or Groq's status_code", () => {
    expect([
      readErrorValue({ error: { message: 'Provider returned error', code: 429, metadata: { raw: 'upstream said no' }, type: '' } }),
      readErrorValue({ error: { message: 'x', status_code: 500, code: 'tool_use_failed', type: 'invalid_request_error' } }),
    ]).toEqual([
      { message: 'Provider returned error: upstream said no', status: 429 },
      { message: 'x', type: 'invalid_request_error', code: 'tool_use_failed', status: 500 },
    ]);
  });

  it('gives nothing for a value that is not an error, and the JSON itself for an object with no message', () => {
    expect([readErrorValue(42), readErrorValue({})]).toEqual([undefined, { message: '{}' }]);
  });
});
