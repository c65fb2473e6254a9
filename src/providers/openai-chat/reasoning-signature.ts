// OpenRouter's `reasoning_details` must be sent back on later turns to keep the model's reasoning
// (wire-reference.md §2.4). oss keeps no server state, so the details ride inside the thinking block's
// `signature`, which Claude Code echoes verbatim. The prefix marks the signature as oss-made, so Claude
// pass-through strips such blocks (edge case 28).
import { SYNTHETIC_SIGNATURE_PREFIX } from '../common/anthropic-stream-writer.js';
import type { ReasoningDetail } from './openai-chat-api.js';

const DETAILS_PREFIX = `${SYNTHETIC_SIGNATURE_PREFIX}or.`;

export function encodeReasoningDetails(details: ReasoningDetail[]): string {
  return DETAILS_PREFIX + Buffer.from(JSON.stringify(details), 'utf8').toString('base64url');
}

/** The details carried by a signature made by encodeReasoningDetails, else undefined. */
export function decodeReasoningDetails(signature: string | undefined): ReasoningDetail[] | undefined {
  if (!signature?.startsWith(DETAILS_PREFIX)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(signature.slice(DETAILS_PREFIX.length), 'base64url').toString('utf8'));
    return Array.isArray(parsed) ? (parsed as ReasoningDetail[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Merge streamed `reasoning_details` fragments: items with the same `index` and `type` are one detail whose
 * `text`/`summary`/`data` arrive in pieces; `signature` and other fields take the last non-empty value.
 */
export function mergeReasoningDetails(into: ReasoningDetail[], fragments: ReasoningDetail[]): void {
  for (const fragment of fragments) {
    const existing = into.find((d) => d.index === fragment.index && d.type === fragment.type);
    if (!existing) {
      into.push({ ...fragment });
      continue;
    }
    for (const [key, value] of Object.entries(fragment)) {
      if (value === null || value === undefined || value === '') continue;
      if ((key === 'text' || key === 'summary' || key === 'data') && typeof value === 'string') {
        existing[key] = `${typeof existing[key] === 'string' ? existing[key] : ''}${value}`;
      } else {
        existing[key] = value;
      }
    }
  }
}
