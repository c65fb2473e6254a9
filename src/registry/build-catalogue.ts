// Builds the bundled catalogue from the recorded source data (../shared/fixtures/pricing and model-lists,
// provenance in their SOURCES.md, read by scripts/generate-registry.mjs) and scripts/registry-overrides.json. Pure and deterministic: the same inputs give the same, id-sorted entries.
// Order (later wins field by field): litellm snapshot → Gemini model list → OpenRouter model list →
// Ollama tags → hand-kept overrides. Then local Ollama models are made free and cloud ones unpriced.
import { mergeEntries, type CatalogueEntry, type EntryPatch } from './catalogue-entry.js';
import { entriesFromGemini, type GeminiModelList } from './gemini-models.js';
import { entriesFromLitellm, type LitellmSnapshot } from './litellm-snapshot.js';
import { entriesFromOllamaTags, isOllamaCloudModel, type OllamaTagList } from './ollama-models.js';
import { entriesFromOpenRouter, type OpenRouterModelList } from './openrouter-models.js';

export interface OverridesFile {
  /** Each patch may carry a `note` naming its source; it is not copied into the catalogue. */
  models: Array<EntryPatch & { note?: string }>;
}

export interface CatalogueInputs {
  litellm: LitellmSnapshot;
  gemini: GeminiModelList;
  openrouter: OpenRouterModelList;
  ollamaTags: OllamaTagList;
  overrides: OverridesFile;
}

export function buildCatalogue(inputs: CatalogueInputs): CatalogueEntry[] {
  let entries = mergeEntries([], entriesFromLitellm(inputs.litellm), 'litellm');
  entries = mergeEntries(entries, entriesFromGemini(inputs.gemini), 'gemini-api');
  entries = mergeEntries(entries, entriesFromOpenRouter(inputs.openrouter), 'openrouter-api');
  entries = mergeEntries(entries, entriesFromOllamaTags(inputs.ollamaTags), 'ollama-tags');
  const overrides = inputs.overrides.models.map(({ note: _note, ...patch }) => patch);
  entries = mergeEntries(entries, overrides, 'overrides');
  return entries.map(settleOllama);
}

/** Local Ollama models cost nothing; cloud ones are billed by Ollama's plan, not per token: unknown price. */
export function settleOllama(entry: CatalogueEntry): CatalogueEntry {
  if (entry.provider !== 'ollama') return entry;
  if (isOllamaCloudModel(entry.upstreamModel)) {
    return { ...entry, inputPer1M: null, outputPer1M: null, cacheReadPer1M: null, cacheWritePer1M: null, free: false };
  }
  return { ...entry, inputPer1M: 0, outputPer1M: 0, cacheReadPer1M: 0, cacheWritePer1M: 0, free: true };
}
