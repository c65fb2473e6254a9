// The one place that produces Anthropic stream events. Every translator drives this small state machine,
// so the ordering rules Claude Code enforces (reference: claude-code-behavior.md §6) hold by construction:
// message_start first; each block opens empty, gets deltas, and is closed before the next opens; indices
// increase strictly; tool input arrives only as input_json_delta; thinking blocks end with a signature;
// message_delta carries the stop reason and the final usage; nothing follows message_stop or an error.
import type { AnthropicStopReason } from './anthropic-types.js';
import { redact } from '../../redact.js';

/** Prefix of signatures made by oss (not by Anthropic): such thinking blocks are stripped before Claude. */
export const SYNTHETIC_SIGNATURE_PREFIX = 'oss1.';

export interface StreamUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
}

/** An event as oss sends it on the wire (a subset of what the SDK's types allow, plus `ping` and `error`). */
export type WireEvent =
  | { type: 'message_start'; message: Record<string, unknown> }
  | { type: 'content_block_start'; index: number; content_block: Record<string, unknown> }
  | { type: 'content_block_delta'; index: number; delta: WireDelta }
  | { type: 'content_block_stop'; index: number }
  | { type: 'message_delta'; delta: { stop_reason: AnthropicStopReason | null; stop_sequence: string | null }; usage: StreamUsage }
  | { type: 'message_stop' }
  | { type: 'ping' }
  | { type: 'error'; error: { type: string; message: string } };

export type WireDelta =
  | { type: 'text_delta'; text: string }
  | { type: 'thinking_delta'; thinking: string }
  | { type: 'signature_delta'; signature: string }
  | { type: 'input_json_delta'; partial_json: string };

type OpenBlock = 'text' | 'thinking' | 'tool_use';

export interface StreamWriterOptions {
  /** Model name reported to Claude Code (the oss id it asked for). */
  model: string;
  /** Input-token estimate for message_start; the real figure follows in message_delta. */
  inputTokenEstimate: number;
  messageId?: string;
}

export class AnthropicStreamWriter {
  private started = false;
  private ended = false;
  private open: OpenBlock | null = null;
  private nextIndex = 0;
  private toolInputSeen = false;
  private thinkingSigned = false;
  private toolUses = 0;
  private blocks = 0;
  /** The usage `finish` reported, with the provider's own cost when it gave one: set before message_stop. */
  private finished: (StreamUsage & { provider_cost_usd?: number }) | undefined;

  constructor(
    private readonly emit: (event: WireEvent) => void,
    private readonly options: StreamWriterOptions,
  ) {}

  /** True once any content block has been opened. */
  get hasContent(): boolean {
    return this.blocks > 0;
  }

  /** Number of tool_use blocks emitted so far. */
  get toolUseCount(): number {
    return this.toolUses;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** What `finish` reported, readable when message_stop is emitted (the proxy prices the answer then). */
  get finalUsage(): (StreamUsage & { provider_cost_usd?: number }) | undefined {
    return this.finished;
  }

  /** Emit message_start (idempotent). Called implicitly by every other method. */
  start(): void {
    if (this.started || this.ended) return;
    this.started = true;
    this.emit({
      type: 'message_start',
      message: {
        id: this.options.messageId ?? newMessageId(),
        type: 'message',
        role: 'assistant',
        model: this.options.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: this.options.inputTokenEstimate,
          output_tokens: 1,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
        },
      },
    });
  }

  ping(): void {
    if (this.ended) return;
    this.start();
    this.emit({ type: 'ping' });
  }

  text(delta: string): void {
    if (!delta || this.ended) return;
    this.ensureOpen('text');
    this.emit({ type: 'content_block_delta', index: this.nextIndex - 1, delta: { type: 'text_delta', text: delta } });
  }

  thinking(delta: string): void {
    if (!delta || this.ended) return;
    this.ensureOpen('thinking');
    this.emit({ type: 'content_block_delta', index: this.nextIndex - 1, delta: { type: 'thinking_delta', thinking: delta } });
  }

  /**
   * Attach a signature to the open thinking block (opening an empty one if needed, e.g. for a
   * Gemini signature that arrived on its own). The signature is opaque to Claude Code and echoed back.
   */
  signature(signature: string): void {
    if (!signature || this.ended) return;
    this.ensureOpen('thinking');
    this.thinkingSigned = true;
    this.emit({ type: 'content_block_delta', index: this.nextIndex - 1, delta: { type: 'signature_delta', signature } });
  }

