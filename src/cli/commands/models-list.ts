// `oss models list [--provider P] [--json]`: the catalogue grouped by provider (OpenRouter, Ollama, OpenAI,
// Gemini, Anthropic, then others), with prices per 1M tokens, context window, capability marks, and which
// Ollama models are installed (asked live from Ollama with a 500 ms timeout, else from the refresh cache).
//
// JSON output (stable; documented in docs/json-output.md):
// { "providers": [{ "provider": string, "label": string, "models": [ModelJson] }],
//   "ollama": { "installedFrom": "live"|"cache"|"none", "url": string, "installed": string[] | null } }
import type { CliIO } from '../io.js';
import { loadConfig } from '../../config/load-config.js';
import { ollamaStatus, type OllamaStatus } from '../../registry/ollama-status.js';
import { defaultRegistry, type ModelInfo, type ModelRegistry } from '../../registry/registry.js';
import type { OssConfig } from '../../config/config-types.js';
import { groupByProvider, MARKS_LEGEND, modelJson, modelLines } from '../render/model-table.js';

export async function modelsList(opts: Record<string, unknown>, io: CliIO): Promise<number> {
  const config = (await loadConfig({ cwd: io.cwd, env: io.env })).merged;
  const registry = defaultRegistry(io.env);
  const provider = typeof opts.provider === 'string' ? opts.provider : undefined;
  const status = await ollamaStatus(config, io.env, registry);
  const models = withInstalled(registry.listModels(provider), status, registry, config, provider);
  const groups = groupByProvider(models);

  if (opts.json) {
    io.stdout(`${JSON.stringify({
      providers: groups.map((group) => ({ provider: group.provider, label: group.label, models: group.models.map(modelJson) })),
      ollama: { installedFrom: status.source, url: status.url, installed: status.installed },
    }, null, 2)}\n`);
    return 0;
  }
  if (groups.length === 0) {
    io.stderr(`oss: no models known for provider '${provider}'. Built in: openrouter, ollama, openai, gemini, anthropic.\n`);
    return 1;
  }
  const lines = [MARKS_LEGEND];
  for (const group of groups) {
    lines.push('', `${group.label} (${group.models.length})${group.provider === 'ollama' ? `  ${ollamaNote(status)}` : ''}`);
    lines.push(...modelLines(group.models));
  }
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

/** Marks installed Ollama models, and lists installed ones the catalogue does not know. */
function withInstalled(models: ModelInfo[], status: OllamaStatus, registry: ModelRegistry, config: OssConfig, provider?: string): ModelInfo[] {
  if (!status.installed || (provider && provider !== 'ollama')) return models;
  const installed = new Set(status.installed);
  const marked = models.map((model) => (model.provider === 'ollama' ? { ...model, installed: installed.has(model.upstreamModel) } : model));
  const known = new Set(marked.filter((model) => model.provider === 'ollama').map((model) => model.upstreamModel));
  const extra = [...installed]
    .filter((name) => !known.has(name))
    .map((name) => registry.getModelInfo(`ollama/${name}`, config))
    .filter((model): model is ModelInfo => model !== undefined)
    .map((model) => ({ ...model, installed: true }));
  return [...marked, ...extra].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function ollamaNote(status: OllamaStatus): string {
  if (status.source === 'live') return `local models are free; installed per ${status.url}`;
  if (status.source === 'cache') return `local models are free; Ollama not reachable, installed per the last \`oss models refresh\``;
  return `local models are free; Ollama not reachable at ${status.url} (start it with \`ollama serve\`)`;
}
