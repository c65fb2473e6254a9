// Collects usage in memory and merges it into the ledger on flush(): once at the end of a run (the launcher),
// every minute and on signals for `oss serve`. What is kept is summed, not per request: the counters not yet
// merged (days × prompts × models) and the running totals for the summary, so memory does not grow with
// the number of requests. Seed-compatible: recordUsage({command, model, inputTokens, outputTokens}),
// getUsage(date), flush().
import type { OssConfig } from '../config/config-types.js';
import { defaultRegistry, type ModelRegistry } from '../registry/registry.js';
import { costOfEvent, roundUsd, type PriceLookup } from './cost.js';
import { addLedger, addRecords, mergeLedgerDelta, readLedger, type DayUsage, type Ledger, type LedgerRecord, type MergeOptions } from './ledger.js';
import type { UsageEvent } from './usage-event.js';

export interface UsageInput {
  /** Ledger key: the command (`oss:ship`) or the agent the request was routed for. */
  command: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  /** Cost the provider reported, USD; wins over registry prices. */
  providerCostUsd?: number;
  fallback?: boolean;
  /** Epoch ms; default now. */
  at?: number;
}

export interface CostTrackerOptions extends MergeOptions {
  env?: NodeJS.ProcessEnv;
  /** Config whose `pricing` overrides registry prices. */
  config?: OssConfig;
  now?: () => number;
  /** Price lookup; default the registry. */
  prices?: PriceLookup;
}

export interface RunSummary {
  requests: number;
  tokens: number;
  cost_usd: number;
  unpriced: number;
  fallbacks: number;
}

export class CostTracker {
  /** Counters recorded since the last successful flush. */
  private pending: Ledger = {};
  private readonly totals: RunSummary = { requests: 0, tokens: 0, cost_usd: 0, unpriced: 0, fallbacks: 0 };
  private readonly env: NodeJS.ProcessEnv;
  private readonly now: () => number;
  private readonly prices: PriceLookup;

  constructor(private readonly options: CostTrackerOptions = {}) {
    this.env = options.env ?? process.env;
    this.now = options.now ?? Date.now;
    // The registry is looked up once per tracker: getPricing() checks the model cache's file on every call,
    // and `oss serve` prices every request it answers.
    let registry: ModelRegistry | undefined;
    this.prices = options.prices ?? ((id, config) => (registry ??= defaultRegistry()).getPricing(id, config));
  }

  recordUsage(input: UsageInput): LedgerRecord {
    return this.add({
      prompt: input.command,
      model: input.model,
      input_tokens: input.inputTokens,
      output_tokens: input.outputTokens,
      cache_read_tokens: input.cacheReadTokens ?? 0,
      cache_write_tokens: input.cacheWriteTokens ?? 0,
      ...(input.providerCostUsd !== undefined ? { provider_cost_usd: input.providerCostUsd } : {}),
      fallback: input.fallback ?? false,
      at: input.at ?? this.now(),
    });
  }

  /** Record one proxy usage event. */
  recordEvent(event: UsageEvent): LedgerRecord {
    return this.add(event);
  }

  /** One day's usage: what is on disk plus what this tracker has not flushed yet. */
  async getUsage(date: string): Promise<DayUsage> {
    const ledger = await readLedger(this.env, this.options);
    return addLedger(ledger, this.pending)[date] ?? {};
  }

  /** Whether anything recorded is not merged into the ledger yet. */
  get hasPending(): boolean {
    return Object.keys(this.pending).length > 0;
  }

  /** Merge everything recorded since the last flush into the ledger, once, under the lock. */
  async flush(): Promise<void> {
    const batch = this.pending;
    if (Object.keys(batch).length === 0) return;
    this.pending = {};
    try {
      await mergeLedgerDelta(batch, this.env, this.options);
    } catch (error) {
      this.pending = addLedger(batch, this.pending);
      throw error;
    }
  }

  /** Totals of everything recorded by this tracker (for the run's one summary line). */
  summary(): RunSummary {
    return { ...this.totals };
  }

  private add(
    event: Pick<UsageEvent, 'prompt' | 'model' | 'input_tokens' | 'output_tokens' | 'cache_read_tokens' | 'cache_write_tokens' | 'provider_cost_usd' | 'search_fee_usd' | 'fallback' | 'at'>,
  ): LedgerRecord {
    const cost = costOfEvent(event, this.prices, this.options.config);
    const record: LedgerRecord = {
      prompt: event.prompt,
      model: event.model,
      input_tokens: event.input_tokens,
      output_tokens: event.output_tokens,
      cache_read_tokens: event.cache_read_tokens,
      cache_write_tokens: event.cache_write_tokens,
      cost_usd: cost.cost_usd,
      unpriced: cost.unpriced,
      fallback: event.fallback,
      at: event.at,
    };
    addRecords(this.pending, [record]);
    const total = this.totals;
    total.requests += 1;
    total.tokens += record.input_tokens + record.output_tokens + record.cache_read_tokens + record.cache_write_tokens;
    total.cost_usd = roundUsd(total.cost_usd + record.cost_usd);
    total.unpriced += record.unpriced ? 1 : 0;
    total.fallbacks += record.fallback ? 1 : 0;
    return record;
  }
}
