// The running totals of one run, kept in memory by the proxy as each request ends: what the budget checks
// before every upstream call and what the status line shows. It sums the requests as the proxy priced them
// (cost.ts priceUsage), the same records the ledger and the summary line get: it never prices one itself.
import { roundUsd, type PricedUsage } from './cost.js';
import type { UsageEvent } from './usage-event.js';

export interface RouteTotals {
  /** `main`, `background`, or an agent's name. */
  route: string;
  requests: number;
  /** input + output + cache read + cache write tokens. */
  tokens: number;
}

export interface MeterTotals {
  requests: number;
  costUsd: number;
  /** Requests with no known price (counted at $0). */
  unpriced: number;
  fallbacks: number;
  /** In the order each route was first used. */
  routes: RouteTotals[];
}

export class RunMeter {
  private readonly totals: MeterTotals = { requests: 0, costUsd: 0, unpriced: 0, fallbacks: 0, routes: [] };

  constructor(private readonly routeOf: (event: UsageEvent) => string) {}

  readonly record = (event: PricedUsage): void => {
    const totals = this.totals;
    totals.requests += 1;
    totals.costUsd = roundUsd(totals.costUsd + event.cost_usd);
    if (event.unpriced) totals.unpriced += 1;
    if (event.fallback) totals.fallbacks += 1;
    const name = this.routeOf(event);
    let route = totals.routes.find((entry) => entry.route === name);
    if (!route) totals.routes.push((route = { route: name, requests: 0, tokens: 0 }));
    route.requests += 1;
    route.tokens += event.input_tokens + event.output_tokens + event.cache_read_tokens + event.cache_write_tokens;
  };

  get costUsd(): number {
    return this.totals.costUsd;
  }

  get requests(): number {
    return this.totals.requests;
  }

  /** A copy, safe to serialise. */
  snapshot(): MeterTotals {
    return { ...this.totals, routes: this.totals.routes.map((route) => ({ ...route })) };
  }
}
