// Every route of a plan in one list (main, background, agents, hook events, skills): what the launcher checks
// for a non-Claude model and what the proxy prepares targets for.
import type { ResolvedModel, RoutePlan } from './route-plan-types.js';

export function planRoutes(plan: RoutePlan): ResolvedModel[] {
  return [plan.main, plan.background, ...plan.agents, ...(plan.hooks ?? []), ...(plan.skills ?? [])];
}
