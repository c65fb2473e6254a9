// OpenAI usage → Anthropic usage (wire-reference.md §7.5; edge case 57). OpenAI's `prompt_tokens` counts
// cached (and, at OpenRouter, cache-written) tokens; Anthropic's `input_tokens` excludes both, so
// input + cache_read + cache_creation adds back up to the prompt. Output includes reasoning tokens: most servers
// count them inside completion_tokens, but some (xAI) report them beside it (total = prompt + completion +
// reasoning), and those are added, or the output and its cost would be undercounted.
import type { TranslatedUsage } from '../common/upstream-usage.js';
import type { OpenAIUsage } from './openai-chat-api.js';

export function convertOpenAIUsage(usage: OpenAIUsage): TranslatedUsage {
  const prompt = count(usage.prompt_tokens);
  const cached = count(usage.prompt_tokens_details?.cached_tokens) || count(usage.prompt_cache_hit_tokens);
  const written = count(usage.prompt_tokens_details?.cache_write_tokens);
  const translated: TranslatedUsage = {
    input_tokens: Math.max(0, prompt - cached - written),
    output_tokens: count(usage.completion_tokens) + reasoningOutsideCompletion(usage),
    cache_read_input_tokens: cached,
    cache_creation_input_tokens: written,
  };
  if (typeof usage.cost === 'number' && Number.isFinite(usage.cost)) translated.provider_cost_usd = usage.cost;
  return translated;
}

/** Reasoning tokens the server left out of completion_tokens, told by a total that only adds up with them. */
function reasoningOutsideCompletion(usage: OpenAIUsage): number {
  const reasoning = count(usage.completion_tokens_details?.reasoning_tokens);
  if (reasoning === 0) return 0;
  return count(usage.total_tokens) === count(usage.prompt_tokens) + count(usage.completion_tokens) + reasoning ? reasoning : 0;
}

/** Whether a chunk's `usage` carries numbers (OpenAI sends `usage: null` on every chunk but the last). */
export function hasUsage(usage: OpenAIUsage | null | undefined): usage is OpenAIUsage {
  return !!usage && typeof usage === 'object' && (typeof usage.prompt_tokens === 'number' || typeof usage.completion_tokens === 'number');
}

function count(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}
