// A message's or delta's `content` → text and thinking pieces. Most servers send a string; Mistral's native
// API (Magistral) sends an array of parts: `{type:"text",text}` and `{type:"thinking",thinking:[{type:"text",
// text}]}` (its `thinking` may also be a plain string). Unknown part types are skipped, never stringified.
import type { OpenAIContent } from './openai-chat-api.js';

export interface ContentPiece {
  kind: 'text' | 'thinking';
  text: string;
}

export function contentPieces(content: OpenAIContent | null | undefined): ContentPiece[] {
  if (typeof content === 'string') return content ? [{ kind: 'text', text: content }] : [];
  if (!Array.isArray(content)) return [];
  const pieces: ContentPiece[] = [];
  for (const part of content) {
    if (!part || typeof part !== 'object') continue;
    if (part.type === 'text' && typeof part.text === 'string' && part.text) pieces.push({ kind: 'text', text: part.text });
    if (part.type === 'thinking') {
      const text = typeof part.thinking === 'string' ? part.thinking : (part.thinking ?? []).map((inner) => (typeof inner?.text === 'string' ? inner.text : '')).join('');
      if (text) pieces.push({ kind: 'thinking', text });
    }
  }
  return pieces;
}
