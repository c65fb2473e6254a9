// The run's spending caps. `--max-cost` sets the run cap outright (the user typed it for this run). Otherwise
// each cap is the lowest that any config layer (`models.budget`) or the prompt file's frontmatter (`budget:`)
// sets: project files and prompt files come with repositories the user did not write, so they may tighten a
// cap but never loosen one.
import type { BudgetSection } from '../config/config-types.js';
import type { ConfigLayerFile } from '../config/config-types.js';
import { validateBudget } from '../config/validate-config.js';
import type { Budget, BudgetCap } from '../usage/budget.js';
import type { PromptFile } from './prompt-files.js';

export interface BudgetSources {
  layers: readonly ConfigLayerFile[];
  promptFile?: PromptFile;
  /** `--max-cost`, USD. */
  maxCostUsd?: number;
}

type Key = keyof BudgetSection;

interface Candidate {
  usd: number;
  setBy: string;
  raise: string;
}

export function resolveBudget(sources: BudgetSources): Budget | undefined {
  const candidates: Record<Key, Candidate[]> = { run_usd: [], daily_usd: [] };
  for (const layer of sources.layers) {
    const section = layer.config.models?.budget;
    for (const key of ['run_usd', 'daily_usd'] as const) {
      const usd = section?.[key];
      if (usd === undefined) continue;
      const where = `models.budget.${key} in ${layer.file}`;
      candidates[key].push({ usd, setBy: where, raise: raiseConfig(key, where) });
    }
  }
  const prompt = sources.promptFile;
  const fromFrontmatter = prompt?.frontmatter.data.budget;
  if (prompt && fromFrontmatter !== undefined) {
    validateBudget(`${prompt.file} (frontmatter)`, ['budget'], fromFrontmatter);
    for (const key of ['run_usd', 'daily_usd'] as const) {
      const usd = (fromFrontmatter as BudgetSection)[key];
      if (usd === undefined) continue;
      const where = `budget.${key} in the frontmatter of ${prompt.file}`;
      candidates[key].push({ usd, setBy: where, raise: raiseConfig(key, where) });
    }
  }
  const budget: Budget = {};
  const run: BudgetCap | undefined =
    sources.maxCostUsd !== undefined
      ? { usd: sources.maxCostUsd, setBy: '--max-cost', raise: 'Run again with a higher --max-cost.' }
      : lowest(candidates.run_usd);
  if (run) budget.run = run;
  const daily = lowest(candidates.daily_usd);
  if (daily) budget.daily = daily;
  return budget.run || budget.daily ? budget : undefined;
}

function raiseConfig(key: Key, where: string): string {
  return key === 'run_usd' ? `Raise ${where}, or run again with --max-cost.` : `Raise ${where}, or wait until tomorrow.`;
}

/** The lowest cap; on a tie the first (highest-precedence) source. */
function lowest(candidates: Candidate[]): BudgetCap | undefined {
  let best: Candidate | undefined;
  for (const candidate of candidates) if (!best || candidate.usd < best.usd) best = candidate;
  return best;
}
