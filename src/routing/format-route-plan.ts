// A RoutePlan for people (`oss run --dry-run`) and for machines (the same plan as JSON, agent bodies
// replaced by their length so the output stays readable).
import { formatCapUsd } from '../usage/format-usd.js';
import { INTERACTIVE_PROMPT } from './parse-run-prompt.js';
import type { ResolvedModel, RoutePlan } from './route-plan-types.js';

/** Where a resolved model came from, in words: `--model`, `project config /p/.oss/config.json`, … */
export function describeSource(resolved: ResolvedModel): string {
  switch (resolved.source) {
    case 'cli':
      return '--model';
    case 'local':
    case 'project':
    case 'user':
      return `${resolved.source} config ${resolved.file ?? ''}`.trim();
    case 'frontmatter':
      return `frontmatter of ${resolved.file ?? 'the prompt file'}`;
    case 'default':
      return `models.default in ${resolved.file ?? 'config'}`;
    case 'builtin':
      return resolved.model === 'default' ? 'no override: inherits main' : 'built-in default';
  }
}

function table(rows: [string, string, string][]): string {
  const width0 = Math.max(...rows.map((row) => row[0].length));
  const width1 = Math.max(...rows.map((row) => row[1].length));
  return rows.map(([a, b, c]) => `  ${a.padEnd(width0)}  ${b.padEnd(width1)}  ${c}`.trimEnd()).join('\n');
}

export function formatRoutePlan(plan: RoutePlan): string {
  const title =
    plan.prompt.type !== 'adhoc' ? `/${plan.prompt.name} (${plan.prompt.type})` : plan.prompt.name === INTERACTIVE_PROMPT ? 'an interactive session' : 'free text';
  const rows: [string, string, string][] = [
    ['main', plan.main.model, describeSource(plan.main)],
    [
      'background',
      plan.background.model,
      plan.background.source === plan.main.source && plan.background.model === plan.main.model && plan.background.file === plan.main.file
        ? 'same as main'
        : describeSource(plan.background),
    ],
  ];
  for (const agent of plan.agents) rows.push([`agent ${agent.name}`, agent.model, describeSource(agent)]);
  for (const hook of plan.hooks ?? []) rows.push([`hook ${hook.event}`, hook.model, describeSource(hook)]);
  for (const skill of plan.skills ?? []) rows.push([`skill ${skill.name}`, skill.model, describeSource(skill)]);
  const lines = [`Route plan for ${title}`, table(rows)];
  if (plan.agents.length === 0) lines.push('  (no agent overrides: every agent runs on main)');
  lines.push(`  fallback to Claude when a provider fails: ${plan.fallback ? 'on' : 'off'}`);
  lines.push(
    plan.search
      ? `  WebSearch: ${plan.search.model} (models.search, ${describeSource(plan.search)})`
      : "  WebSearch: the route's own search where it has one, else Claude, else a tool error (models.search pins one)",
  );
  if (plan.budget?.run) lines.push(`  run budget: ${formatCapUsd(plan.budget.run.usd)} (${plan.budget.run.setBy})`);
  if (plan.budget?.daily) lines.push(`  daily budget: ${formatCapUsd(plan.budget.daily.usd)} (${plan.budget.daily.setBy})`);
  return `${lines.join('\n')}\n`;
}

/** The plan as JSON; each agent's `body` becomes `bodyChars` (its length). */
export function routePlanToJson(plan: RoutePlan): string {
  const agents = plan.agents.map(({ body, ...rest }) => (body === undefined ? rest : { ...rest, bodyChars: body.length }));
  return `${JSON.stringify({ ...plan, agents }, null, 2)}\n`;
}
