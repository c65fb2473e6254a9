// Everything that must happen when a run ends, whichever way it ends (claude exits or crashes, a signal, an
// error of our own): close the proxy so its port is free, merge the run's usage into the ledger exactly
// once, and print the summary line (unless --quiet). `finish()` may be called from several paths; only the
// first call does the work, later calls wait for it.
import type { UsageEvent } from '../usage/usage-event.js';
import { formatDirectSummaryLine, formatSummaryLine, type RunTotals } from './summary-line.js';

export interface PricedCost {
  costUsd: number;
  unpriced: boolean;
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
  priceEvent: (event: UsageEvent) => PricedCost;
  mergeIntoLedger: (events: UsageEvent[]) => Promise<void>;
  /** The budget message, when a spending cap stopped some request: printed after the summary, even with --quiet. */
  budgetNotice?: () => string | undefined;
}

export class RunTeardown {
  private readonly events: UsageEvent[] = [];
  private finishing: Promise<void> | undefined;
  private sealed = false;

  constructor(private readonly input: TeardownInput) {}

  /** The proxy's onUsage: one event per proxied request, until the proxy is closed and the ledger merged. */
  readonly record = (event: UsageEvent): void => {
    if (!this.sealed) this.events.push(event);
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
    const events = [...this.events];
    if (events.length > 0) {
      try {
        await this.input.mergeIntoLedger(events);
      } catch (error) {
        problems.push(`usage not recorded: ${messageOf(error)}`);
      }
    }
    for (const problem of problems) this.input.stderr(`oss: ${problem}\n`);
    if (!this.input.quiet) {
      const line = this.input.closeProxy
        ? formatSummaryLine(totalsOf(this.input.prompt, events, this.input.priceEvent))
        : formatDirectSummaryLine(this.input.prompt, this.input.mainModel);
      this.input.stderr(`${line}\n`);
    }
    const notice = this.input.budgetNotice?.();
    if (notice) this.input.stderr(`${notice}\n`);
  }
}

export function totalsOf(prompt: string, events: UsageEvent[], price: (event: UsageEvent) => PricedCost): RunTotals {
  const totals: RunTotals = { prompt, models: [], requests: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, unpriced: false, fallbacks: 0 };
  for (const event of events) {
    if (!totals.models.includes(event.model)) totals.models.push(event.model);
    const cost = price(event);
    totals.requests += 1;
    totals.inputTokens += event.input_tokens + event.cache_read_tokens + event.cache_write_tokens;
    totals.outputTokens += event.output_tokens;
    totals.costUsd += cost.costUsd;
    totals.unpriced ||= cost.unpriced;
    if (event.fallback) totals.fallbacks += 1;
  }
  return totals;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
