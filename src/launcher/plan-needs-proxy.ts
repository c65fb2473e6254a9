// Whether a route plan needs the proxy: only when some route is not native Claude.
import { isClaudeModel } from '../routing/model-id.js';
import type { RoutePlan } from '../routing/route-plan-types.js';

export function planNeedsProxy(plan: RoutePlan): boolean {
  return [plan.main, plan.background, ...plan.agents].some((route) => !isClaudeModel(route.model));
}
