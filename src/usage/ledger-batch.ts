// The priced records of a long-running `oss serve`, kept summed until flush() merges them into the ledger:
// every minute and on signals, never per request (the proxy's per-request path writes nothing to disk). What
// is kept is summed (days × prompts × models), so memory does not grow with the number of requests. A failed
// merge keeps its counters for the next one.
import { addLedger, addRecords, mergeLedgerDelta, type Ledger, type LedgerRecord, type MergeOptions } from './ledger.js';

export class LedgerBatch {
  /** Counters added since the last successful flush. */
  private pending: Ledger = {};

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly options: MergeOptions = {},
  ) {}

  /** Keep one priced request for the next flush (in memory only). */
  readonly add = (record: LedgerRecord): void => {
    addRecords(this.pending, [record]);
  };

  /** Whether anything added is not merged into the ledger yet. */
  get hasPending(): boolean {
    return Object.keys(this.pending).length > 0;
  }

  /** Merge everything added since the last flush into the ledger, once, under the lock. */
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
}
