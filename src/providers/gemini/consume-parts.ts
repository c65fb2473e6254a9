// Gemini response parts → Anthropic content blocks, fed to a block sink: the stream writer when streaming, a
// message builder otherwise, so both paths translate parts identically (edge cases 21–25, 29, 30).
// - thought:true text → thinking; other text → text (empty text ignored);
// - functionCall → tool_use with a synthesised id that carries the call's thoughtSignature (thought-signature.ts);
// - Vertex partial arguments (`willContinue`, `partialArgs` with json paths, empty `functionCall:{}` terminators)
//   are rebuilt per call (up to 16 MB of streamed strings) and emitted whole; an empty functionCall never
//   becomes a tool_use;
// - a signature on a text or thought part becomes a thinking block's signature, marked with where it came from.
import type { ToolNameMap } from '../common/tool-names.js';
import { MB, UpstreamTooLargeError } from '../common/upstream-too-large.js';
import type { GeminiFunctionCall, GeminiPart, GeminiPartialArg } from './gemini-api.js';
import { encodeTextSignature, toolUseIdFor, type TextSignatureKind } from './thought-signature.js';

/** The subset of AnthropicStreamWriter the translation drives. */
export interface BlockSink {
  text(delta: string): void;
  thinking(delta: string): void;
  signature(signature: string): void;
  toolUse(id: string, name: string): void;
  toolInput(fragment: string): void;
  closeBlock(): void;
}

interface PendingCall {
  name: string;
  signature?: string;
  args: Record<string, unknown>;
  /** Characters of streamed string values held so far. */
  chars: number;
}

/** One call's arguments rebuilt from partial strings are held up to this many characters. */
const MAX_PENDING_ARGUMENT_CHARS = 16 * MB;

export class GeminiPartConsumer {
  private pending: PendingCall | undefined;
  /** A thinking block is open and already has its signature (a second one needs a block of its own). */
  private thinkingOpen: 'unsigned' | 'signed' | undefined;
  private calls = 0;

  constructor(
    private readonly sink: BlockSink,
    private readonly toolNames: ToolNameMap,
  ) {}

  get toolUseCount(): number {
    return this.calls;
  }

  consume(parts: readonly GeminiPart[] | undefined): void {
    for (const part of parts ?? []) {
      if (part.functionCall) this.call(part.functionCall, part.thoughtSignature);
      else if (part.thought) this.thought(part);
      else if (part.text !== undefined || part.thoughtSignature) this.text(part);
    }
  }

  /** Emit a partial call still being assembled (end of response) and close the open block. */
  finish(): void {
    this.flushPending();
    this.closeBlock();
  }

  closeBlock(): void {
    this.sink.closeBlock();
    this.thinkingOpen = undefined;
  }

  private thought(part: GeminiPart): void {
    if (part.text) {
      if (this.thinkingOpen === 'signed') this.closeBlock();
      this.sink.thinking(part.text);
      this.thinkingOpen ??= 'unsigned';
    }
    if (part.thoughtSignature) this.signature(part.thoughtSignature, 'part');
  }

  private text(part: GeminiPart): void {
    if (part.thoughtSignature) this.signature(part.thoughtSignature, part.text ? 'text' : 'part');
    if (part.text) {
      this.sink.text(part.text);
      this.thinkingOpen = undefined;
    }
  }

  private signature(signature: string, kind: TextSignatureKind): void {
    if (this.thinkingOpen !== 'unsigned') this.closeBlock();
    this.sink.signature(encodeTextSignature(signature, kind));
    this.thinkingOpen = 'signed';
  }

  private call(call: GeminiFunctionCall, signature: string | undefined): void {
    const partial = call.willContinue === true || call.partialArgs !== undefined;
    if (call.name) {
      this.flushPending();
      if (!partial) {
        this.emitCall(call.name, signature, call.args ?? {});
        return;
      }
      this.pending = { name: call.name, signature, args: { ...(call.args ?? {}) }, chars: 0 };
    }
    if (!this.pending) return;
    this.pending.signature ??= signature;
    for (const arg of call.partialArgs ?? []) {
      this.pending.chars += arg.stringValue?.length ?? 0;
      if (this.pending.chars > MAX_PENDING_ARGUMENT_CHARS) {
        throw new UpstreamTooLargeError(`tool call arguments larger than ${MAX_PENDING_ARGUMENT_CHARS / MB} MB`);
      }
      applyPartialArg(this.pending.args, arg);
    }
    if (call.willContinue !== true) this.flushPending();
  }

  private flushPending(): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) this.emitCall(pending.name, pending.signature, pending.args);
  }

  private emitCall(upstreamName: string, signature: string | undefined, args: Record<string, unknown>): void {
    this.sink.toolUse(toolUseIdFor(signature), this.toolNames.fromUpstream(upstreamName));
    this.sink.toolInput(JSON.stringify(args));
    this.thinkingOpen = undefined;
    this.calls += 1;
  }
}

/** Set (numbers, booleans, null) or append (streamed strings) the value a partialArgs entry names. */
function applyPartialArg(args: Record<string, unknown>, arg: GeminiPartialArg): void {
  const path = parseJsonPath(arg.jsonPath);
  if (path.length === 0) return;
  let container: Record<string | number, unknown> = args;
  path.slice(0, -1).forEach((key, index) => {
    const next = container[key];
    if (typeof next !== 'object' || next === null) container[key] = typeof path[index + 1] === 'number' ? [] : {};
    container = container[key] as Record<string | number, unknown>;
  });
  const last = path[path.length - 1] as string | number;
  if (arg.stringValue !== undefined) {
    const existing = container[last];
    container[last] = typeof existing === 'string' ? existing + arg.stringValue : arg.stringValue;
  } else if (arg.numberValue !== undefined) container[last] = arg.numberValue;
  else if (arg.boolValue !== undefined) container[last] = arg.boolValue;
  else if ('nullValue' in arg) container[last] = null;
}

/** `$.a.b[0]['c d']` → ['a', 'b', 0, 'c d']. */
function parseJsonPath(jsonPath: string): Array<string | number> {
  const keys: Array<string | number> = [];
  const pattern = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/g;
  for (const match of jsonPath.replace(/^\$/, '').matchAll(pattern)) {
    if (match[2] !== undefined) keys.push(Number(match[2]));
    else keys.push((match[1] ?? match[3] ?? match[4]) as string);
  }
  return keys;
}
