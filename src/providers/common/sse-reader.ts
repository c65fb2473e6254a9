// Upstream SSE bytes in, parsed events out. A maintained spec-compliant parser (eventsource-parser) does the
// framing: CR/LF/CRLF line ends, comment lines, multi-line data, named events, partial lines across reads.
// Bytes are decoded with a streaming TextDecoder so a multi-byte character split across reads survives.
import { createParser, type EventSourceMessage } from 'eventsource-parser';

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

export function createSseReader(onEvent: (event: SseEvent) => void): SseReader {
  const decoder = new TextDecoder('utf-8');
  const parser = createParser({
    onEvent: (message: EventSourceMessage) => onEvent({ event: message.event, data: message.data }),
  });
  return {
    push(chunk) {
      parser.feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    },
    end() {
      const rest = decoder.decode();
      if (rest) parser.feed(rest);
      // A body that ends without the blank line still dispatches its last event.
      parser.feed('\n\n');
    },
  };
}
