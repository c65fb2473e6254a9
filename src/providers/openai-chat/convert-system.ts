// Anthropic system text (top-level `system`, or a `role:"system"` message) → OpenAI system content.
// The `x-anthropic-billing-header` block Claude Code puts first is dropped: it carries per-request hashes
// that mean nothing upstream and would break the upstream's prefix caching (edge case 32).
import type { AnthropicBlockLike } from './anthropic-input.js';
import { isCacheControl } from './convert-user-content.js';
import type { OpenAITextPart } from './openai-chat-api.js';

const BILLING_HEADER = 'x-anthropic-billing-header:';

export function systemBlocks(system: string | AnthropicBlockLike[] | undefined): AnthropicBlockLike[] {
  if (system === undefined) return [];
  const blocks = typeof system === 'string' ? [{ type: 'text', text: system }] : system;
  return blocks.filter((b) => b.type === 'text' && typeof b.text === 'string' && b.text !== '' && !b.text.startsWith(BILLING_HEADER));
}

/** Joined text, or text parts keeping `cache_control` when the target applies it (OpenRouter). */
export function systemContent(blocks: AnthropicBlockLike[], keepCacheControl: boolean): string | OpenAITextPart[] {
  if (keepCacheControl && blocks.some((b) => isCacheControl(b.cache_control))) {
    return blocks.map((b) => (isCacheControl(b.cache_control) ? { type: 'text', text: b.text ?? '', cache_control: b.cache_control } : { type: 'text', text: b.text ?? '' }));
  }
  return blocks.map((b) => b.text ?? '').join('\n\n');
}
