// A streaming request's wait before its first content: queued for a pool connection, waiting for the
// provider's headers, retrying, falling back to Claude. Claude Code gives up on a silent connection, so every
// `intervalMs` an SSE comment line (": keep-alive") is sent, the first one with the 200 and SSE headers.
// A comment is not an event: no `message_start` or `ping` goes out (the real claude accepts comment lines,
// test/fixtures/claude-code/keep-alive-comments.json), so until the first content event the answer can
// still change course: fall back to Claude, or end with an `event: error` Claude Code retries.
import type { ServerResponse } from 'node:http';

export const SSE_HEADERS = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' } as const;

const COMMENT = ': keep-alive\n\n';

export class KeepAlive {
  private readonly timer: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly res: ServerResponse,
    intervalMs: number,
  ) {
    this.timer = setInterval(() => this.beat(), intervalMs);
    this.timer.unref();
  }

  private committed = false;

  /** The 200 went out with keep-alive comments only: what follows must be SSE, and may still be anything. */
  get onlyComments(): boolean {
    return this.res.headersSent && !this.committed;
  }

  /** Content is about to be written: from now on the answer is the one being written. */
  commit(): void {
    this.committed = true;
    this.stop();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
  }

  private beat(): void {
    const { res } = this;
    if (res.destroyed || res.writableEnded) {
      this.stop();
      return;
    }
    if (!res.headersSent) {
      // Set one by one so a later error reply can see (getHeader) that this is an SSE stream.
      for (const [name, value] of Object.entries(SSE_HEADERS)) res.setHeader(name, value);
      res.writeHead(200);
    }
    // A client that is not reading needs no more bytes to stay awake.
    if (!res.writableNeedDrain) res.write(COMMENT);
  }
}
