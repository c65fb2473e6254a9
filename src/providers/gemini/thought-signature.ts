// Gemini `thoughtSignature`s round-trip through Claude Code itself, so a fresh proxy (`claude --resume`, a new
// run) can replay them with no server-side store. Claude Code echoes two things byte-for-byte: tool_use ids (in
// the assistant history and in tool_result.tool_use_id) and thinking-block signatures. The encodings:
//
// 1. Signature on a functionCall part → inside the tool_use id:
//      toolu_oss_g<12 random [A-Za-z0-9]>_<base64url(signature bytes), unpadded>
//    Only [A-Za-z0-9_-], the alphabet Anthropic allows for ids, so the history stays valid if the session later
//    moves to Claude. A call without a signature (the 2nd..nth parallel call) gets a plain `toolu_oss_…` id and
//    is replayed without one: signatures are never invented.
// 2. Signature on a text or thought part → the signature of a thinking block:
//      oss1.gemini.<kind>.<signature as received>
//    kind `text`: it belonged to the text part that follows the thinking block (re-attached to that part);
//    kind `part`: it stood on its own (a trailing empty text part, or a thought part whose text is dropped) and is
//    replayed as `{text: "", thoughtSignature}` at the same position.
//    The `oss1.` prefix marks the block as made by oss, so Claude pass-through strips it (anthropic-stream-writer).
import { SYNTHETIC_SIGNATURE_PREFIX, newToolUseId } from '../common/anthropic-stream-writer.js';

const TOOL_ID_PREFIX = 'toolu_oss_g';
const TOOL_ID_PATTERN = /^toolu_oss_g[A-Za-z0-9]{12}_([A-Za-z0-9_-]+)$/;
const TEXT_SIGNATURE_PREFIX = `${SYNTHETIC_SIGNATURE_PREFIX}gemini.`;

/** Gemini 3 accepts this in place of a signature on model turns that never had one (another model's turns). */
export const SKIP_SIGNATURE_SENTINEL = 'skip_thought_signature_validator';

export type TextSignatureKind = 'text' | 'part';

/** The tool_use id for a Gemini function call, carrying its signature when it had one. */
export function toolUseIdFor(signature: string | undefined): string {
  if (!signature) return newToolUseId();
  const random = newToolUseId().slice(-12);
  return `${TOOL_ID_PREFIX}${random}_${Buffer.from(signature, 'base64').toString('base64url')}`;
}

/** The signature carried by a tool_use id, re-encoded as standard base64 (the form Gemini sends). */
export function signatureFromToolUseId(id: string): string | undefined {
  const match = TOOL_ID_PATTERN.exec(id);
  if (!match?.[1]) return undefined;
  return Buffer.from(match[1], 'base64url').toString('base64');
}

export function encodeTextSignature(signature: string, kind: TextSignatureKind): string {
  return `${TEXT_SIGNATURE_PREFIX}${kind}.${signature}`;
}

export function decodeTextSignature(signature: unknown): { kind: TextSignatureKind; signature: string } | undefined {
  if (typeof signature !== 'string' || !signature.startsWith(TEXT_SIGNATURE_PREFIX)) return undefined;
  const rest = signature.slice(TEXT_SIGNATURE_PREFIX.length);
  const dot = rest.indexOf('.');
  const kind = rest.slice(0, dot);
  const value = rest.slice(dot + 1);
  if ((kind !== 'text' && kind !== 'part') || !value) return undefined;
  return { kind, signature: value };
}
