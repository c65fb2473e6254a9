// Which requests come from a subagent, and which are Claude Code's own helper calls, on every Claude Code
// release oss supports (docs/compatibility.md). What each release sends (captured against the scripted mock,
// docs/decisions.md "What each Claude Code release sends"):
// - 2.1.x marks a subagent request (`x-claude-code-agent-id` header, `cc_is_subagent=true` in system[0]) and
//   starts system[2] with the agent file's body; its subagent tool is `Agent`.
// - 2.0.x marks nothing: system[1] starts with the agent file's body, and the subagent tool is `Task`. It also
//   sends one "Warmup" request per built-in agent at start-up, only to prime Anthropic's prompt cache.
// Without a marker the body alone decides, so two guards keep a main-thread request that quotes an agent file
// (`--system-prompt "$(cat .claude/agents/x.md)"`) on main: the body must start a block after the first
// (block 0 is Claude Code's identity line on every release), and the request must not declare the subagent
// tool (a main thread always does; a 2.0 subagent never can).
import type { IncomingHttpHeaders } from 'node:http';
import type { AgentRoute, RoutePlan } from '../routing/route-plan-types.js';

/** The tool a main thread launches subagents with: `Agent` from 2.1, `Task` in 2.0. */
export const SUBAGENT_TOOL_NAMES: ReadonlySet<string> = new Set(['Agent', 'Task']);

/** The text of Claude Code 2.0's cache-warming requests (one per built-in agent, answer discarded). */
const WARMUP_TEXT = 'Warmup';

interface TextBlock {
  type?: unknown;
  text?: unknown;
}

export interface RequestShape {
  system?: unknown;
  tools?: unknown;
  messages?: unknown;
}

export function systemTexts(system: unknown): string[] {
  if (typeof system === 'string') return [system];
  if (!Array.isArray(system)) return [];
  return system.flatMap((block: TextBlock) => (typeof block?.text === 'string' ? [block.text] : []));
}

/** 2.1's explicit subagent markers. */
export function hasSubagentMarker(headers: IncomingHttpHeaders, texts: string[]): boolean {
  return headers['x-claude-code-agent-id'] !== undefined || (texts[0]?.includes('cc_is_subagent=true') ?? false);
}

/** True when the request offers the model the tool that launches subagents: a main thread, not a subagent. */
export function declaresSubagentTool(tools: unknown): boolean {
  return Array.isArray(tools) && tools.some((tool: { name?: unknown }) => typeof tool?.name === 'string' && SUBAGENT_TOOL_NAMES.has(tool.name));
}

/** The configured agent this request runs for, or undefined for a main-thread or helper request. */
export function detectAgent(body: RequestShape, headers: IncomingHttpHeaders, plan: RoutePlan): AgentRoute | undefined {
  if (plan.agents.length === 0) return undefined;
  const texts = systemTexts(body.system);
  if (hasSubagentMarker(headers, texts)) return matchAgent(plan, texts);
  if (declaresSubagentTool(body.tools)) return undefined;
  return matchAgent(plan, texts.slice(1));
}

/**
 * Claude Code 2.0's start-up "Warmup" request (or its follow-up when an upstream answered it with a tool
 * call): the first message is the user text `Warmup` and the subagent tool is not offered, which a main
 * thread whose whole prompt is "Warmup" would still offer.
 */
export function isWarmupRequest(body: RequestShape): boolean {
  if (!Array.isArray(body.messages) || declaresSubagentTool(body.tools)) return false;
  const first = body.messages[0] as { role?: unknown; content?: unknown } | undefined;
  if (first?.role !== 'user') return false;
  if (first.content === WARMUP_TEXT) return true;
  return Array.isArray(first.content) && first.content.length === 1 && (first.content[0] as TextBlock)?.text === WARMUP_TEXT;
}

/** The agent whose body starts one of the system texts; the longest body wins when one extends another. */
function matchAgent(plan: RoutePlan, texts: string[]): AgentRoute | undefined {
  let best: AgentRoute | undefined;
  for (const agent of plan.agents) {
    const agentBody = agent.body?.trim();
    if (!agentBody || (best?.body && best.body.length >= agentBody.length)) continue;
    if (texts.some((text) => text.startsWith(agentBody))) best = agent;
  }
  return best;
}
