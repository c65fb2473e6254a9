// A web search on Gemini's own search, as pure functions: a `generateContent` request with the
// `google_search` tool (grounding with Google Search), and the answer read back from the candidate's
// `groundingMetadata`: `groundingChunks[].web.{uri, title}` are the pages, the parts' text is the summary.
import type { TargetModel } from '../common/target.js';
import { uniqueResults, type WebSearchAnswer } from '../common/web-search-answer.js';
import { convertGeminiUsage } from './convert-usage.js';
import type { GeminiResponse } from './gemini-api.js';

const SYSTEM =
  'You run a web search for another model, which is waiting on the result. Search once, then reply with a brief summary of what the results say.';
const SEARCH_MAX_TOKENS = 4096;

export function geminiWebSearchBody(query: string, target: TargetModel): Record<string, unknown> {
  return {
    systemInstruction: { parts: [{ text: SYSTEM }] },
    contents: [{ role: 'user', parts: [{ text: query }] }],
    tools: [{ google_search: {} }],
    generationConfig: { maxOutputTokens: Math.min(SEARCH_MAX_TOKENS, target.maxOutputTokens ?? SEARCH_MAX_TOKENS) },
  };
}

interface GroundedCandidate {
  content?: { parts?: Array<{ text?: unknown; thought?: unknown }> };
  groundingMetadata?: { groundingChunks?: Array<{ web?: { uri?: unknown; title?: unknown } }> };
}

export function geminiWebSearchAnswer(response: unknown): WebSearchAnswer {
  const body = (response ?? {}) as GeminiResponse & { candidates?: GroundedCandidate[] };
  const candidate = body.candidates?.[0];
  const text = (candidate?.content?.parts ?? [])
    .flatMap((part) => (typeof part.text === 'string' && part.thought !== true ? [part.text] : []))
    .join('');
  const results = (candidate?.groundingMetadata?.groundingChunks ?? []).flatMap((chunk) =>
    typeof chunk.web?.uri === 'string' ? [{ url: chunk.web.uri, title: typeof chunk.web.title === 'string' ? chunk.web.title : '' }] : [],
  );
  const { provider_cost_usd: _none, ...usage } = convertGeminiUsage(body.usageMetadata);
  return { text, results: uniqueResults(results), usage };
}
