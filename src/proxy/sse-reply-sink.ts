// Writes Anthropic stream events to Claude Code. `message_start` is held back until the next event, so an
// upstream that fails before producing anything has sent Claude Code nothing yet: the proxy can still fall
// back to Claude or answer with a proper HTTP error. `firstByteAt` marks when the stream became committed.
// A `ping` before any content is dropped: keep-alive comments (keep-alive.ts) hold the line until then, and
// a ping would send message_start, after which the answer could no longer fall back.
// Events are batched: all those produced while handling the upstream reads of one event-loop turn go out
// as one socket write (one chunk of the chunked reply), sent from setImmediate, before the loop waits for
// I/O again: a write per token was the largest cost of a stream, and the batch adds no wait. The first
// delta is the exception: it goes out at once, so the rest of a large read never delays the first token.
import type { ServerResponse } from 'node:http';
import { formatSseEvent, type WireEvent } from '../providers/common/anthropic-stream-writer.js';
import { SSE_HEADERS, type KeepAlive } from './keep-alive.js';

export class SseReplySink {
  private held: WireEvent | undefined;
  /** Epoch ms of the first byte sent; undefined while the answer can still change course. */
  firstByteAt: number | undefined;
  /** An error event that arrived before any content: the caller decides what Claude Code gets. */
  earlyError: { type: string; message: string } | undefined;

  private pending = '';
  private flushScheduled = false;
  private deltaSent = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly keepAlive?: KeepAlive,
  ) {}

  get committed(): boolean {
    return this.firstByteAt !== undefined;
  }

  write(event: WireEvent): void {
    if (this.res.destroyed) return;
    if (!this.committed) {
      if (event.type === 'message_start') {
        this.held = event;
        return;
      }
      if (event.type === 'error') {
        this.earlyError = event.error;
        return;
      }
      if (event.type === 'ping') return;
      this.keepAlive?.commit();
      if (!this.res.headersSent) this.res.writeHead(200, SSE_HEADERS);
      this.firstByteAt = Date.now();
      if (this.held) this.pending += formatSseEvent(this.held);
      this.held = undefined;
    }
    this.pending += formatSseEvent(event);
    if (!this.deltaSent && event.type === 'content_block_delta') {
      this.deltaSent = true;
      this.flush();
      // Node corks a response's socket on every write until the next tick: uncorked now, the first token
      // leaves before the rest of this upstream read is translated (hundreds of events in a fast stream).
      this.res.socket?.uncork();
      return;
    }
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(this.flush);
    }
  }

  private readonly flush = (): void => {
    this.flushScheduled = false;
    if (this.pending === '' || this.res.destroyed) return;
    const text = this.pending;
    this.pending = '';
    this.res.write(text);
  };

  end(): void {
    this.flush();
    if (!this.res.destroyed) this.res.end();
  }
}
