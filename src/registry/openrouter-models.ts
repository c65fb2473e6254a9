// OpenRouter `GET /api/v1/models` → catalogue entries. Prices are strings in USD per token; a missing key
// means 0; `"-1"` means dynamic (a router: the chosen model's price applies), never a number to multiply.
import { isOpenAiReasoningModel, roundPrice, type EntryPatch } from './catalogue-entry.js';

export interface OpenRouterModel {
  id: string;
  context_length?: number | null;
  pricing?: Record<string, string | undefined>;
  top_provider?: { context_length?: number | null; max_completion_tokens?: number | null } | null;
  supported_parameters?: string[];
  architecture?: { input_modalities?: string[] } | null;
  expiration_date?: string | null;
}

export interface OpenRouterModelList {
  data: OpenRouterModel[];
}

export function entriesFromOpenRouter(list: OpenRouterModelList): EntryPatch[] {
  return list.data.map(entryFromOpenRouter);
}

function entryFromOpenRouter(model: OpenRouterModel): EntryPatch {
  const pricing = model.pricing ?? {};
  const dynamic = pricing.prompt === '-1' || pricing.completion === '-1';
  const input = dynamic ? null : perMillion(pricing.prompt);
  const output = dynamic ? null : perMillion(pricing.completion);
  const parameters = model.supported_parameters ?? [];
  return {
    id: `openrouter/${model.id}`,
    provider: 'openrouter',
    upstreamModel: model.id,
    inputPer1M: input,
    outputPer1M: output,
    cacheReadPer1M: dynamic || pricing.input_cache_read === undefined ? null : perMillion(pricing.input_cache_read),
    cacheWritePer1M: dynamic || pricing.input_cache_write === undefined ? null : perMillion(pricing.input_cache_write),
    contextWindow: model.top_provider?.context_length ?? model.context_length ?? null,
    maxOutputTokens: model.top_provider?.max_completion_tokens ?? null,
    tools: parameters.includes('tools'),
    vision: model.architecture?.input_modalities?.includes('image') ?? false,
    reasoning: parameters.includes('reasoning') || parameters.includes('include_reasoning'),
    reasoningModel: isOpenAiReasoningModel(model.id) && model.id.startsWith('openai/'),
    free: !dynamic && (model.id.endsWith(':free') || (input === 0 && output === 0)),
    dynamicPricing: dynamic,
    deprecationDate: model.expiration_date ?? null,
  };
}

function perMillion(perToken: string | undefined): number {
  const value = Number(perToken ?? '0');
  return Number.isFinite(value) ? roundPrice(value * 1_000_000) : 0;
}
