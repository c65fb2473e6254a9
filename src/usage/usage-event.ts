// One proxied request, as the proxy reports it to the usage tracker.

export interface UsageEvent {
  /** Ledger key: the command (`oss:ship`, `adhoc`) or the agent the request was routed for. */
  prompt: string;
  /** oss model id that answered; native Claude (a `claude` route or a fallback) as `claude/<model id>`, so it can be priced. */
  model: string;
  provider: string;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  /** Cost the provider itself reported (OpenRouter `usage.cost`), USD. Wins over registry prices. */
  provider_cost_usd?: number;
  /** Web searches this request ran (Claude Code's WebSearch), when any. */
  web_search_requests?: number;
  /** Fee for those searches on top of tokens, USD, where the price is known (usage/search-fees.ts). */
  search_fee_usd?: number;
  /** The request was answered by Claude because the provider failed. */
  fallback: boolean;
  /** Whole request, ms. */
  latency_ms: number;
  /** Time to the first byte sent to Claude Code, ms. */
  ttfb_ms: number;
  /** `ok`, or `error` when Claude Code got an error. */
  outcome: 'ok' | 'error';
  /** Epoch ms when the request arrived. */
  at: number;
}
