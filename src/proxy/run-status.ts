// What the live proxy tells `oss statusline` (GET /<secret>/oss/status): the main model, requests and tokens
// per route, dollars spent in this run and today against the caps, fallbacks. Read-only, behind the same
// secret path and Host check as the messages route.
import type { RoutePlan } from '../routing/route-plan-types.js';
import { roundUsd } from '../usage/cost.js';
import type { RunMeter } from '../usage/run-meter.js';
import type { UsageEvent } from '../usage/usage-event.js';
import type { BudgetGate } from './budget-gate.js';

export interface RunStatus {
  main: string;
  requests: number;
  cost_usd: number;
  unpriced: number;
  fallbacks: number;
  routes: { route: string; requests: number; tokens: number }[];
  /** Present when a cap is set. */
  budget?: { run_usd?: number; daily_usd?: number; today_usd: number; reached: boolean };
}

/** `main`, `background` (when it is a model of its own), or the agent's name. */
export function routeName(plan: RoutePlan, event: UsageEvent): string {
  if (event.prompt !== plan.prompt.name) return event.prompt;
  if (plan.background.model !== plan.main.model && event.model === plan.background.model) return 'background';
  return 'main';
}

export function runStatus(plan: RoutePlan, meter: RunMeter, gate: BudgetGate | undefined): RunStatus {
  const totals = meter.snapshot();
  const status: RunStatus = {
    main: plan.main.model,
    requests: totals.requests,
    cost_usd: totals.costUsd,
    unpriced: totals.unpriced,
    fallbacks: totals.fallbacks,
    routes: totals.routes,
  };
  if (gate && plan.budget) {
    status.budget = {
      ...(plan.budget.run ? { run_usd: plan.budget.run.usd } : {}),
      ...(plan.budget.daily ? { daily_usd: plan.budget.daily.usd } : {}),
      today_usd: roundUsd(gate.todayBeforeRunUsd + totals.costUsd),
      reached: gate.reached,
    };
  }
  return status;
}