  /** Open a tool_use block. Its input must follow through toolInput(). */
  toolUse(id: string, name: string): void {
    if (this.ended) return;
    this.closeBlock();
    this.openBlock('tool_use', { type: 'tool_use', id, name, input: {} });
    this.toolUses += 1;
  }

  /** Append a fragment of the open tool_use block's JSON input. */
  toolInput(fragment: string): void {
    if (!fragment || this.ended || this.open !== 'tool_use') return;
    this.toolInputSeen = true;
    this.emit({ type: 'content_block_delta', index: this.nextIndex - 1, delta: { type: 'input_json_delta', partial_json: fragment } });
  }

  /** Close the open block, if any, completing what Claude Code needs (tool input, thinking signature). */
  closeBlock(): void {
    if (this.open === null) return;
    const index = this.nextIndex - 1;
    if (this.open === 'tool_use' && !this.toolInputSeen) {
      this.emit({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: '{}' } });
    }
    if (this.open === 'thinking' && !this.thinkingSigned) {
      this.emit({ type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: syntheticSignature() } });
    }
    this.emit({ type: 'content_block_stop', index });
    this.open = null;
  }

  /** End the message normally: close the open block, then message_delta and message_stop. */
  finish(stopReason: AnthropicStopReason | null, usage: StreamUsage, stopSequence: string | null = null, providerCostUsd?: number): void {
    if (this.ended) return;
    this.finished = providerCostUsd === undefined ? { ...usage } : { ...usage, provider_cost_usd: providerCostUsd };
    this.start();
    this.closeBlock();
    this.emit({
      type: 'message_delta',
      delta: { stop_reason: stopReason, stop_sequence: stopSequence },
      usage,
    });
    this.emit({ type: 'message_stop' });
    this.ended = true;
  }

  /**
   * End the message with an error frame (after HTTP 200 has been sent). The open block is closed first,
   * which keeps the stream well-formed for the client's accumulator; no message_stop follows.
   */
  error(type: string, message: string): void {
    if (this.ended) return;
    this.start();
    this.closeBlock();
    this.emit({ type: 'error', error: { type, message: redact(message) } });
    this.ended = true;
  }

  private ensureOpen(kind: OpenBlock): void {
    if (this.open === kind) return;
    this.closeBlock();
    if (kind === 'text') this.openBlock('text', { type: 'text', text: '' });
    else this.openBlock('thinking', { type: 'thinking', thinking: '', signature: '' });
  }

  private openBlock(kind: OpenBlock, contentBlock: Record<string, unknown>): void {
    this.start();
    this.open = kind;
    this.toolInputSeen = false;
    this.thinkingSigned = false;
    this.blocks += 1;
    this.emit({ type: 'content_block_start', index: this.nextIndex, content_block: contentBlock });
    this.nextIndex += 1;
  }
}

/** `event: <type>\ndata: <json>\n\n`: the only framing Claude Code accepts. */
export function formatSseEvent(event: WireEvent): string {
  if (event.type === 'content_block_delta') return formatDelta(event.index, event.delta);
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * The per-token events, which are almost all of a stream: only the delta's string is encoded, the rest is
 * fixed text (a third of the cost of encoding the whole object). The bytes are exactly JSON.stringify's.
 */
function formatDelta(index: number, delta: WireDelta): string {
  const head = `event: content_block_delta\ndata: {"type":"content_block_delta","index":${index},"delta":{"type":"${delta.type}",`;
  switch (delta.type) {
    case 'text_delta':
      return `${head}"text":${JSON.stringify(delta.text)}}}\n\n`;
    case 'input_json_delta':
      return `${head}"partial_json":${JSON.stringify(delta.partial_json)}}}\n\n`;
    case 'thinking_delta':
      return `${head}"thinking":${JSON.stringify(delta.thinking)}}}\n\n`;
    case 'signature_delta':
      return `${head}"signature":${JSON.stringify(delta.signature)}}}\n\n`;
  }
}

export function newMessageId(): string {
  return `msg_oss_${randomToken(24)}`;
}

export function newToolUseId(): string {
  return `toolu_oss_${randomToken(24)}`;
}

/** A signature oss made itself; marked so Claude pass-through can strip the block. */
export function syntheticSignature(): string {
  return `${SYNTHETIC_SIGNATURE_PREFIX}none`;
}

export function isSyntheticSignature(signature: string | undefined): boolean {
  return typeof signature === 'string' && signature.startsWith(SYNTHETIC_SIGNATURE_PREFIX);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function randomToken(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return out;
}
