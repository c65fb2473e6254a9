// The reasoning text of a delta or message, whatever the server calls it (edge case 26): DeepSeek and xAI
// `reasoning_content`, OpenRouter/Ollama/Groq `reasoning`, or only OpenRouter's `reasoning_details`
// text/summary items when `reasoning` is null.
import type { ReasoningDetail } from './openai-chat-api.js';

export function reasoningTextOf(source: {
  reasoning_content?: string | null;
  reasoning?: string | null;
  reasoning_details?: ReasoningDetail[] | null;
}): string {
  if (typeof source.reasoning_content === 'string' && source.reasoning_content) return source.reasoning_content;
  if (typeof source.reasoning === 'string' && source.reasoning) return source.reasoning;
  return (source.reasoning_details ?? [])
    .map((d) => (d.type === 'reasoning.text' && typeof d.text === 'string' ? d.text : d.type === 'reasoning.summary' && typeof d.summary === 'string' ? d.summary : ''))
    .join('');
}
