// Prices each proxied request once and keeps it, summed, until flush() merges it into the ledger: once at the
// end of a run (the launcher, whose summary line sums the same priced records), every minute and on signals
// for `oss serve`. What is kept is summed, not per request (days × prompts × models), so memory does not grow
// with the number of requests. The price lookup is handed in (the registry of the run's environment).
import type { OssConfig } from '../config/config-types.js';
import { costOfEvent, type PriceLookup } from './cost.js';
import { addLedger, addRecords, mergeLedgerDelta, type Ledger, type LedgerRecord, type MergeOptions } from './ledger.js';
import type { UsageEvent } from './usage-event.js';

export interface CostTrackerOptions extends MergeOptions {
  env: NodeJS.ProcessEnv;
  /** Config whose `pricing` overrides registry prices. */
  config?: OssConfig;
  prices: PriceLookup;
}

export class CostTracker {
  /** Counters recorded since the last successful flush. */
  private pending: Ledger = {};

  constructor(private readonly options: CostTrackerOptions) {}

  /** Price one proxy usage event and keep it for the next flush; the priced record is returned for sums. */
  recordEvent(event: UsageEvent): LedgerRecord {
    const cost = costOfEvent(event, this.options.prices, this.options.config);
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
    return record;
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
      await mergeLedgerDelta(batch, this.options.env, this.options);
    } catch (error) {
      this.pending = addLedger(batch, this.pending);
      throw error;
    }
  }
}
