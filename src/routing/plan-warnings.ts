// Warnings about a route plan, printed one line each before claude starts (and by --dry-run). None stops the
// run: each names something that will most likely cost money or fail quietly, and the next step.
// - a slash prompt with no command or skill file (Claude Code then tells the model "no command with that
//   name" and the request is paid for); Claude Code's own commands are not flagged;
// - a route on a retired or soon-retired model (catalogue `deprecationDate`);
// - an agent or background route whose model has no tool support or under 32k tokens of context;
// - a setting oss does not know in any config file, with the closest known one.
import { join } from 'node:path';
import type { LoadedConfig } from '../config/load-config.js';
import { describeUnknownKey, findUnknownKeys } from '../config/unknown-keys.js';
import { localDate } from '../usage/ledger.js';
import { defaultRegistry, type ModelRegistry } from '../registry/registry.js';
import { CLAUDE_CODE_COMMANDS } from './claude-code-commands.js';
import { isClaudeModel } from '../model-id.js';
import { findPromptFile, promptRoots, type PromptSearchContext } from './prompt-files.js';
import type { RoutePlan } from './route-plan-types.js';

/** Claude Code's own prompt and tool schemas take about 20k tokens; below this an agent cannot work. */
export const AGENT_MIN_CONTEXT = 32_000;

/** A retirement this close (in days) is announced before it happens. */
export const RETIREMENT_NOTICE_DAYS = 60;

export interface PlanWarningsInput {
  plan: RoutePlan;
  loaded: LoadedConfig;
  ctx: PromptSearchContext;
  /** Today as YYYY-MM-DD (local date); the real date unless a test gives one. */
  today?: string;
  registry?: ModelRegistry;
}

/** `retired on 2026-06-01` once the date has passed, `retires on 2026-12-01` when it is near, else undefined. */
export function retirementNote(deprecationDate: string | null, today: string, noticeDays = RETIREMENT_NOTICE_DAYS): string | undefined {
  if (!deprecationDate) return undefined;
  if (deprecationDate <= today) return `retired on ${deprecationDate}`;
  const days = (Date.parse(deprecationDate) - Date.parse(today)) / 86_400_000;
  return days <= noticeDays ? `retires on ${deprecationDate}` : undefined;
}

/** Every warning for the plan, in a stable order, without the `oss: warning: ` prefix. */
export async function planWarnings(input: PlanWarningsInput): Promise<string[]> {
  // The registry (the model catalogue) and today's date are looked up for the first non-Claude route only:
  // an all-Claude run reads neither before claude starts.
  let registry = input.registry;
  let today = input.today;
  const warnings: string[] = [];
  for (const layer of input.loaded.layers) {
    if (layer.exists) warnings.push(...findUnknownKeys(layer.config, layer.file).map(describeUnknownKey));
  }
  const missing = await missingPromptWarning(input);
  if (missing) warnings.push(missing);

  const routes: { role: string; model: string; needsTools: boolean }[] = [
    { role: 'main', model: input.plan.main.model, needsTools: false },
    { role: 'background', model: input.plan.background.model, needsTools: true },
    ...input.plan.agents.map((agent) => ({ role: `agent ${agent.name}`, model: agent.model, needsTools: true })),
    ...(input.plan.search ? [{ role: 'WebSearch', model: input.plan.search.model, needsTools: false }] : []),
  ];
  const retirementSeen = new Set<string>();
  for (const route of routes) {
    if (route.model === 'default' || route.model === 'claude') continue;
    registry ??= defaultRegistry(input.ctx.env);
    const info = registry.getModelInfo(route.model, input.loaded.merged);
    if (!info || info.synthetic) continue;
    today ??= localDate(Date.now());
    const note = retirementNote(info.deprecationDate, today);
    if (note && !retirementSeen.has(route.model)) {
      retirementSeen.add(route.model);
      const roles = routes.filter((other) => other.model === route.model).map((other) => other.role);
      const consequence = note.startsWith('retired') ? 'its provider no longer serves it' : 'its provider stops serving it then';
      warnings.push(`${route.model} (${[...new Set(roles)].join(', ')}) ${note}: ${consequence}; pick another with \`oss models search ${info.provider}\``);
    }
    if (!route.needsTools || isClaudeModel(route.model) || (route.role === 'background' && route.model === input.plan.main.model)) continue;
    const lacks = [
      info.tools ? '' : 'no tool support',
      info.contextWindow !== null && info.contextWindow < AGENT_MIN_CONTEXT ? `a ${info.contextWindow.toLocaleString('en-US')}-token context window` : '',
    ].filter(Boolean);
    if (lacks.length > 0) {
      warnings.push(
        `${route.role} runs on ${route.model}, which has ${lacks.join(' and ')}: Claude Code's ${route.role === 'background' ? 'helper calls' : 'agents'} need tools and at least 32k tokens, so it will fail; pick another with \`oss models search tools\``,
      );
    }
  }
  return warnings;
}

async function missingPromptWarning(input: PlanWarningsInput): Promise<string | undefined> {
  const { plan } = input;
  if (plan.prompt.type !== 'command' || CLAUDE_CODE_COMMANDS.has(plan.prompt.name)) return undefined;
  if ((await findPromptFile(input.ctx, 'command', plan.prompt.name)) || (await findPromptFile(input.ctx, 'skill', plan.prompt.name))) return undefined;
  const roots = await promptRoots(input.ctx);
  const commandPath = `${plan.prompt.name.split(':').join('/')}.md`;
  const local = roots.filter((root) => root.origin !== 'plugin').map((root) => root.dir);
  if (!roots.some((root) => root.origin === 'project')) local.unshift(join(input.ctx.cwd, '.claude'));
  const dirs = local.map((dir) => join(dir, 'commands', commandPath));
  const plugins = roots.filter((root) => root.origin === 'plugin').length;
  const where = [...dirs, `${plugins} installed plugin${plugins === 1 ? '' : 's'}`].join(', ');
  return (
    `no command or skill file for /${plan.prompt.name} (looked for ${where}): Claude Code will tell the model there is no such command, ` +
    'and the request is still paid for; check the name or create the file'
  );
}

/** The lines as printed on stderr. */
export function formatPlanWarnings(warnings: readonly string[]): string {
  return warnings.map((warning) => `oss: warning: ${warning}\n`).join('');
}
