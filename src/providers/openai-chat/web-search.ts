// A web search on an OpenAI-compatible provider's own search, as pure functions: the request, and the
// answer read back into titles, URLs and text. Three kinds of provider search speak this format:
// - OpenRouter's web plugin (`plugins: [{id: "web"}]`; the same as a `:online` model), which returns the
//   pages as `url_citation` annotations and prices them at $4 per 1000 results (max_results 5 by default);
// - OpenAI's search models (`gpt-4o-search-preview`, `gpt-4o-mini-search-preview`, …) with
//   `web_search_options`, which also return `url_citation` annotations;
// - Perplexity-style models (`sonar…`) that always search and list the pages in `search_results`
//   (`{title, url, date}`) and `citations` (URLs only).
import type { TargetModel } from '../common/target.js';
import { uniqueResults, type WebSearchAnswer, type WebSearchResult } from '../common/web-search-answer.js';
import { convertOpenAIUsage, hasUsage } from './convert-usage.js';
import type { OpenAIUsage } from './openai-chat-api.js';

export type OpenAISearchKind = 'openrouter-plugin' | 'openai-search-model' | 'always-searches';

export interface OpenAISearchInput {
  query: string;
  allowedDomains?: string[];
  blockedDomains?: string[];
}

/** Results OpenRouter's web plugin fetches per search (its default); each one is priced. */
export const OPENROUTER_WEB_RESULTS = 5;

const SYSTEM =
  'You run a web search for another model, which is waiting on the result. Search once, then reply with a brief summary of what the results say.';
const SEARCH_MAX_TOKENS = 4096;

export function openAIWebSearchBody(input: OpenAISearchInput, target: TargetModel, kind: OpenAISearchKind): Record<string, unknown> {
  const maxTokens = Math.min(SEARCH_MAX_TOKENS, target.maxOutputTokens ?? SEARCH_MAX_TOKENS);
  const body: Record<string, unknown> = {
    model: target.upstreamModel,
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: input.query },
    ],
    stream: false,
  };
  if (kind === 'openai-search-model') {
    // Search models take no sampling parameters and want max_completion_tokens.
    body.web_search_options = {};
    body.max_completion_tokens = maxTokens;
    return body;
  }
  body.max_tokens = maxTokens;
  if (kind === 'openrouter-plugin') {
    body.plugins = [
      {
        id: 'web',
        max_results: OPENROUTER_WEB_RESULTS,
        ...(input.allowedDomains ? { include_domains: input.allowedDomains } : {}),
        ...(input.blockedDomains ? { exclude_domains: input.blockedDomains } : {}),
      },
    ];
    body.usage = { include: true };
  }
  return body;
}

interface UrlCitation {
  type?: string;
  url_citation?: { url?: unknown; title?: unknown };
}

interface SearchResponse {
  choices?: Array<{ message?: { content?: unknown; annotations?: UrlCitation[] | null } }>;
  /** Perplexity. */
  search_results?: Array<{ title?: unknown; url?: unknown; date?: unknown }> | null;
  /** Perplexity (older): URLs only. */
  citations?: unknown[] | null;
  usage?: OpenAIUsage | null;
}

export function openAIWebSearchAnswer(response: unknown): WebSearchAnswer {
  const body = (response ?? {}) as SearchResponse;
  const message = body.choices?.[0]?.message;
  const results: WebSearchResult[] = [];
  for (const annotation of message?.annotations ?? []) {
    const citation = annotation?.type === 'url_citation' ? annotation.url_citation : undefined;
    if (typeof citation?.url === 'string') results.push({ url: citation.url, title: typeof citation.title === 'string' ? citation.title : '' });
  }
  for (const found of body.search_results ?? []) {
    if (typeof found?.url !== 'string') continue;
    results.push({
      url: found.url,
      title: typeof found.title === 'string' ? found.title : '',
      ...(typeof found.date === 'string' && found.date ? { pageAge: found.date } : {}),
    });
  }
  for (const url of body.citations ?? []) if (typeof url === 'string') results.push({ url, title: '' });
  return {
    text: typeof message?.content === 'string' ? message.content : '',
    results: uniqueResults(results),
    usage: hasUsage(body.usage) ? convertOpenAIUsage(body.usage) : { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
  };
}
