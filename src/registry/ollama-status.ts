// Which Ollama models are installed, for `oss models list`: asked live from the Ollama server with a short
// timeout (a local call costs milliseconds), else taken from the last `oss models refresh`, else unknown.
import type { OssConfig } from '../config/config-types.js';
import { ollamaModelName, type OllamaTagList } from './ollama-models.js';
import { ollamaTagsUrl } from './refresh.js';
import type { ModelRegistry } from './registry.js';

export interface OllamaStatus {
  /** `live`: the server answered now; `cache`: from the refresh cache; `none`: unknown. */
  source: 'live' | 'cache' | 'none';
  url: string;
  installed: string[] | null;
}

export async function ollamaStatus(config: OssConfig, env: NodeJS.ProcessEnv, registry: ModelRegistry, timeoutMs = 500): Promise<OllamaStatus> {
  const url = ollamaTagsUrl(config, env);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json()) as OllamaTagList;
    if (response.ok && Array.isArray(body.models)) {
      return { source: 'live', url, installed: body.models.map((tag) => ollamaModelName(tag.name)) };
    }
  } catch {
    // not running or not reachable: fall back to the cache
  }
  return registry.installedOllama ? { source: 'cache', url, installed: registry.installedOllama } : { source: 'none', url, installed: null };
}
