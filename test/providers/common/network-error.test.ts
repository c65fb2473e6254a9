import { describe, expect, it } from 'vitest';
import { cutBodyError, errorCodes, networkError } from '../../../src/providers/common/network-error.js';
import { ProviderError } from '../../../src/providers/common/provider-error.js';

const LABEL = 'openrouter/deepseek/deepseek-chat at https://openrouter.ai/api/v1';

/** An undici-style error: a TypeError('fetch failed') whose cause carries the code, as Node reports it. */
function failed(code: string, nested = true): Error {
  const cause = Object.assign(new Error(`connect ${code}`), { code });
  return nested ? new TypeError('fetch failed', { cause }) : cause;
}

function shown(error: ProviderError) {
  return { status: error.status, type: error.type, retryable: error.retryable, provider: error.provider, message: error.message };
}

describe('errorCodes', () => {
  it('lists every code along the cause chain, outermost first, and stops after four levels', () => {
    const deep = { code: 'A', cause: { cause: { code: 'C', cause: { code: 'D', cause: { code: 'E' } } } } };
    expect([errorCodes(failed('ECONNRESET')), errorCodes(deep), errorCodes('text'), errorCodes(undefined)]).toEqual([['ECONNRESET'], ['A', 'C', 'D'], [], []]);
  });
});

describe('networkError', () => {
  it('says a refused connection cannot be fixed by retrying, naming the code and the next step', () => {
    expect(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].map((code) => shown(networkError(failed(code), 'openrouter', LABEL)))).toEqual(
      ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].map((code) => ({
        status: 502,
        type: 'api_error',
        retryable: false,
        provider: 'openrouter',
        message: `${LABEL}: cannot connect (${code}); check the provider's base URL`,
      })),
    );
  });

  it("uses the adapter's own wording for a refused connection when it has one (Ollama)", () => {
    expect(shown(networkError(failed('ECONNREFUSED', false), 'ollama', 'ollama/llama3.2 at http://127.0.0.1:11434/v1', 'Ollama is not running: start it with `ollama serve`'))).toEqual({
      status: 502,
      type: 'api_error',
      retryable: false,
      provider: 'ollama',
      message: 'Ollama is not running: start it with `ollama serve`',
    });
  });

  it('makes a timeout a retryable 504 timeout_error', () => {
    expect(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT'].map((code) => shown(networkError(failed(code), 'x', LABEL)))).toEqual(
      ['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT'].map((code) => ({
        status: 504,
        type: 'timeout_error',
        retryable: true,
        provider: 'x',
        message: `${LABEL}: timed out (${code}); the provider may be overloaded, try again or pick another model`,
      })),
    );
  });

  it('makes any other failure a retryable connection failure, naming the first code or saying there was no answer', () => {
    expect([shown(networkError(failed('ECONNRESET'), 'x', LABEL)), shown(networkError(new Error('socket hang up'), 'x', LABEL))]).toEqual([
      { status: 502, type: 'api_error', retryable: true, provider: 'x', message: `${LABEL}: connection failed (ECONNRESET); check your network and the provider's base URL` },
      { status: 502, type: 'api_error', retryable: true, provider: 'x', message: `${LABEL}: connection failed (no answer); check your network and the provider's base URL` },
    ]);
  });

  it('passes a ProviderError through unchanged', () => {
    const original = new ProviderError({ status: 400, type: 'invalid_request_error', message: 'bad', retryable: false });
    expect(networkError(original, 'x', LABEL)).toBe(original);
    expect(cutBodyError(original, 'x', LABEL, 'x/m')).toBe(original);
  });
});

describe('cutBodyError', () => {
  it('says a body cut off after a 2xx answer is worth asking again, with the command that tests the model', () => {
    expect([shown(cutBodyError(failed('ECONNRESET'), 'x', LABEL, 'x/m-1')), shown(cutBodyError(new Error('terminated'), 'x', LABEL, 'x/m-1'))]).toEqual([
      { status: 502, type: 'api_error', retryable: true, provider: 'x', message: `${LABEL}: the answer was cut off (ECONNRESET); ask again, or run \`oss models test x/m-1\`` },
      { status: 502, type: 'api_error', retryable: true, provider: 'x', message: `${LABEL}: the answer was cut off (connection closed); ask again, or run \`oss models test x/m-1\`` },
    ]);
  });

  it('words a body that stalled until a timeout as a timeout', () => {
    expect(shown(cutBodyError(failed('UND_ERR_BODY_TIMEOUT'), 'x', LABEL, 'x/m-1'))).toEqual({
      status: 504,
      type: 'timeout_error',
      retryable: true,
      provider: 'x',
      message: `${LABEL}: timed out (UND_ERR_BODY_TIMEOUT); the provider may be overloaded, try again or pick another model`,
    });
  });
});
