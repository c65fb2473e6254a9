// How `oss models list` and `oss models search` show models: grouped under provider headings, prices per
// 1M tokens, context window, capability marks; and the one stable JSON shape both commands use per model.
import { BUILTIN_PROVIDERS, isBuiltinProvider } from '../../config/providers.js';
import type { CatalogueEntry } from '../../registry/catalogue-entry.js';
import type { ModelInfo } from '../../registry/registry.js';
import { localDate } from '../../usage/ledger.js';

/** Heading order: the built-in providers, then any other provider by name. */
const PROVIDER_ORDER = ['openrouter', 'ollama', 'openai', 'gemini', 'anthropic'];

/** A catalogue entry without its provenance, plus whether Ollama has it installed (null when unknown or not Ollama). */
export type ModelJson = Omit<CatalogueEntry, 'source'> & { installed: boolean | null };

export function modelJson(model: ModelInfo): ModelJson {
  return {
    id: model.id,
    provider: model.provider,
    upstreamModel: model.upstreamModel,
    inputPer1M: model.inputPer1M,
    outputPer1M: model.outputPer1M,
    cacheReadPer1M: model.cacheReadPer1M,
    cacheWritePer1M: model.cacheWritePer1M,
    contextWindow: model.contextWindow,
    maxOutputTokens: model.maxOutputTokens,
    tools: model.tools,
    vision: model.vision,
    reasoning: model.reasoning,
    reasoningModel: model.reasoningModel,
    free: model.free,
    dynamicPricing: model.dynamicPricing,
    deprecationDate: model.deprecationDate,
    installed: model.installed ?? null,
  };
}

export function providerLabel(provider: string): string {
  return isBuiltinProvider(provider) ? BUILTIN_PROVIDERS[provider].label : provider;
}

export interface ProviderGroup {
  provider: string;
  label: string;
  models: ModelInfo[];
}

export function groupByProvider(models: ModelInfo[]): ProviderGroup[] {
  const groups = new Map<string, ModelInfo[]>();
  for (const model of models) groups.set(model.provider, [...(groups.get(model.provider) ?? []), model]);
  const rank = (provider: string) => {
    const index = PROVIDER_ORDER.indexOf(provider);
    return index < 0 ? PROVIDER_ORDER.length : index;
  };
  return [...groups.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((provider) => ({ provider, label: providerLabel(provider), models: groups.get(provider) ?? [] }));
}

export const MARKS_LEGEND = 'Prices: USD per 1M tokens, input / output. Marks: T tools, V vision, R reasoning.';

/** Lines for one provider's models (no heading). */
export function modelLines(models: ModelInfo[], today: string = localDate(Date.now())): string[] {
  const width = Math.max(...models.map((model) => model.id.length), 10);
  return models.map((model) => {
    const marks = `${model.tools ? 'T' : '-'}${model.vision ? 'V' : '-'}${model.reasoning ? 'R' : '-'}`;
    const extras = [
      model.installed ? 'installed' : '',
      model.deprecationDate ? `${model.deprecationDate <= today ? 'retired' : 'retires'} on ${model.deprecationDate}` : '',
    ].filter(Boolean);
    const cells = [model.id.padEnd(width + 2), priceCell(model).padEnd(17), contextCell(model.contextWindow).padStart(5), ' ctx', `  ${marks}`];
    return `  ${cells.join('')}${extras.length ? `  ${extras.join(', ')}` : ''}`.trimEnd();
  });
}

function priceCell(model: ModelInfo): string {
  if (model.free) return 'free';
  if (model.dynamicPricing) return 'varies';
  if (model.inputPer1M === null || model.outputPer1M === null) return '?';
  return `${formatPrice(model.inputPer1M)} / ${formatPrice(model.outputPer1M)}`;
}

/** $2.50, $0.10, $0.025, $0.0833 */
export function formatPrice(value: number): string {
  const fixed = value.toFixed(2);
  return `$${Number(fixed) === value ? fixed : String(Number(value.toPrecision(3)))}`;
}

/** 128000 → 128k, 1048576 → 1M, unknown → ? */
export function contextCell(tokens: number | null): string {
  if (!tokens) return '?';
  if (tokens >= 1_000_000) return `${Number((tokens / 1_000_000).toFixed(1))}M`;
  return `${Math.round(tokens / 1000)}k`;
}
