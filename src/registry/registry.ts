// The model registry: the bundled catalogue, plus fresh refresh-cache data (OpenRouter live list, local
// Ollama models), plus the user's config `pricing` overrides (which win). Lookups are synchronous.
import { readFileSync, statSync } from 'node:fs';
import { EMPTY_ENTRY, mergeEntries, type CatalogueEntry } from './catalogue-entry.js';
import { settleOllama } from './build-catalogue.js';
import { isFresh, modelCachePath, readModelCache, type ModelCache } from './model-cache.js';
import { isOllamaCloudModel, ollamaModelName } from './ollama-models.js';
import type { OssConfig, PricingOverride } from '../config/config-types.js';
import { CLAUDE_PROVIDER, splitModelId } from '../model-id.js';

/** USD per 1M tokens. Cache prices are absent when unknown (cost then uses the input price). */
export interface Pricing {
  inputPer1M: number;
  outputPer1M: number;
  cacheReadPer1M?: number;
  cacheWritePer1M?: number;
}

export interface ModelInfo extends CatalogueEntry {
  /** Ollama only: the model is installed on the local server (per the last refresh). */
  installed?: boolean;
  /** The catalogue does not list this model: only its provider (and any config override) is known. */
  synthetic?: boolean;
}

export interface SearchOptions {
  free?: boolean;
}

export interface RegistryOptions {
  env?: NodeJS.ProcessEnv;
  /** Clock for the cache TTL. */
  now?: () => number;
}

/**
 * The catalogue shipped with oss (catalogue.json beside this module: the build copies it to dist/registry/
 * and dist/bundle/), read on the first lookup. Most starts look up no model (an all-Claude run, a config with
 * every id valid), and JSON.parse costs less than evaluating 120 KB as a module.
 */
let bundledEntries: CatalogueEntry[] | undefined;
function bundledCatalogue(): CatalogueEntry[] {
  return (bundledEntries ??= JSON.parse(readFileSync(new URL('./catalogue.json', import.meta.url), 'utf8')) as CatalogueEntry[]);
}

const CODE_NAME = /cod(e|er|ex|ing|estral|egeex)|devstral/i;

/** Query words that select by capability rather than by name. */
const CAPABILITY_WORDS: Record<string, (entry: ModelInfo) => boolean> = {
  tools: (e) => e.tools,
  tool: (e) => e.tools,
  vision: (e) => e.vision,
  image: (e) => e.vision,
  reasoning: (e) => e.reasoning,
  thinking: (e) => e.reasoning,
  free: (e) => e.free,
  local: (e) => e.provider === 'ollama' && !isOllamaCloudModel(e.upstreamModel),
  installed: (e) => e.installed === true,
  code: (e) => CODE_NAME.test(e.upstreamModel),
  coder: (e) => CODE_NAME.test(e.upstreamModel),
  coding: (e) => CODE_NAME.test(e.upstreamModel),
};

export class ModelRegistry {
  private readonly entries: Map<string, ModelInfo>;
  /** Installed Ollama models per the fresh cache; undefined when unknown. */
  readonly installedOllama: string[] | undefined;

  constructor(options: RegistryOptions = {}) {
    const env = options.env ?? process.env;
    const now = (options.now ?? Date.now)();
    const cache: ModelCache | undefined = readModelCache(env);
    let entries = bundledCatalogue();
    if (isFresh(cache?.openrouter, now)) entries = mergeEntries(entries, cache.openrouter.models, 'refresh');
    const ollama = cache?.ollama && isFresh(cache.ollama, now) ? cache.ollama : undefined;
    if (ollama) entries = mergeEntries(entries, ollama.models, 'refresh').map(settleOllama);
    this.installedOllama = ollama?.installed;
    const installed = new Set(ollama?.installed ?? []);
    this.entries = new Map(
      entries.map((entry) => [
        entry.id,
        entry.provider === 'ollama' && ollama ? { ...entry, installed: installed.has(entry.upstreamModel) } : entry,
      ]),
    );
  }

  /** Prices for a model; Ollama local models cost 0; undefined when no price is known. */
  getPricing(modelId: string, config?: OssConfig): Pricing | undefined {
    const info = this.getModelInfo(modelId, config);
    if (!info || info.inputPer1M === null || info.outputPer1M === null) return undefined;
    return {
      inputPer1M: info.inputPer1M,
      outputPer1M: info.outputPer1M,
      ...(info.cacheReadPer1M !== null ? { cacheReadPer1M: info.cacheReadPer1M } : {}),
      ...(info.cacheWritePer1M !== null ? { cacheWritePer1M: info.cacheWritePer1M } : {}),
    };
  }

