// Upstream SSE bytes in, parsed events out. A maintained spec-compliant parser (eventsource-parser) does the
// framing: CR/LF/CRLF line ends, comment lines, multi-line data, named events, partial lines across reads.
// Bytes are decoded with a StringDecoder so a multi-byte character split across reads survives (it does
// what a streaming TextDecoder does at under half the cost per read, and a stream is thousands of reads).
// The parser holds an unfinished line or event in memory, so one that grows past MAX_SSE_EVENT_CHARS (far
// beyond any real provider's event, an inline image included) stops the stream instead of holding gigabytes.
import { StringDecoder } from 'node:string_decoder';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { MB, UpstreamTooLargeError } from './upstream-too-large.js';

export interface SseEvent {
  /** The `event:` name, when the upstream sent one (Groq's `event: error`). */
  event?: string;
  data: string;
}

export interface SseReader {
  push(chunk: Uint8Array | string): void;
  /** Flush what is left at end of body (a final event without its blank line still counts). */
  end(): void;
}

/** 16 Mi characters: Gemini's largest events (a generated image inline, base64) are a few MB. */
export const MAX_SSE_EVENT_CHARS = 16 * MB;

export function createSseReader(onEvent: (event: SseEvent) => void, maxEventChars = MAX_SSE_EVENT_CHARS): SseReader {
  const decoder = new StringDecoder('utf8');
  let dispatched = false;
  /** Characters fed since the last event was dispatched: what the parser may be holding. */
  let pending = 0;
  const parser = createParser({
    onEvent: (message: EventSourceMessage) => {
      dispatched = true;
      onEvent({ event: message.event, data: message.data });
    },
  });
  const feed = (text: string): void => {
    dispatched = false;
    parser.feed(text);
    if (!dispatched) pending += text.length;
    else pending = text.length - 1 - Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    // push() throws it; the caller stops reading.
    if (pending > maxEventChars) throw new UpstreamTooLargeError(`an SSE event larger than ${Math.round(maxEventChars / MB)} MB`);
  };
  return {
    push(chunk) {
      feed(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    },
    end() {
      const rest = decoder.end();
      if (rest) parser.feed(rest);
      // A body that ends without the blank line still dispatches its last event.
      parser.feed('\n\n');
    },
  };
}
