// Spending caps and the words for reaching one. A cap stops the next request once what was spent reaches it:
// a request that starts below the cap runs to its end and counts in full, so a run ends at most one request
// (or the requests already in flight) above its cap. The daily cap counts the ledger's total for today, read
// once when the run starts, plus this run.
import { formatCapUsd, formatSpentUsd } from './format-usd.js';

export interface BudgetCap {
  usd: number;
  /** Where the cap was set, in words: `--max-cost`, `models.budget.run_usd in /h/.oss/config.json`. */
  setBy: string;
  /** The next step to allow more spending, one sentence. */
  raise: string;
}

export interface Budget {
  run?: BudgetCap;
  daily?: BudgetCap;
}

export interface Spending {
  /** Priced cost of this run's requests so far, USD. */
  runUsd: number;
  /** Requests this run has sent upstream. */
  runRequests: number;
  /** The ledger's total for today when the run started, USD. */
  todayBeforeRunUsd: number;
}

/** Undefined while every cap is above what was spent; else the one- or two-line message for the cap reached. */
export function budgetStopMessage(budget: Budget, spent: Spending): string | undefined {
  const requests = `${spent.runRequests.toLocaleString('en-US')} request${spent.runRequests === 1 ? '' : 's'}`;
  const { run, daily } = budget;
  if (run && spent.runUsd >= run.usd) {
    return `oss: run budget reached: ${formatSpentUsd(spent.runUsd)} spent on ${requests}, cap ${formatCapUsd(run.usd)} (${run.setBy}). ${run.raise}`;
  }
  const today = spent.todayBeforeRunUsd + spent.runUsd;
  if (daily && today >= daily.usd) {
    return (
      `oss: daily budget reached: ${formatSpentUsd(today)} spent today (${formatSpentUsd(spent.todayBeforeRunUsd)} before this run, ` +
      `${formatSpentUsd(spent.runUsd)} on ${requests} in it), cap ${formatCapUsd(daily.usd)} (${daily.setBy}). ${daily.raise}`
    );
  }
  return undefined;
}
