// Whether a route plan needs the proxy: only when some route is not native Claude.
import { isClaudeModel } from '../model-id.js';
import { planRoutes } from '../routing/plan-routes.js';
import type { RoutePlan } from '../routing/route-plan-types.js';

export function planNeedsProxy(plan: RoutePlan): boolean {
  return planRoutes(plan).some((route) => !isClaudeModel(route.model));
}
