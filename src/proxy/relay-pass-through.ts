// Relays an Anthropic-speaking upstream's answer to Claude Code byte for byte, reading the usage on the way.
// An `anthropic`-type provider's failure (status ≥ 400 before anything was sent) is thrown as a ProviderError,
// so it can be retried or fall back like any provider; native Claude's answers are Claude Code's to judge.
// When keep-alive comments already sent the 200, the answer's own status and headers cannot follow: its body
// is relayed into the open stream, and an error status becomes the stream's `event: error`.
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { openPassThrough, type PassThroughCall } from '../providers/anthropic/pass-through.js';
import { createUsageTap } from '../providers/anthropic/usage-tap.js';
import { decodeAnthropicError } from '../providers/anthropic/decode-error.js';
import { readErrorText } from '../providers/common/upstream-http.js';
import { ZERO_USAGE } from '../providers/common/upstream-usage.js';
import { errorTypeForStatus } from '../providers/common/upstream-error.js';
import type { TranslatedUsage } from '../providers/common/upstream-usage.js';
import type { KeepAlive } from './keep-alive.js';

export interface RelayResult {
  usage: TranslatedUsage;
  ok: boolean;
  firstByteAt: number;
  /** The answer was cut short (upstream dropped, or Claude Code left): `usage` lacks the final figures. */
  cut: boolean;
  /** Content characters relayed, for an estimate of what a cut answer used. */
  streamedChars: number;
}

/** Called once, with the answer's usage, before Claude Code can see its end (proxy/handle-messages.ts). */
export type BeforeEnd = (result: { usage: TranslatedUsage; ok: boolean; firstByteAt: number }) => void;

export async function relayPassThrough(call: PassThroughCall, res: ServerResponse, keepAlive?: KeepAlive, beforeEnd?: BeforeEnd): Promise<RelayResult> {
  const answer = await openPassThrough(call);
  if (call.to.kind === 'provider' && answer.status >= 400) {
    const text = await readErrorText(answer.body);
    throw decodeAnthropicError(answer.status, text, answer.headers, call.to.target);
  }
  const firstByteAt = Date.now();
  keepAlive?.commit();
  if (!res.headersSent) {
    res.writeHead(answer.status, answer.headers);
  } else if (answer.status >= 400) {
    const text = await readErrorText(answer.body);
    beforeEnd?.({ usage: { ...ZERO_USAGE }, ok: false, firstByteAt });
    res.end(`event: error\ndata: ${JSON.stringify({ type: 'error', error: errorOf(answer.status, text) })}\n\n`);
    return { usage: { ...ZERO_USAGE }, ok: false, firstByteAt, cut: false, streamedChars: 0 };
  }
  const tap = createUsageTap(answer.headers['content-type'] ?? '');
  // The usage is handed to `beforeEnd` before Claude Code can see the answer end, so its next request (checked
  // against the spending caps) always counts this one: at a stream's message_stop, or before the last chunk of
  // any other body (the end of a JSON answer), which is held back one chunk for that.
  const holdLast = !(answer.headers['content-type'] ?? '').includes('text/event-stream');
  let settled = false;
  const settle = (ok: boolean): void => {
    if (settled) return;
    settled = true;
    beforeEnd?.({ usage: tap.usage, ok, firstByteAt });
  };
  let held: Buffer | undefined;
  try {
    for await (const chunk of answer.body as AsyncIterable<Buffer>) {
      tap.push(chunk);
      if (tap.stopped) settle(answer.status < 400);
      const out = holdLast ? held : chunk;
      held = holdLast ? chunk : undefined;
      if (out && !res.write(out)) await once(res, 'drain', { signal: call.signal });
    }
  } catch {
    // The upstream dropped mid-answer (or Claude Code left): cut the connection as the upstream did, so
    // Claude Code's own retry logic sees the same failure it would have seen without the proxy.
    if (held && !res.destroyed) res.write(held);
    res.destroy();
    return { usage: tap.usage, ok: false, firstByteAt, cut: true, streamedChars: tap.streamedChars };
  }
  tap.end();
  settle(answer.status < 400);
  if (held) res.write(held);
  res.end();
  return { usage: tap.usage, ok: answer.status < 400, firstByteAt, cut: false, streamedChars: tap.streamedChars };
}

/** Claude's own error object when the body has one, else one made from the status and text. */
function errorOf(status: number, text: string): { type: string; message: string } {
  try {
    const parsed = JSON.parse(text) as { error?: { type?: unknown; message?: unknown } };
    if (typeof parsed.error?.type === 'string' && typeof parsed.error.message === 'string') return { type: parsed.error.type, message: parsed.error.message };
  } catch {
    // Not Anthropic's shape: described below.
  }
  return { type: errorTypeForStatus(status), message: `Claude answered HTTP ${status}: ${text.slice(0, 500)}` };
}
