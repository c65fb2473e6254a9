// Where one WebSearch goes (docs/decisions.md "WebSearch"):
// 1. `models.search`, when set: `claude` / `claude/<id>`, or a model whose provider can search;
// 2. else the route's own model, when it can search itself (OpenRouter web plugin, Gemini grounding,
//    an OpenAI search model, a Perplexity-style model) — a Claude route stays on Claude;
// 3. else Claude, when the request carries the user's Claude credentials;
// 4. else OpenAI's search model on an `openai` route;
// 5. else nowhere: a clear tool error.
import { isClaudeModel, pinnedClaudeModel } from '../../model-id.js';
import type { RouteTarget, RouteTargets } from '../route-targets.js';
import { isOpenAI, OPENAI_SEARCH_MODEL, searchKindOf, type SearchKind } from './search-capability.js';

export type SearchRoute =
  | { kind: 'provider'; target: Extract<RouteTarget, { kind: 'translated' }>; search: SearchKind }
  /** `model`: the Claude id of a `claude/<id>` pin. */
  | { kind: 'claude'; model?: string }
  | { kind: 'unavailable'; message: string };

export interface SearchRouteInput {
  /** The model the request was routed to. */
  routeModel: string;
  /** `models.search`, when set. */
  pinned?: string;
  /** The request carries the user's own Claude credentials. */
  claude: boolean;
  targets: RouteTargets;
}

const HOW_TO =
  'set models.search to claude (with ANTHROPIC_API_KEY or `claude /login`) or to a model that searches, e.g. openrouter/perplexity/sonar or gemini/gemini-2.5-flash';

export async function chooseSearchRoute(input: SearchRouteInput): Promise<SearchRoute> {
  if (input.pinned && input.pinned !== 'default') return pinnedRoute(input.pinned, input);
  const target = await input.targets.resolve(input.routeModel).catch(() => undefined);
  if (target?.kind === 'claude' && input.claude) return { kind: 'claude', ...(target.claudeModel ? { model: target.claudeModel } : {}) };
  const own = target ? searchKindOf(target) : undefined;
  if (target?.kind === 'translated' && own) return { kind: 'provider', target, search: own };
  if (input.claude) return { kind: 'claude' };
  if (target && isOpenAI(target)) {
    const searchModel = await input.targets.resolve(OPENAI_SEARCH_MODEL).catch(() => undefined);
    if (searchModel?.kind === 'translated') return { kind: 'provider', target: searchModel, search: 'openai-search-model' };
  }
  return { kind: 'unavailable', message: `oss: WebSearch needs Claude or a model with its own web search, and ${input.routeModel} has neither: ${HOW_TO}` };
}

async function pinnedRoute(pinned: string, input: SearchRouteInput): Promise<SearchRoute> {
  if (isClaudeModel(pinned)) {
    if (!input.claude) {
      return { kind: 'unavailable', message: `oss: models.search is ${pinned}, but Claude Code sent no Claude credentials: set ANTHROPIC_API_KEY or run \`claude /login\`, or set models.search to a model that searches` };
    }
    const model = pinnedClaudeModel(pinned);
    return { kind: 'claude', ...(model !== undefined ? { model } : {}) };
  }
  const target = await input.targets.resolve(pinned).catch(() => undefined);
  const search = target ? searchKindOf(target) : undefined;
  if (target?.kind === 'translated' && search) return { kind: 'provider', target, search };
  return { kind: 'unavailable', message: `oss: models.search is ${pinned}, which cannot search the web: ${HOW_TO}` };
}
