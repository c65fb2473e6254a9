// What a provider's own web search gives back, whatever its wire format: the pages it found and the text
// it wrote from them. The proxy turns this into the `server_tool_use` + `web_search_tool_result` + text
// blocks Claude Code expects from Anthropic's search.
import type { Dispatcher } from 'undici';
import type { UpstreamEndpoint } from './provider-adapter.js';
import type { TargetModel } from './target.js';
import type { TranslatedUsage } from './upstream-usage.js';

export interface WebSearchResult {
  title: string;
  url: string;
  /** How old the page is, as the provider says it (Perplexity's `date`), when known. */
  pageAge?: string;
}

export interface WebSearchAnswer {
  text: string;
  results: WebSearchResult[];
  usage: TranslatedUsage;
}

/** Results with the same URL once, in first-seen order; a missing title becomes the URL. */
export function uniqueResults(results: WebSearchResult[]): WebSearchResult[] {
  const seen = new Set<string>();
  const out: WebSearchResult[] = [];
  for (const result of results) {
    if (!result.url || seen.has(result.url)) continue;
    seen.add(result.url);
    out.push({ ...result, title: result.title || result.url });
  }
  return out;
}

/** What a provider's search adapter needs: the search, the model and provider, and the proxy's pool. */
export interface WebSearchCall {
  query: string;
  allowedDomains?: string[];
  blockedDomains?: string[];
  target: TargetModel;
  endpoint: UpstreamEndpoint;
  signal: AbortSignal;
  dispatcher: Dispatcher;
}
