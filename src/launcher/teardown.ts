// Everything that must happen when a run ends, whichever way it ends (claude exits or crashes, a signal, an
// error of our own): close the proxy so its port is free, merge the run's usage into the ledger exactly
// once, and print the summary line (unless --quiet). `finish()` may be called from several paths; only the
// first call does the work, later calls wait for it.
import { roundUsd } from '../usage/cost.js';
import type { LedgerRecord } from '../usage/ledger.js';
import { formatDirectSummaryLine, formatSummaryLine, type RunTotals } from './summary-line.js';

/** Merges the run's priced requests into the ledger (launcher/run-usage.ts); rejects when it could not. */
export interface UsageRecorder {
  record(records: LedgerRecord[]): Promise<void>;
}

export interface TeardownInput {
  /** Ledger key of the run's main prompt (`oss:ship`, `adhoc`). */
  prompt: string;
  /** The main model, named in the summary of a run without the proxy. */
  mainModel: string;
  quiet: boolean;
  stderr: (text: string) => void;
  /** Stops the proxy and frees its port; absent when no proxy runs. */
  closeProxy?: () => Promise<void>;
  usage: UsageRecorder;
  /** The budget message, when a spending cap stopped some request: printed after the summary, even with --quiet. */
  budgetNotice?: () => string | undefined;
}

export class RunTeardown {
  /** As the proxy priced them (usage/cost.ts priceUsage): the same records its live meter counted. */
  private readonly records: LedgerRecord[] = [];
  private finishing: Promise<void> | undefined;
  private sealed = false;

  constructor(private readonly input: TeardownInput) {}

  /** The proxy's onUsage: one priced record per proxied request, until the proxy is closed and the ledger merged. */
  readonly record = (record: LedgerRecord): void => {
    if (!this.sealed) this.records.push(record);
  };

  finish(): Promise<void> {
    this.finishing ??= this.run();
    return this.finishing;
  }

  private async run(): Promise<void> {
    const problems: string[] = [];
    try {
      await this.input.closeProxy?.();
    } catch (error) {
      problems.push(`could not close the proxy: ${messageOf(error)}`);
    }
    // Events that arrive while the proxy closes (aborted streams report as they end) are kept.
    this.sealed = true;
    // The ledger and the summary line get the same records, priced once by the proxy.
    const records = this.records;
    if (records.length > 0) {
      try {
        await this.input.usage.record(records);
      } catch (error) {
        problems.push(`usage not recorded: ${messageOf(error)}`);
      }
    }
    for (const problem of problems) this.input.stderr(`oss: ${problem}\n`);
    if (!this.input.quiet) {
      const line = this.input.closeProxy
        ? formatSummaryLine(totalsOf(this.input.prompt, records))
        : formatDirectSummaryLine(this.input.prompt, this.input.mainModel);
      this.input.stderr(`${line}\n`);
    }
    const notice = this.input.budgetNotice?.();
    if (notice) this.input.stderr(`${notice}\n`);
  }
}

/** The summary line's totals: sums of the priced records, never priced again. */
export function totalsOf(prompt: string, records: LedgerRecord[]): RunTotals {
  const totals: RunTotals = { prompt, models: [], requests: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, unpriced: false, fallbacks: 0 };
  for (const record of records) {
    if (!totals.models.includes(record.model)) totals.models.push(record.model);
    totals.requests += 1;
    totals.inputTokens += record.input_tokens + record.cache_read_tokens + record.cache_write_tokens;
    totals.outputTokens += record.output_tokens;
    totals.costUsd = roundUsd(totals.costUsd + record.cost_usd);
    totals.unpriced ||= record.unpriced;
    if (record.fallback) totals.fallbacks += 1;
  }
  return totals;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
