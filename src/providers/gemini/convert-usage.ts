// Gemini usageMetadata → Anthropic usage (wire-reference.md §7.5, edge case 57). Anthropic's input_tokens excludes
// cache reads, Gemini's promptTokenCount includes them; output counts thoughts, as Anthropic's includes thinking.
import type { TranslatedUsage } from '../common/upstream-usage.js';
import type { GeminiUsageMetadata } from './gemini-api.js';

export function convertGeminiUsage(usage: GeminiUsageMetadata | undefined): TranslatedUsage {
  const prompt = usage?.promptTokenCount ?? 0;
  const cached = usage?.cachedContentTokenCount ?? 0;
  return {
    // toolUsePromptTokenCount: prompt tokens of built-in tool results, billed as input like the prompt.
    input_tokens: Math.max(0, prompt - cached) + (usage?.toolUsePromptTokenCount ?? 0),
    output_tokens: (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0),
    cache_read_input_tokens: cached,
    cache_creation_input_tokens: 0,
  };
}
