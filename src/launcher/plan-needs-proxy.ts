// Whether a route plan needs the proxy: only when some route is not native Claude.
import type { RoutePlan } from '../routing/route-plan-types.js';

/** `claude`, `default` and `claude/<claude-model-id>` are native Claude (no proxy, the user's own credentials). */
export function isClaudeModel(model: string): boolean {
  return model === 'claude' || model === 'default' || model.startsWith('claude/');
}

export function planNeedsProxy(plan: RoutePlan): boolean {
  return [plan.main, plan.background, ...plan.agents].some((route) => !isClaudeModel(route.model));
}
