// litellm price snapshot (../shared/fixtures/pricing/litellm-prices-snapshot.json, read by scripts/generate-registry.mjs) → catalogue entries.
// litellm keys OpenAI and Anthropic models bare (`gpt-4o`) and others with a prefix (`gemini/...`); some
// models appear both ways with different data: the prefixed key, which is the one litellm routes, wins.
import { isOpenAiReasoningModel, type EntryPatch } from './catalogue-entry.js';

export interface LitellmModel {
  id: string;
  provider: string;
  model: string;
  input_per_1m: number | null;
  output_per_1m: number | null;
  cache_read_per_1m: number | null;
  cache_write_per_1m: number | null;
  max_input_tokens: number | null;
  max_output_tokens: number | null;
  supports_function_calling: boolean;
  supports_vision: boolean;
  supports_reasoning: boolean;
  free: boolean;
  deprecation_date?: string;
  dynamic_pricing?: boolean;
}

export interface LitellmSnapshot {
  models: LitellmModel[];
}

export function entriesFromLitellm(snapshot: LitellmSnapshot): EntryPatch[] {
  const chosen = new Map<string, LitellmModel>();
  for (const model of snapshot.models) {
    if (model.id.startsWith('ft:')) continue;
    const id = `${model.provider}/${model.model}`;
    const prefixed = model.id.startsWith(`${model.provider}/`);
    if (!chosen.has(id) || prefixed) chosen.set(id, model);
  }
  return [...chosen.entries()].map(([id, model]) => ({
    id,
    provider: model.provider,
    upstreamModel: model.model,
    inputPer1M: model.input_per_1m,
    outputPer1M: model.output_per_1m,
    cacheReadPer1M: model.cache_read_per_1m,
    cacheWritePer1M: model.cache_write_per_1m,
    contextWindow: model.max_input_tokens,
    maxOutputTokens: model.max_output_tokens,
    tools: model.supports_function_calling,
    vision: model.supports_vision,
    reasoning: model.supports_reasoning,
    reasoningModel: (model.provider === 'openai' || model.provider === 'openrouter') && isOpenAiReasoningModel(model.model),
    free: model.free,
    dynamicPricing: model.dynamic_pricing ?? false,
    deprecationDate: model.deprecation_date ?? null,
  }));
}
