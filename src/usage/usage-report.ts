// Rows for `oss models costs`: the ledger filtered to a date range and summed by day, prompt or model.
import { emptyCounters, type Ledger, type UsageCounters } from './ledger.js';
import { roundUsd } from './cost.js';

export type Grouping = 'day' | 'prompt' | 'model';

export interface ReportRow extends Required<UsageCounters> {
  key: string;
}

export interface UsageReport {
  rows: ReportRow[];
  total: Required<UsageCounters>;
}

/** Sum the ledger's days in [since, until] (inclusive, YYYY-MM-DD, either open) by the grouping. */
export function usageReport(ledger: Ledger, by: Grouping, since?: string, until?: string): UsageReport {
  const rows = new Map<string, Required<UsageCounters>>();
  const total = zero();
  for (const [day, prompts] of Object.entries(ledger)) {
    if ((since && day < since) || (until && day > until)) continue;
    for (const [prompt, usage] of Object.entries(prompts)) {
      if (by === 'model') {
        for (const [model, counters] of Object.entries(usage.models ?? {})) add(row(rows, model), counters);
      } else {
        add(row(rows, by === 'day' ? day : prompt), usage);
      }
      add(total, usage);
    }
  }
  const sorted = [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, counters]) => ({ key, ...counters }));
  return { rows: sorted, total };
}

function zero(): Required<UsageCounters> {
  return { ...emptyCounters(), unpriced: 0 };
}

function row(rows: Map<string, Required<UsageCounters>>, key: string): Required<UsageCounters> {
  let found = rows.get(key);
  if (!found) rows.set(key, (found = zero()));
  return found;
}

function add(into: Required<UsageCounters>, from: UsageCounters): void {
  const n = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  into.requests += n(from.requests);
  into.tokens += n(from.tokens);
  into.input_tokens += n(from.input_tokens);
  into.output_tokens += n(from.output_tokens);
  into.cache_read_tokens += n(from.cache_read_tokens);
  into.cache_write_tokens += n(from.cache_write_tokens);
  into.cost_usd = roundUsd(into.cost_usd + n(from.cost_usd));
  into.fallbacks += n(from.fallbacks);
  into.unpriced += n(from.unpriced);
}
