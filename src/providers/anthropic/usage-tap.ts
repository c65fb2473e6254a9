// Reads the usage out of an Anthropic answer as it passes through untouched: message_start carries input
// and cache tokens, message_delta the output (and sometimes the final input) tokens and the web searches run;
// a JSON message has both.
// Only those two events are parsed; content deltas are only measured, so an answer cut short (Claude Code
// left, the connection dropped) still says how much text had streamed.
import { createSseReader, type SseReader } from '../common/sse-reader.js';
import { ZERO_USAGE, type TranslatedUsage } from '../common/upstream-usage.js';

interface WireUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  server_tool_use?: { web_search_requests?: number | null } | null;
}

export interface UsageTap {
  push(chunk: Uint8Array): void;
  end(): void;
  readonly usage: TranslatedUsage;
  /** Characters of content (text, thinking, tool input) streamed so far, with their JSON framing. */
  readonly streamedChars: number;
  /** True once the stream's `message_stop` has been read: the usage is final. */
  readonly stopped: boolean;
}

/** A JSON answer is held to read its usage only up to this size (larger ones are relayed untapped). */
const MAX_TAPPED_JSON_BYTES = 32 * 1024 * 1024;

/** `{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":""}}`: not content. */
const DELTA_FRAMING_CHARS = 80;

function merge(into: TranslatedUsage, from: WireUsage | undefined): TranslatedUsage {
  if (!from) return into;
  const merged: TranslatedUsage = {
    input_tokens: from.input_tokens ?? into.input_tokens,
    output_tokens: from.output_tokens ?? into.output_tokens,
    cache_read_input_tokens: from.cache_read_input_tokens ?? into.cache_read_input_tokens,
    cache_creation_input_tokens: from.cache_creation_input_tokens ?? into.cache_creation_input_tokens,
  };
  const searches = from.server_tool_use?.web_search_requests ?? into.web_search_requests;
  if (typeof searches === 'number' && searches > 0) merged.web_search_requests = searches;
  return merged;
}

export function createUsageTap(contentType: string): UsageTap {
  let usage: TranslatedUsage = { ...ZERO_USAGE };
  let streamedChars = 0;
  let stopped = false;
  // An event too large to hold (or a JSON answer past the cap) is still relayed; only its usage is lost.
  let tapping = true;
  const tapped = (read: () => void): void => {
    try {
      read();
    } catch {
      tapping = false;
    }
  };
  if (contentType.includes('text/event-stream')) {
    const reader: SseReader = createSseReader((event) => {
      if (event.event === 'content_block_delta') {
        streamedChars += Math.max(0, event.data.length - DELTA_FRAMING_CHARS);
        return;
      }
      if (event.event === 'message_stop') {
        stopped = true;
        return;
      }
      if (event.event !== undefined && event.event !== 'message_start' && event.event !== 'message_delta') return;
      try {
        const data = JSON.parse(event.data) as { type?: string; message?: { usage?: WireUsage }; usage?: WireUsage };
        if (data.type === 'message_start') usage = merge(usage, data.message?.usage);
        else if (data.type === 'message_delta') usage = merge(usage, data.usage);
      } catch {
        // Not JSON: not ours to judge, Claude Code gets the bytes as they are.
      }
    });
    return {
      push: (chunk) => {
        if (tapping) tapped(() => reader.push(chunk));
      },
      end: () => {
        if (tapping) tapped(() => reader.end());
      },
      get usage() {
        return usage;
      },
      get streamedChars() {
        return streamedChars;
      },
      get stopped() {
        return stopped;
      },
    };
  }
  const chunks: Uint8Array[] = [];
  let held = 0;
  return {
    push: (chunk) => {
      if (!tapping) return;
      held += chunk.length;
      chunks.push(chunk);
      if (held > MAX_TAPPED_JSON_BYTES) {
        tapping = false;
        chunks.length = 0;
      }
    },
    end: () => {
      if (!tapping) return;
      try {
        usage = merge(usage, (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { usage?: WireUsage }).usage);
      } catch {
        // An unparsable body carries no usage.
      }
    },
    get usage() {
      return usage;
    },
    streamedChars: 0,
    stopped: false,
  };
}
