// Ollama `GET /api/tags` → catalogue entries for the models installed on that server. A local model is
// free; a cloud model (`remote_model` / `remote_host` set, or a `-cloud` tag) runs on Ollama's servers and
// is not marked free. `llama3.2:latest` is listed as `ollama/llama3.2` (Ollama's default tag).
import type { EntryPatch } from './catalogue-entry.js';

export interface OllamaTag {
  name: string;
  model?: string;
  remote_model?: string;
  remote_host?: string;
  capabilities?: string[];
}

export interface OllamaTagList {
  models: OllamaTag[];
}

/** `llama3.2:latest` → `llama3.2`; other tags are kept. */
export function ollamaModelName(tagName: string): string {
  return tagName.replace(/:latest$/, '');
}

export function isOllamaCloudModel(name: string, tag?: OllamaTag): boolean {
  return Boolean(tag?.remote_model || tag?.remote_host) || /-cloud$/.test(name);
}

export function entriesFromOllamaTags(list: OllamaTagList): EntryPatch[] {
  return list.models.map((tag) => {
    const upstreamModel = ollamaModelName(tag.name);
    const cloud = isOllamaCloudModel(upstreamModel, tag);
    const capabilities = tag.capabilities;
    return {
      id: `ollama/${upstreamModel}`,
      provider: 'ollama',
      upstreamModel,
      ...(cloud ? {} : { inputPer1M: 0, outputPer1M: 0, cacheReadPer1M: 0, cacheWritePer1M: 0, free: true }),
      ...(capabilities
        ? {
            tools: capabilities.includes('tools'),
            vision: capabilities.includes('vision'),
            reasoning: capabilities.includes('thinking'),
          }
        : {}),
    };
  });
}