  /** Everything known about a model, with config `pricing` overrides applied. */
  getModelInfo(modelId: string, config?: OssConfig): ModelInfo | undefined {
    const found = this.lookup(modelId);
    const override = config?.pricing?.[modelId];
    if (!override) return found;
    const base = found ?? bareEntry(modelId);
    return base ? applyOverride(base, override) : undefined;
  }

  /** Catalogue entries, id-sorted; only one provider's when given. */
  listModels(provider?: string): ModelInfo[] {
    const all = [...this.entries.values()];
    return provider ? all.filter((entry) => entry.provider === provider) : all;
  }

  /**
   * Models whose id contains every word of the query, where a capability word (tools, vision, reasoning,
   * thinking, free, local, installed, code) also matches models having that capability.
   */
  searchModels(query: string, options: SearchOptions = {}): ModelInfo[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return this.listModels().filter((entry) => {
      if (options.free && !entry.free) return false;
      return words.every((word) => entry.id.toLowerCase().includes(word) || CAPABILITY_WORDS[word]?.(entry) === true);
    });
  }

  private lookup(modelId: string): ModelInfo | undefined {
    const direct = this.entries.get(modelId);
    if (direct) return direct;
    const split = splitModelId(modelId);
    if (split?.model === undefined) return undefined;
    const { provider, model } = split;
    if (provider === CLAUDE_PROVIDER) return this.renamed(`anthropic/${model}`, modelId, provider, model);
    if (provider === 'ollama') return this.ollamaEntry(modelId, model);
    const undated = model.replace(/-\d{4}-\d{2}-\d{2}$/, '');
    if (undated !== model) return this.renamed(`${provider}/${undated}`, modelId, provider, model);
    return undefined;
  }

  private renamed(knownId: string, id: string, provider: string, upstreamModel: string): ModelInfo | undefined {
    const known = this.entries.get(knownId);
    return known ? { ...known, id, provider, upstreamModel } : undefined;
  }

  /** `ollama/llama3.2:latest` and `ollama/llama3.2:3b` take `ollama/llama3.2`'s data; any local model is free. */
  private ollamaEntry(modelId: string, model: string): ModelInfo {
    const name = ollamaModelName(model);
    const family = this.entries.get(`ollama/${name}`) ?? this.entries.get(`ollama/${name.replace(/:.*$/, '')}`);
    const base: ModelInfo = family ?? { ...EMPTY_ENTRY, id: modelId, provider: 'ollama', upstreamModel: name, source: 'overrides', synthetic: true };
    const installed = this.installedOllama ? { installed: this.installedOllama.includes(name) } : {};
    return { ...settleOllama({ ...base, id: modelId, upstreamModel: name }), ...installed };
  }
}

function bareEntry(modelId: string): ModelInfo | undefined {
  const split = splitModelId(modelId);
  if (split?.model === undefined) return undefined;
  return { ...EMPTY_ENTRY, id: modelId, provider: split.provider, upstreamModel: split.model, source: 'overrides', synthetic: true };
}

function applyOverride(entry: ModelInfo, override: PricingOverride): ModelInfo {
  return {
    ...entry,
    inputPer1M: override.input ?? entry.inputPer1M,
    outputPer1M: override.output ?? entry.outputPer1M,
    cacheReadPer1M: override.cacheRead ?? entry.cacheReadPer1M,
    cacheWritePer1M: override.cacheWrite ?? entry.cacheWritePer1M,
    contextWindow: override.contextWindow ?? entry.contextWindow,
    maxOutputTokens: override.maxOutputTokens ?? entry.maxOutputTokens,
    free: override.input !== undefined || override.output !== undefined ? (override.input ?? entry.inputPer1M) === 0 && (override.output ?? entry.outputPer1M) === 0 : entry.free,
  };
}

let shared: { key: string; registry: ModelRegistry } | undefined;

/** The registry for this process's environment, rebuilt when the refresh cache changes on disk. */
export function defaultRegistry(env: NodeJS.ProcessEnv = process.env): ModelRegistry {
  const path = modelCachePath(env);
  let stamp = 'none';
  try {
    stamp = String(statSync(path).mtimeMs);
  } catch {
    // no cache yet: the bundled catalogue alone
  }
  const key = `${path}:${stamp}`;
  if (shared?.key !== key) shared = { key, registry: new ModelRegistry({ env }) };
  return shared.registry;
}
