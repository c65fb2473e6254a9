// A request that carries only Anthropic server tools (Claude Code's WebSearch sub-request): routed on
// purpose instead of reaching a provider with its tools silently dropped. A web search goes where
// choose-search-route.ts says and comes back in Anthropic's blocks; any other server tool runs only on
// Claude. What cannot run (or fails) gets a 400 whose message Claude Code shows as the tool's error
// ("API Error: 400 oss: WebSearch needs…", is_error: true; it does not retry or strip features for it).
import { claudeModelFor } from '../../providers/anthropic/pass-through.js';
import type { WebSearchAnswer } from '../../providers/common/web-search-answer.js';
import type { TranslatedUsage } from '../../providers/common/upstream-usage.js';
import { geminiWebSearch } from '../../providers/gemini/web-search-adapter.js';
import { openAIWebSearch } from '../../providers/openai-chat/web-search-adapter.js';
import { OPENROUTER_WEB_RESULTS } from '../../providers/openai-chat/web-search.js';
import { anthropicSearchFee, openRouterWebFee } from '../../usage/search-fees.js';
import { asProviderError, proxyError, writeErrorReply } from '../anthropic-error-reply.js';
import { passThroughCall, type MessageExchange } from '../message-exchange.js';
import { relayPassThrough } from '../relay-pass-through.js';
import { selectRoute } from '../select-route.js';
import { usageEvent, type RequestRecord } from '../usage-reporting.js';
import { chooseSearchRoute, type SearchRoute } from './choose-search-route.js';
import { carriesClaudeCredentials } from './claude-credentials.js';
import { searchReplyBlocks, writeSearchReply } from './search-reply.js';
import { serverToolsIn, webSearchRequestOf, type WebSearchRequest } from './server-tool-request.js';

type ProviderRoute = Extract<SearchRoute, { kind: 'provider' }>;

/** True when the request was a server-tool request and has been answered here. */
export async function handleServerTool(exchange: MessageExchange): Promise<boolean> {
  const server = serverToolsIn(exchange.body);
  const tools = Array.isArray(exchange.body.tools) ? exchange.body.tools : [];
  if (server.length === 0 || server.length !== tools.length) return false;
  const run = new ServerToolRun(exchange);
  const search = webSearchRequestOf(exchange.body);
  if (search) await run.webSearch(search);
  else await run.claudeOnly(server.map((tool) => String(tool.type)));
  return true;
}

class ServerToolRun {
  private readonly at = Date.now();
  private readonly prompt: string;
  private readonly routeModel: string;
  private readonly claude: boolean;

  constructor(private readonly exchange: MessageExchange) {
    const { ctx, incoming, body } = exchange;
    const route = selectRoute(body, incoming.headers, ctx.plan, ctx.knownModels);
    this.prompt = route.prompt;
    this.routeModel = route.model;
    this.claude = carriesClaudeCredentials(incoming.headers, ctx.secret);
  }

  async webSearch(search: WebSearchRequest): Promise<void> {
    const route = await chooseSearchRoute({ routeModel: this.routeModel, pinned: this.exchange.ctx.plan.search?.model, claude: this.claude, targets: this.exchange.ctx.targets });
    if (route.kind === 'unavailable') return writeErrorReply(this.exchange.res, proxyError(400, 'invalid_request_error', route.message));
    if (route.kind === 'claude') return this.viaClaude(route.model, false);
    try {
      await this.viaProvider(route, search);
    } catch (caught) {
      const error = asProviderError(caught);
      if (this.exchange.res.headersSent || this.exchange.signal.aborted) return;
      if (this.claude && this.exchange.ctx.plan.fallback) {
        this.exchange.ctx.onFallback?.(`oss: WebSearch through ${route.target.model} failed (${error.message.split('\n', 1)[0]}): falling back to Claude`);
        return this.viaClaude(undefined, true);
      }
      // Always a 400: Claude Code shows it as the tool's error and neither retries nor treats it as its own
      // login failing (a provider's 401 must not look like the user's Claude credentials being rejected).
      writeErrorReply(this.exchange.res, proxyError(400, 'invalid_request_error', `oss: WebSearch through ${route.target.model} failed: ${error.message}`));
      this.report({ model: route.target.model, provider: route.target.provider }, undefined, false, undefined);
    }
  }

  /** A server tool other than web search: only Claude runs it. */
  async claudeOnly(types: string[]): Promise<void> {
    if (this.claude) return this.viaClaude(undefined, false);
    writeErrorReply(this.exchange.res, proxyError(400, 'invalid_request_error', `oss: the server tool ${types.join(', ')} runs only on Claude, and Claude Code sent no Claude credentials: set ANTHROPIC_API_KEY or run \`claude /login\``));
  }

  private async viaProvider(route: ProviderRoute, search: WebSearchRequest): Promise<void> {
    const { target } = route;
    if (target.keyError) throw target.keyError;
    const call = { ...search, target: target.target, endpoint: target.endpoint, signal: this.exchange.signal, dispatcher: this.exchange.ctx.dispatcher };
    const answer: WebSearchAnswer = route.search === 'gemini-grounding' ? await geminiWebSearch(call) : await openAIWebSearch(call, route.search);
    const { provider_cost_usd: _cost, web_search_requests: _searches, ...usage } = answer.usage;
    writeSearchReply(this.exchange.res, { model: target.model, blocks: searchReplyBlocks(search.query, answer), usage, stream: this.exchange.body.stream === true });
    // OpenRouter's own cost figure includes its plugin fee; without it, the published per-result price.
    const fee = route.search === 'openrouter-plugin' && answer.usage.provider_cost_usd === undefined ? openRouterWebFee(Math.min(answer.results.length, OPENROUTER_WEB_RESULTS)) : undefined;
    this.report({ model: target.model, provider: target.provider }, answer.usage, true, fee);
  }

  private async viaClaude(model: string | undefined, fallback: boolean): Promise<void> {
    const record = { model: `claude/${claudeModelFor(this.exchange.body.model, model)}`, provider: 'claude' };
    try {
      const to = { kind: 'claude' as const, baseUrl: this.exchange.ctx.claudeBaseUrl, ...(model ? { model } : {}) };
      const relayed = await relayPassThrough(passThroughCall(this.exchange, to), this.exchange.res);
      this.report(record, relayed.usage, relayed.ok, anthropicSearchFee(relayed.usage.web_search_requests ?? 0), fallback);
    } catch (caught) {
      if (!this.exchange.res.headersSent) writeErrorReply(this.exchange.res, asProviderError(caught));
      this.report(record, undefined, false, undefined, fallback);
    }
  }

  private report(who: Pick<RequestRecord, 'model' | 'provider'>, usage: TranslatedUsage | undefined, ok: boolean, fee: number | undefined, fallback = false): void {
    const record: RequestRecord = { prompt: this.prompt, at: this.at, ...who };
    const event = usageEvent(record, { ok, usage, fallback, ...(ok ? { firstByteAt: Date.now() } : {}) });
    const searches = usage?.web_search_requests ?? (ok && who.provider !== 'claude' ? 1 : 0);
    if (searches > 0) event.web_search_requests = searches;
    if (fee !== undefined && fee > 0) event.search_fee_usd = fee;
    this.exchange.ctx.onUsage?.(event);
  }
}
