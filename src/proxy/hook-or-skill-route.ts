// Routes for hook and skill turns (hook-turn.ts and skill-turn.ts say how each is recognised). A hook turn
// whose event has no route, and a skill with no route, fall through to the ordinary routing (a hook's
// `model` is the small-fast model, so it goes to background). Ledger keys: `hook:<Event>`, the skill's name.
import { basename } from 'node:path';
import type { RoutePlan, SkillRoute } from '../routing/route-plan-types.js';
import { hookTurn } from './hook-turn.js';
import { skillTurn, type SkillTurn } from './skill-turn.js';

export interface HookOrSkillRoute {
  model: string;
  prompt: string;
}

export function hookOrSkillRoute(body: { messages?: unknown }, systemTexts: string[], plan: RoutePlan): HookOrSkillRoute | undefined {
  if (!plan.hooks?.length && !plan.skills?.length) return undefined;
  const hook = hookTurn(systemTexts, body.messages);
  if (hook) {
    // A hook turn is never a skill turn: its messages are the transcript it judges.
    // Case-insensitive: `stop` in models.hooks means Claude Code's `Stop`.
    const event = hook.event?.toLowerCase();
    const route = event === undefined ? undefined : plan.hooks?.find((candidate) => candidate.event.toLowerCase() === event);
    return route ? { model: route.model, prompt: `hook:${route.event}` } : undefined;
  }
  if (plan.skills?.length) {
    const turn = skillTurn(body.messages);
    // The run's own prompt (`oss run /review`) is main's, whatever the skill's own setting says.
    if (turn?.name === plan.prompt.name) return undefined;
    const route = turn && matchSkill(plan.skills, turn);
    if (route) return { model: route.model, prompt: route.name };
  }
  return undefined;
}

/** By name; for a forked skill by its folder, else by the folder's name (`<plugin>:<name>` included). */
function matchSkill(skills: SkillRoute[], turn: SkillTurn): SkillRoute | undefined {
  if (turn.name !== undefined) return skills.find((skill) => skill.name === turn.name);
  if (turn.dir === undefined) return undefined;
  const folder = basename(turn.dir);
  return skills.find((skill) => skill.dir === turn.dir) ?? skills.find((skill) => skill.name === folder || skill.name.endsWith(`:${folder}`));
}
