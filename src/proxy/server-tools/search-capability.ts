// Which search a route's own provider can run for Claude Code's WebSearch, from what the proxy already knows
// about the route (provider, wire format, base URL, upstream model). `undefined`: the model cannot search.
import type { RouteTarget } from '../route-targets.js';
import type { OpenAISearchKind } from '../../providers/openai-chat/web-search.js';

export type SearchKind = OpenAISearchKind | 'gemini-grounding';

/** OpenAI's own search model, used for an `openai` route whose model cannot search and no Claude is at hand. */
export const OPENAI_SEARCH_MODEL = 'openai/gpt-4o-mini-search-preview';

const ALWAYS_SEARCHES = /(^|\/)(perplexity\/|sonar)|:online$/i;

export function searchKindOf(target: RouteTarget): SearchKind | undefined {
  if (target.kind !== 'translated') return undefined;
  const model = target.target.upstreamModel;
  const baseUrl = target.endpoint.baseUrl;
  if (target.target.type === 'gemini') return 'gemini-grounding';
  if (ALWAYS_SEARCHES.test(model) || /perplexity\.ai/i.test(baseUrl)) return 'always-searches';
  if (target.provider === 'openrouter' || /openrouter\.ai/i.test(baseUrl)) return 'openrouter-plugin';
  if (isOpenAI(target) && /search/i.test(model)) return 'openai-search-model';
  return undefined;
}

/** The built-in OpenAI provider (its search models exist only there, or where OPENAI_BASE_URL points). */
export function isOpenAI(target: RouteTarget): boolean {
  return target.kind === 'translated' && target.provider === 'openai';
}
