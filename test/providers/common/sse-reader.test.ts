import { describe, expect, it } from 'vitest';
import { MAX_SSE_EVENT_CHARS, createSseReader, type SseEvent } from '../../../src/providers/common/sse-reader.js';
import { UpstreamTooLargeError } from '../../../src/providers/common/upstream-too-large.js';

/** Every event the reader dispatches for the chunks, in order, end() included. */
function read(chunks: Array<string | Uint8Array>, maxEventChars?: number): SseEvent[] {
  const events: SseEvent[] = [];
  const reader = createSseReader((event) => events.push(event), maxEventChars);
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return events;
}

describe('createSseReader', () => {
  it('frames events on LF, CRLF and CR line ends alike', () => {
    expect(read(['data: a\n\ndata: b\r\n\r\ndata: c\r\rdata: d\n\n'])).toEqual([
      { event: undefined, data: 'a' },
      { event: undefined, data: 'b' },
      { event: undefined, data: 'c' },
      { event: undefined, data: 'd' },
    ]);
  });

  it('keeps event names, joins multi-line data with newlines and skips comment lines', () => {
    expect(read([': keep-alive\n\nevent: error\ndata: {"error":\ndata: "boom"}\n\n'])).toEqual([{ event: 'error', data: '{"error":\n"boom"}' }]);
  });

  it('gives the same events whatever the reads cut, lines and multi-byte characters included', () => {
    const body = new TextEncoder().encode('data: São Paulo ☀\r\n\r\nevent: done\ndata: ok\n\n');
    const whole = read([body]);
    expect(whole).toEqual([
      { event: undefined, data: 'São Paulo ☀' },
      { event: 'done', data: 'ok' },
    ]);
    for (let cut = 1; cut < body.length; cut += 1) expect(read([body.slice(0, cut), body.slice(cut)])).toEqual(whole);
  });

  it('dispatches a last event that the body ended without its blank line', () => {
    expect(read(['data: first\n\n', 'data: last'])).toEqual([
      { event: undefined, data: 'first' },
      { event: undefined, data: 'last' },
    ]);
  });

  it('dispatches nothing for a body with only comments or blank lines', () => {
    expect(read([': ping\n\n\n\n'])).toEqual([]);
  });

  it('stops with UpstreamTooLargeError when one unfinished event passes the limit', () => {
    const reader = createSseReader(() => undefined, 100);
    reader.push(`data: ${'x'.repeat(60)}`);
    let thrown: unknown;
    try {
      reader.push('x'.repeat(60));
    } catch (error) {
      thrown = error;
    }
    expect([thrown instanceof UpstreamTooLargeError, (thrown as Error).message]).toEqual([true, 'the provider sent an SSE event larger than 0 MB']);
  });

  it('counts only what is held since the last event, so a long stream of small events never reaches the limit', () => {
    const events = read(Array.from({ length: 50 }, (_, index) => `data: ${index}${'.'.repeat(20)}\n\n`), 100);
    expect(events.map((event) => event.data)).toEqual(Array.from({ length: 50 }, (_, index) => `${index}${'.'.repeat(20)}`));
  });

  it('allows events up to 16 Mi characters by default', () => {
    expect(MAX_SSE_EVENT_CHARS).toBe(16 * 1024 * 1024);
  });
});
