// Gemini `GET /v1beta/models` → catalogue patches: context window, output limit and thinking support.
// The list carries no prices (those come from the price snapshot); embedding-only models are skipped.
import type { EntryPatch } from './catalogue-entry.js';

export interface GeminiModel {
  name: string;
  inputTokenLimit?: number;
  outputTokenLimit?: number;
  supportedGenerationMethods?: string[];
  thinking?: boolean;
}

export interface GeminiModelList {
  models: GeminiModel[];
}

export function entriesFromGemini(list: GeminiModelList): EntryPatch[] {
  return list.models
    .filter((model) => model.supportedGenerationMethods?.includes('generateContent'))
    .map((model) => {
      const upstreamModel = model.name.replace(/^models\//, '');
      return {
        id: `gemini/${upstreamModel}`,
        provider: 'gemini',
        upstreamModel,
        contextWindow: model.inputTokenLimit,
        maxOutputTokens: model.outputTokenLimit,
        ...(model.thinking ? { reasoning: true } : {}),
      };
    });
}
