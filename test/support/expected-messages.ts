// Whole expected values the proxy tests compare against: an answer as the Anthropic SDK accumulates it (or as
// a non-streamed JSON reply), an Anthropic error body, and a usage event with its timings as placeholders
// (proxy-harness.ts withoutTimings). One definition each, so a change to the shape is made once.
import { expect } from 'vitest';

export interface MessageShape {
  /** Default `claude-opus-5-5`, what the scripted Claude server answers as. */
  model?: string;
  /** [input, output]; default [26, 7], the scripted Claude server's count for HELLO. */
  usage?: [number, number];
  /** How the id starts: `msg_` from Claude (default), `msg_oss_` from a translated provider. */
  idPrefix?: string;
}

/** A streamed text answer, as accumulateWithSdk returns it. */
export function sdkMessage(text: string, shape: MessageShape = {}) {
  return { ...jsonMessage(text, shape), parsed_output: null };
}

/** A non-streamed text answer, as the proxy sends it. */
export function jsonMessage(text: string, { model = 'claude-opus-5-5', usage = [26, 7], idPrefix = 'msg_' }: MessageShape = {}) {
  return {
    id: expect.stringMatching(new RegExp(`^${idPrefix}`)) as unknown,
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: usage[0], output_tokens: usage[1], cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

/** What the scripted Claude server streams for HELLO when started with `{ text: 'From Claude.' }`. */
export const FROM_CLAUDE = sdkMessage('From Claude.');

/** An Anthropic error body. */
export function anthropicError(type: string, message: string) {
  return { type: 'error', error: { type, message } };
}

type TokenField = 'input_tokens' | 'output_tokens' | 'cache_read_tokens' | 'cache_write_tokens';

/** One request's usage event, timings as the placeholders withoutTimings puts in. */
export function usageEvent(
  model: string,
  provider: string,
  { fallback = false, outcome = 'ok', prompt = 'oss:ship', ...tokens }: Partial<Record<TokenField, number>> & { fallback?: boolean; outcome?: 'ok' | 'error'; prompt?: string } = {},
) {
  return {
    prompt, model, provider, input_tokens: 0, output_tokens: 0, cache_read_tokens: 0, cache_write_tokens: 0, ...tokens,
    fallback, latency_ms: '<ms>', ttfb_ms: '<ms>', outcome, at: '<time>',
  };
}
