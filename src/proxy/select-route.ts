// Per-request routing (DESIGN.md "The route plan and the proxy's routing"):
// 0. a hook or skill turn with a route of its own → that route (hook-or-skill-route.ts);
// 1. a subagent request whose system prompt starts with a known agent file's body → that agent's route;
// 2. else a `model` field equal to the prompt file's frontmatter `model:` → main (Claude Code sends that string
//    for the turn even when the CLI or config chose another model for the prompt);
// 3. else a `model` field that is an oss model id (a plan route's model, or `<provider>/<model>`) → that model;
// 4. else → main.
// Claude Code never sends an agent's name; the body it puts at the start of the subagent's system prompt is
// the only reliable sign of which agent it is (claude-code-behavior.md §4).
import type { IncomingHttpHeaders } from 'node:http';
import { planRoutes } from '../routing/plan-routes.js';
import type { RoutePlan } from '../routing/route-plan-types.js';
import { hookOrSkillRoute } from './hook-or-skill-route.js';

export interface SelectedRoute {
  /** The oss model id that should answer. */
  model: string;
  /** Ledger key: the agent's name for an agent route, else the prompt. */
  prompt: string;
}

interface TextBlock {
  type?: unknown;
  text?: unknown;
}

function systemTexts(system: unknown): string[] {
  if (typeof system === 'string') return [system];
  if (!Array.isArray(system)) return [];
  return system.flatMap((block: TextBlock) => (typeof block?.text === 'string' ? [block.text] : []));
}

export function isSubagentRequest(headers: IncomingHttpHeaders, texts: string[]): boolean {
  return headers['x-claude-code-agent-id'] !== undefined || (texts[0]?.includes('cc_is_subagent=true') ?? false);
}

/** Every model id the plan routes to: a request naming one of them is sent there. */
export function planModels(plan: RoutePlan): Set<string> {
  return new Set(planRoutes(plan).map((route) => route.model));
}

export function selectRoute(body: { model?: unknown; system?: unknown; messages?: unknown }, headers: IncomingHttpHeaders, plan: RoutePlan, known: Set<string>): SelectedRoute {
  const texts = systemTexts(body.system);
  const hookOrSkill = hookOrSkillRoute(body, texts, plan);
  if (hookOrSkill) return hookOrSkill;
  if (isSubagentRequest(headers, texts)) {
    const agent = matchAgent(plan, texts);
    if (agent) return { model: agent.model === 'default' ? plan.main.model : agent.model, prompt: agent.name };
  }
  const model = typeof body.model === 'string' ? body.model : undefined;
  if (model !== undefined && model === plan.prompt.frontmatterModel) return { model: plan.main.model, prompt: plan.prompt.name };
  if (model && (known.has(model) || model.includes('/'))) return { model, prompt: plan.prompt.name };
  return { model: plan.main.model, prompt: plan.prompt.name };
}

/** The agent whose body starts one of the system texts; the longest body wins when one extends another. */
function matchAgent(plan: RoutePlan, texts: string[]): RoutePlan['agents'][number] | undefined {
  let best: RoutePlan['agents'][number] | undefined;
  for (const agent of plan.agents) {
    const agentBody = agent.body?.trim();
    if (!agentBody || (best?.body && best.body.length >= agentBody.length)) continue;
    if (texts.some((text) => text.startsWith(agentBody))) best = agent;
  }
  return best;
}
