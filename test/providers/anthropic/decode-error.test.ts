import { describe, expect, it } from 'vitest';
import { decodeAnthropicError } from '../../../src/providers/anthropic/decode-error.js';
import type { TargetModel } from '../../../src/providers/common/target.js';

const TARGET: TargetModel = { id: 'minimax/MiniMax-M2', provider: 'minimax', type: 'anthropic', upstreamModel: 'MiniMax-M2', capabilities: {} };

function shown(error: { status: number; type: string; retryable: boolean; retryAfter?: number; message: string }) {
  return { status: error.status, type: error.type, retryable: error.retryable, retryAfter: error.retryAfter, message: error.message };
}

describe('decodeAnthropicError', () => {
  it("reads the upstream's words from an Anthropic error envelope and its retry-after header", () => {
    const body = JSON.stringify({ type: 'error', error: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit' } });
    expect(shown(decodeAnthropicError(429, body, { 'retry-after': '12' }, TARGET))).toEqual({
      status: 429,
      type: 'rate_limit_error',
      retryable: true,
      retryAfter: 12,
      message: 'minimax/MiniMax-M2 (minimax): rate limited (Number of request tokens has exceeded your per-minute rate limit); Claude Code retries on its own, or pick another model with --model',
    });
  });

  it("finds a context overflow inside a longer, differently cased message and gives it back in Anthropic's exact wording with the upstream's figures", () => {
    const body = JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'Request failed: Prompt is too long: 210000 tokens > 204800 maximum (see docs)' } });
    expect(shown(decodeAnthropicError(400, body, {}, TARGET))).toEqual({
      status: 400,
      type: 'invalid_request_error',
      retryable: false,
      retryAfter: undefined,
      message: 'prompt is too long: 210000 tokens > 204800 maximum',
    });
  });

  it('shows a body that is not an Anthropic envelope as it is, on one line', () => {
    const upstream = (text: string) => decodeAnthropicError(502, text, {}, TARGET).message;
    expect([upstream('Bad Gateway'), upstream('{"detail":"no such route"}'), upstream('<html>\n  <h1>502</h1>\n</html>')]).toEqual([
      'minimax/MiniMax-M2 (minimax): upstream error 502 (Bad Gateway); Claude Code retries on its own, or pick another model with --model',
      'minimax/MiniMax-M2 (minimax): upstream error 502 ({"detail":"no such route"}); Claude Code retries on its own, or pick another model with --model',
      'minimax/MiniMax-M2 (minimax): upstream error 502 (<html> <h1>502</h1> </html>); Claude Code retries on its own, or pick another model with --model',
    ]);
  });
});
