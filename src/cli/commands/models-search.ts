// `oss models search [query] [--free] [--json]`: models whose id contains every word of the query, where a
// capability word (tools, vision, reasoning, thinking, free, local, installed, code) also matches models
// that have it. Shown like `oss models list`.
//
// JSON output (stable; documented in docs/json-output.md):
// { "query": string, "free": boolean, "models": [ModelJson] }
import type { CliIO } from '../../io.js';
import { defaultRegistry } from '../../registry/registry.js';
import { groupByProvider, MARKS_LEGEND, modelJson, modelLines } from '../render/model-table.js';

export async function modelsSearch(query: string | undefined, opts: Record<string, unknown>, io: CliIO): Promise<number> {
  const free = opts.free === true;
  const text = query ?? '';
  const models = defaultRegistry(io.env).searchModels(text, { free });
  if (opts.json) {
    io.stdout(`${JSON.stringify({ query: text, free, models: models.map(modelJson) }, null, 2)}\n`);
    return 0;
  }
  const what = [text ? `'${text}'` : '', free ? 'free' : ''].filter(Boolean).join(', ') || 'everything';
  if (models.length === 0) {
    io.stdout(`No models match ${what}. Try a capability word: tools, vision, reasoning, free, local, code.\n`);
    return 0;
  }
  const lines = [`${models.length} ${models.length === 1 ? 'model matches' : 'models match'} ${what}. ${MARKS_LEGEND}`];
  for (const group of groupByProvider(models)) lines.push('', `${group.label} (${group.models.length})`, ...modelLines(group.models));
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
