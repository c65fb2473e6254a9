// `oss models list [--provider P] [--json]`: the catalogue grouped by provider (OpenRouter, Ollama, OpenAI,
// Gemini, Anthropic, then others), with prices per 1M tokens, context window, capability marks, and which
// Ollama models are installed (asked live from Ollama with a 500 ms timeout, else from the refresh cache). Each
// heading says whether the provider is usable now (its key is set, or its local server answers) and, if not, the
// next step; built-in providers with no catalogue models (Groq, Mistral, …) are listed too, so every preset shows.
//
// JSON output (stable; documented in docs/json-output.md):
// { "providers": [{ "provider": string, "label": string, "usable": boolean, "readiness": string,
//                   "models": [ModelJson & { "usable": boolean }] }],
//   "ollama": { "installedFrom": "live"|"cache"|"none", "url": string, "installed": string[] | null } }
import type { CliIO } from '../../io.js';
import { loadConfig } from '../../config/load-config.js';
import { ollamaStatus, type OllamaStatus } from '../../registry/ollama-status.js';
import { defaultRegistry, type ModelInfo, type ModelRegistry } from '../../registry/registry.js';
import type { OssConfig } from '../../config/config-types.js';
import { groupByProvider, MARKS_LEGEND, modelJson, modelLines, providerLabel, type ProviderGroup } from '../render/model-table.js';
import { BUILTIN_PROVIDERS } from '../../config/providers.js';
import { providerReadiness, type ProviderReadiness } from '../../registry/provider-readiness.js';

export async function modelsList(opts: Record<string, unknown>, io: CliIO): Promise<number> {
  const config = (await loadConfig({ cwd: io.cwd, env: io.env })).merged;
  const registry = defaultRegistry(io.env);
  const provider = typeof opts.provider === 'string' ? opts.provider : undefined;
  const status = await ollamaStatus(config, io.env, registry);
  const models = withInstalled(registry.listModels(provider), status, registry, config, provider);
  const groups = withPresets(groupByProvider(models), provider);
  const readiness = await Promise.all(groups.map((group) => providerReadiness(group.provider, config, io.env, status)));

  if (opts.json) {
    io.stdout(`${JSON.stringify({
      providers: groups.map((group, i) => {
        const ready = readiness[i] as ProviderReadiness;
        const models = group.models.map((model) => ({ ...modelJson(model), usable: ready.usable && model.installed !== false }));
        return { provider: group.provider, label: group.label, usable: ready.usable, readiness: ready.line, models };
      }),
      ollama: { installedFrom: status.source, url: status.url, installed: status.installed },
    }, null, 2)}\n`);
    return 0;
  }
  if (groups.length === 0) {
    io.stderr(`oss: no models known for provider '${provider}'. Built in: ${Object.keys(BUILTIN_PROVIDERS).join(', ')}.\n`);
    return 1;
  }
  const lines = [MARKS_LEGEND];
  groups.forEach((group, i) => {
    const ready = readiness[i] as ProviderReadiness;
    const note = group.provider === 'ollama' ? `${ready.usable ? 'ready' : 'not ready'}; ${ollamaNote(status)}` : ready.line;
    lines.push('', `${group.label} (${group.models.length})  ${note}`);
    if (group.models.length === 0) lines.push(`  not in the catalogue: any model it serves works as ${group.provider}/<model>`);
    else lines.push(...modelLines(group.models));
  });
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

/** The built-in providers the catalogue has no models for, as empty groups after the others (or the one asked for). */
function withPresets(groups: ProviderGroup[], provider: string | undefined): ProviderGroup[] {
  const listed = new Set(groups.map((group) => group.provider));
  const presets = Object.keys(BUILTIN_PROVIDERS)
    .filter((name) => !listed.has(name) && (provider === undefined || provider === name))
    .map((name) => ({ provider: name, label: providerLabel(name), models: [] }));
  return [...groups, ...presets];
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
