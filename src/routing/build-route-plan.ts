// One RoutePlan for one `oss run`: the main prompt's model, the background model (`models.background`, else
// main), every agent (discovered or configured) whose resolution is not `default` with its file's body, the
// hook events and skills with models of their own (hook-and-skill-routes.ts), and
// whether fallback to Claude is allowed (CLI > the prompt's frontmatter `model_fallback` > `models.fallback`
// > on). The CLI `--model` applies to the main prompt only; agents keep their own routes.
import type { PromptType } from '../config/config-types.js';
import { PROMPT_SECTIONS } from '../config/config-types.js';
import { lookupModelsKey } from '../config/load-config.js';
import { hookRoutes, skillRoutes } from './hook-and-skill-routes.js';
import { invalidCliModel } from './invalid-cli-model.js';
import { isValidModelId } from '../config/providers.js';
import { ModelRouter } from './model-router.js';
import { parseRunPrompt } from './parse-run-prompt.js';
import { resolveBudget } from './resolve-budget.js';
import { discoverAgents } from './prompt-files.js';
import type { AgentRoute, ResolvedModel, RoutePlan } from './route-plan-types.js';

export interface BuildRoutePlanOptions {
  /** The prompt as typed (`/oss:ship prod`, or free text); a `--model` inside it counts as the CLI model. */
  promptText: string;
  cliModel?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** `--fallback` / `--no-fallback`; undefined when neither was given. */
  fallback?: boolean;
  /** `--max-cost`, USD: the run's cap. */
  maxCostUsd?: number;
  router?: ModelRouter;
}

/** A slash name is a command when a command file or setting has it, else a skill when one does. */
async function slashPromptType(router: ModelRouter, name: string): Promise<PromptType> {
  if (await router.promptFile('command', name)) return 'command';
  if (await router.promptFile('skill', name)) return 'skill';
  const loaded = await router.config();
  const configured = (type: PromptType) =>
    loaded.layers.some((layer) => Object.hasOwn(layer.config.models?.[PROMPT_SECTIONS[type]] ?? {}, name));
  return !configured('command') && configured('skill') ? 'skill' : 'command';
}

async function resolveMain(router: ModelRouter, type: PromptType | 'adhoc', name: string, cliModel?: string): Promise<ResolvedModel> {
  if (type !== 'adhoc') return router.resolveModel({ promptType: type, promptName: name, ...(cliModel === undefined ? {} : { cliOverride: cliModel }) });
  const loaded = await router.config();
  if (cliModel !== undefined) {
    if (!isValidModelId(cliModel, loaded.merged)) throw invalidCliModel(cliModel);
    return { model: cliModel, source: 'cli' };
  }
  const fallback = lookupModelsKey(loaded, 'default');
  return fallback ? { model: fallback.value, source: 'default', file: fallback.file } : { model: 'claude', source: 'builtin' };
}

async function agentRoutes(router: ModelRouter): Promise<AgentRoute[]> {
  const loaded = await router.config();
  const discovered = await discoverAgents(router.ctx);
  const names = new Set(discovered.map((agent) => agent.name));
  for (const layer of loaded.layers) for (const name of Object.keys(layer.config.models?.agents ?? {})) names.add(name);
  const routes: AgentRoute[] = [];
  for (const name of [...names].sort()) {
    const resolved = await router.resolveModel({ promptType: 'agent', promptName: name });
    if (resolved.model === 'default') continue;
    const body = discovered.find((agent) => agent.name === name)?.frontmatter.body.trim();
    routes.push({ name, ...resolved, ...(body ? { body } : {}) });
  }
  return routes;
}

export async function buildRoutePlan(options: BuildRoutePlanOptions): Promise<RoutePlan> {
  const router = options.router ?? new ModelRouter({ cwd: options.cwd, env: options.env });
  const parsed = parseRunPrompt(options.promptText.split(/\s+/).filter((word) => word !== ''));
  const cliModel = options.cliModel ?? parsed.model;
  const type: PromptType | 'adhoc' = parsed.type === 'adhoc' ? 'adhoc' : await slashPromptType(router, parsed.name);
  const main = await resolveMain(router, type, parsed.name, cliModel);

  const loaded = await router.config();
  const configuredBackground = lookupModelsKey(loaded, 'background');
  const background: ResolvedModel = configuredBackground
    ? { model: configuredBackground.value, source: configuredBackground.layer, file: configuredBackground.file }
    : { ...main };

  const promptFile = type === 'adhoc' ? undefined : await router.promptFile(type, parsed.name);
  const fallback =
    options.fallback ?? promptFile?.frontmatter.model_fallback ?? lookupModelsKey(loaded, 'fallback')?.value ?? true;

  const frontmatterModel = promptFile?.frontmatter.data.model;
  const configuredSearch = lookupModelsKey(loaded, 'search');
  const budget = resolveBudget({
    layers: loaded.layers,
    ...(promptFile ? { promptFile } : {}),
    ...(options.maxCostUsd === undefined ? {} : { maxCostUsd: options.maxCostUsd }),
  });
  return {
    prompt: { type, name: parsed.name, ...(typeof frontmatterModel === 'string' ? { frontmatterModel } : {}) },
    main,
    background,
    agents: await agentRoutes(router),
    ...(configuredSearch ? { search: { model: configuredSearch.value, source: configuredSearch.layer, file: configuredSearch.file } } : {}),
    hooks: await hookRoutes(router),
    skills: await skillRoutes(router),
    fallback,
    ...(budget ? { budget } : {}),
  };
}
