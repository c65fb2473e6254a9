// The spending check the proxy makes before every upstream call (a provider, a Claude route, a fallback):
// in-memory numbers only, so the per-request path touches no disk. Once a cap is reached every further request
// gets a 402 `billing_error` with `x-should-retry: false`, which Claude Code shows as it is
// (`API Error: 402 oss: run budget reached: …`) without retrying; no provider is called.
import type { ProviderError } from '../providers/common/provider-error.js';
import { budgetStopMessage, type Budget } from '../usage/budget.js';
import type { RunMeter } from '../usage/run-meter.js';
import { proxyError } from './anthropic-error-reply.js';

export class BudgetGate {
  private refused = false;

  constructor(
    private readonly budget: Budget,
    private readonly meter: RunMeter,
    /** The ledger's total for today when the run started. */
    readonly todayBeforeRunUsd: number,
  ) {}

  /** The error to answer with instead of calling upstream, or undefined while under every cap. */
  refusal(): ProviderError | undefined {
    const message = this.message();
    if (message === undefined) return undefined;
    this.refused = true;
    return proxyError(402, 'billing_error', message);
  }

  /** For the exit summary: the message with the run's final numbers, when some request was refused. */
  finalNotice(): string | undefined {
    return this.refused ? this.message() : undefined;
  }

  get reached(): boolean {
    return this.message() !== undefined;
  }

  private message(): string | undefined {
    return budgetStopMessage(this.budget, { runUsd: this.meter.costUsd, runRequests: this.meter.requests, todayBeforeRunUsd: this.todayBeforeRunUsd });
  }
}
