// The seed plan's facade over the stream translator: `new StreamTransformer('openai').transform(chunk)`
// returns the Anthropic SSE text that chunk produced, or null. Chunks may be raw SSE text cut anywhere, or
// bare `data: …` lines without their blank line (as the seed's tests write them): such a trailing line is
// dispatched as soon as it is complete, i.e. `[DONE]` or parseable JSON.
import { AnthropicStreamWriter, formatSseEvent } from '../common/anthropic-stream-writer.js';
import { OPENAI_TOOL_NAMES, buildToolNameMap, type ToolNameMap } from '../common/tool-names.js';
import { createOpenAIStreamTranslator, type OpenAIStreamTranslator } from './stream-translator.js';

export interface StreamTransformerOptions {
  model?: string;
  toolNames?: ToolNameMap;
}

export class StreamTransformer {
  private readonly translator: OpenAIStreamTranslator;
  private output = '';
  private pendingLine = '';

  constructor(_format: 'openai', options: StreamTransformerOptions = {}) {
    const model = options.model ?? 'unknown';
    const writer = new AnthropicStreamWriter((event) => (this.output += formatSseEvent(event)), { model, inputTokenEstimate: 0 });
    this.translator = createOpenAIStreamTranslator({
      target: { id: model },
      writer,
      toolNames: options.toolNames ?? buildToolNameMap([], OPENAI_TOOL_NAMES),
    });
  }

  transform(chunk: string): string | null {
    const text = this.pendingLine + chunk;
    const lastNewline = text.lastIndexOf('\n');
    const complete = text.slice(0, lastNewline + 1);
    const rest = text.slice(lastNewline + 1);
    if (complete) this.translator.push(complete);
    if (isCompleteDataLine(rest)) {
      this.translator.push(`${rest}\n\n`);
      this.pendingLine = '';
    } else {
      this.pendingLine = rest;
    }
    return this.take();
  }

  /** End of the upstream body: whatever the stream still owes (message_delta and message_stop, or an error). */
  end(): string | null {
    if (this.pendingLine) this.translator.push(this.pendingLine);
    this.pendingLine = '';
    this.translator.end();
    return this.take();
  }

  private take(): string | null {
    const out = this.output;
    this.output = '';
    return out === '' ? null : out;
  }
}

/** One chunk through a fresh transformer (the seed plan's helper). */
export function transformStreamChunk(chunk: string): string {
  return new StreamTransformer('openai').transform(chunk) ?? '';
}

function isCompleteDataLine(line: string): boolean {
  const match = /^data:\s?(.*)$/.exec(line.trimEnd());
  if (!match) return false;
  const payload = (match[1] ?? '').trim();
  if (payload === '[DONE]') return true;
  try {
    JSON.parse(payload);
    return true;
  } catch {
    return false;
  }
}
