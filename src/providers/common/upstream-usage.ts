// Usage as translators report it: already in Anthropic semantics (input excludes cache reads).
import type { StreamUsage } from './anthropic-stream-writer.js';

export interface TranslatedUsage extends StreamUsage {
  /** Cost the provider reported for this request (OpenRouter `usage.cost`), USD. */
  provider_cost_usd?: number;
  /** Web searches Anthropic ran for this request (`usage.server_tool_use.web_search_requests`). */
  web_search_requests?: number;
}

export const ZERO_USAGE: TranslatedUsage = Object.freeze({
  input_tokens: 0,
  output_tokens: 0,
  cache_read_input_tokens: 0,
  cache_creation_input_tokens: 0,
});
