// The route plan's hook and skill routes. Hooks have no prompt file (they are declared in Claude Code's
// settings.json), so a hook event routes only when `models.hooks` names it. A skill routes mid-run when
// `models.skills` names it or its SKILL.md frontmatter gives an oss model id; `models.default` is for the
// main prompt and does not make every skill a route. `default` as a value means "no override".
import { dirname } from 'node:path';
import { lookupPromptModel } from '../config/load-config.js';
import { frontmatterModelId, type ModelRouter } from './model-router.js';
import { discoverPrompts } from './prompt-files.js';
import type { HookRoute, ResolvedModel, SkillRoute } from './route-plan-types.js';

export async function hookRoutes(router: ModelRouter): Promise<HookRoute[]> {
  const loaded = await router.config();
  const events = new Set<string>();
  for (const layer of loaded.layers) for (const event of Object.keys(layer.config.models?.hooks ?? {})) events.add(event);
  const routes: HookRoute[] = [];
  for (const event of [...events].sort()) {
    const resolved = await router.resolveModel({ promptType: 'hook', promptName: event });
    if (resolved.model !== 'default') routes.push({ event, ...resolved });
  }
  return routes;
}

export async function skillRoutes(router: ModelRouter): Promise<SkillRoute[]> {
  const loaded = await router.config();
  const discovered = await discoverPrompts(router.ctx, ['skill']);
  const names = new Set(discovered.map((skill) => skill.name));
  for (const layer of loaded.layers) for (const name of Object.keys(layer.config.models?.skills ?? {})) names.add(name);
  const routes: SkillRoute[] = [];
  for (const name of [...names].sort()) {
    // Resolved here rather than by router.resolveModel, which would fall back to models.default and rescan
    // every skill folder once per skill.
    const skill = discovered.find((found) => found.name === name);
    const configured = lookupPromptModel(loaded, 'skill', name);
    const fromFile = skill?.frontmatter.model === undefined ? undefined : frontmatterModelId(skill.frontmatter.model, loaded);
    const resolved: ResolvedModel | undefined = configured
      ? { model: configured.value, source: configured.layer, file: configured.file }
      : skill && fromFile !== undefined
        ? { model: fromFile, source: 'frontmatter', file: skill.file }
        : undefined;
    if (!resolved || resolved.model === 'default') continue;
    routes.push({ name, ...resolved, ...(skill ? { dir: dirname(skill.file) } : {}) });
  }
  return routes;
}
