// One model in the catalogue (src/registry/catalogue.json), in the bundled data and in the refresh cache.
// Prices are USD per 1M tokens; null when the source does not give one.

export interface CatalogueEntry {
  /** oss model id: `<provider>/<upstream model>`, e.g. `openrouter/deepseek/deepseek-chat`. */
  id: string;
  provider: string;
  /** Model id as the provider knows it. */
  upstreamModel: string;
  inputPer1M: number | null;
  outputPer1M: number | null;
  cacheReadPer1M: number | null;
  cacheWritePer1M: number | null;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  tools: boolean;
  vision: boolean;
  /** The model can think (reasoning effort / thinking budget may be sent). */
  reasoning: boolean;
  /** OpenAI o-series / gpt-5 family: `max_completion_tokens`, no temperature or top_p. */
  reasoningModel: boolean;
  /** Costs nothing: an OpenRouter `:free` model, a zero-priced model, or a local Ollama model. */
  free: boolean;
  /** Price depends on the model a router picks (OpenRouter `openrouter/auto`): never multiply. */
  dynamicPricing: boolean;
  /** YYYY-MM-DD after which the provider stops serving the model, when announced. */
  deprecationDate: string | null;
  /** Where the entry's data came from (last source that changed it). */
  source: CatalogueSource;
}

export type CatalogueSource = 'litellm' | 'openrouter-api' | 'gemini-api' | 'ollama-tags' | 'overrides' | 'refresh';

/** A partial entry from a source that knows only some fields; merged over what earlier sources gave. */
export type EntryPatch = Partial<Omit<CatalogueEntry, 'id' | 'provider' | 'upstreamModel'>> & {
  id: string;
  provider: string;
  upstreamModel: string;
};

export const EMPTY_ENTRY: Omit<CatalogueEntry, 'id' | 'provider' | 'upstreamModel' | 'source'> = {
  inputPer1M: null,
  outputPer1M: null,
  cacheReadPer1M: null,
  cacheWritePer1M: null,
  contextWindow: null,
  maxOutputTokens: null,
  tools: false,
  vision: false,
  reasoning: false,
  reasoningModel: false,
  free: false,
  dynamicPricing: false,
  deprecationDate: null,
};

/** Merge patches in order (later wins, field by field) into full entries, sorted by id. */
export function mergeEntries(base: CatalogueEntry[], patches: EntryPatch[], source: CatalogueSource): CatalogueEntry[] {
  const byId = new Map(base.map((entry) => [entry.id, entry]));
  for (const patch of patches) {
    const previous = byId.get(patch.id);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const merged = { ...EMPTY_ENTRY, ...previous, ...defined, source: patch.source ?? source } as CatalogueEntry;
    byId.set(patch.id, { id: merged.id, provider: merged.provider, upstreamModel: merged.upstreamModel, ...pickFields(merged) });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The non-identity fields of an entry, in catalogue order (keeps catalogue.json diffs readable). */
function pickFields(entry: CatalogueEntry): Omit<CatalogueEntry, 'id' | 'provider' | 'upstreamModel'> {
  const picked = Object.fromEntries(Object.keys(EMPTY_ENTRY).map((key) => [key, entry[key as keyof CatalogueEntry]]));
  return { ...(picked as typeof EMPTY_ENTRY), source: entry.source };
}

/** USD per token (or per 1M already) → per 1M, rounded to 10 significant digits (no 2.4999999999999996). */
export function roundPrice(value: number): number {
  return Number(value.toPrecision(10));
}

/** OpenAI o-series and gpt-5 family (not the `-chat` variants, which are plain chat models). */
export function isOpenAiReasoningModel(upstreamModel: string): boolean {
  const name = upstreamModel.replace(/^openai\//, '');
  return /^(o\d+|gpt-5)(\b|[-.])/.test(name) && !/-chat\b/.test(name);
}
