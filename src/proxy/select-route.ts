// Per-request routing (DESIGN.md "The route plan and the proxy's routing"):
// 0. a hook or skill turn with a route of its own → that route (hook-or-skill-route.ts); Claude Code 2.0's
//    cache-warming "Warmup" helper calls → background (agent-detection.ts);
// 1. a subagent request whose system prompt starts with a known agent file's body → that agent's route
//    (agent-detection.ts: with 2.1's subagent markers, or on 2.0 without them);
// 2. else a `model` field equal to the prompt file's frontmatter `model:` → main (Claude Code sends that string
//    for the turn even when the CLI or config chose another model for the prompt);
// 3. else a `model` field that is an oss model id (a plan route's model, or `<provider>/<model>`) → that model;
// 4. else → main.
// Claude Code never sends an agent's name; the body it puts at the start of the subagent's system prompt is
// the only reliable sign of which agent it is (claude-code-behavior.md §4).
import type { IncomingHttpHeaders } from 'node:http';
import { planRoutes } from '../routing/plan-routes.js';
import type { RoutePlan } from '../routing/route-plan-types.js';
import { detectAgent, isWarmupRequest, systemTexts } from './agent-detection.js';
import { hookOrSkillRoute } from './hook-or-skill-route.js';

export interface SelectedRoute {
  /** The oss model id that should answer. */
  model: string;
  /** Ledger key: the agent's name for an agent route, else the prompt. */
  prompt: string;
  /** Set for a Claude Code helper call that only primes Anthropic's prompt cache (2.0's "Warmup"). */
  warmup?: true;
}

/** Every model id the plan routes to: a request naming one of them is sent there. */
export function planModels(plan: RoutePlan): Set<string> {
  return new Set(planRoutes(plan).map((route) => route.model));
}

export function selectRoute(
  body: { model?: unknown; system?: unknown; tools?: unknown; messages?: unknown },
  headers: IncomingHttpHeaders,
  plan: RoutePlan,
  known: Set<string>,
): SelectedRoute {
  const texts = systemTexts(body.system);
  const hookOrSkill = hookOrSkillRoute(body, texts, plan);
  if (hookOrSkill) return hookOrSkill;
  if (isWarmupRequest(body)) return { model: plan.background.model, prompt: plan.prompt.name, warmup: true };
  const agent = detectAgent(body, headers, plan);
  if (agent) return { model: agent.model === 'default' ? plan.main.model : agent.model, prompt: agent.name };
  const model = typeof body.model === 'string' ? body.model : undefined;
  if (model !== undefined && model === plan.prompt.frontmatterModel) return { model: plan.main.model, prompt: plan.prompt.name };
  if (model && (known.has(model) || model.includes('/'))) return { model, prompt: plan.prompt.name };
  return { model: plan.main.model, prompt: plan.prompt.name };
}
