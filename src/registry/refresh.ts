// `oss models refresh`: fetch OpenRouter's live model list and the local Ollama's installed models into the
// refresh cache. Each source is independent: one that fails keeps its previous cache section (and says so).
// OpenRouter's list needs no key, so none is sent.
import type { OssConfig } from '../config/config-types.js';
import { resolveProvider } from '../config/providers.js';
import { entriesFromOllamaTags, ollamaModelName, type OllamaTagList } from './ollama-models.js';
import { entriesFromOpenRouter, type OpenRouterModelList } from './openrouter-models.js';
import { modelCachePath, readModelCache, writeModelCache, type CacheSection, type ModelCache } from './model-cache.js';

export type SourceName = 'openrouter' | 'ollama';

export type SourceResult =
  | { ok: true; url: string; models: number }
  | {
      ok: false;
      url: string;
      error: string;
      /** When the previous cache section was kept: its fetch time. */
      keptFetchedAt: string | null;
    };

export interface RefreshResult {
  cachePath: string;
  sources: Record<SourceName, SourceResult>;
}

export interface RefreshOptions {
  now?: () => number;
  /** Per-source timeouts, ms. */
  openRouterTimeoutMs?: number;
  ollamaTimeoutMs?: number;
}

export function openRouterModelsUrl(config: OssConfig, env: NodeJS.ProcessEnv): string {
  return `${resolveProvider('openrouter', config, env)?.baseUrl ?? 'https://openrouter.ai/api/v1'}/models`;
}

export function ollamaTagsUrl(config: OssConfig, env: NodeJS.ProcessEnv): string {
  const base = resolveProvider('ollama', config, env)?.baseUrl ?? 'http://localhost:11434';
  return `${base.replace(/\/v1$/, '')}/api/tags`;
}

export async function refreshModels(config: OssConfig, env: NodeJS.ProcessEnv, options: RefreshOptions = {}): Promise<RefreshResult> {
  const fetchedAt = new Date((options.now ?? Date.now)()).toISOString();
  const previous: ModelCache = readModelCache(env) ?? {};
  const next: ModelCache = { ...previous };

  const openRouterUrl = openRouterModelsUrl(config, env);
  const openrouter = await fetchJson<OpenRouterModelList>(openRouterUrl, options.openRouterTimeoutMs ?? 15_000, (body) => Array.isArray(body.data));
  let openrouterResult: SourceResult;
  if (openrouter.ok) {
    next.openrouter = { fetchedAt, url: openRouterUrl, models: entriesFromOpenRouter(openrouter.body) };
    openrouterResult = { ok: true, url: openRouterUrl, models: next.openrouter.models.length };
  } else {
    openrouterResult = failed(openRouterUrl, openrouter.error, previous.openrouter);
  }

  const ollamaUrl = ollamaTagsUrl(config, env);
  const ollama = await fetchJson<OllamaTagList>(ollamaUrl, options.ollamaTimeoutMs ?? 3_000, (body) => Array.isArray(body.models));
  let ollamaResult: SourceResult;
  if (ollama.ok) {
    const installed = ollama.body.models.map((tag) => ollamaModelName(tag.name));
    next.ollama = { fetchedAt, url: ollamaUrl, installed, models: entriesFromOllamaTags(ollama.body) };
    ollamaResult = { ok: true, url: ollamaUrl, models: installed.length };
  } else {
    ollamaResult = failed(ollamaUrl, ollama.error, previous.ollama);
  }

  if (openrouter.ok || ollama.ok) await writeModelCache(next, env);
  return { cachePath: modelCachePath(env), sources: { openrouter: openrouterResult, ollama: ollamaResult } };
}

function failed(url: string, error: string, kept: CacheSection | undefined): SourceResult {
  return { ok: false, url, error, keptFetchedAt: kept?.fetchedAt ?? null };
}

type Fetched<T> = { ok: true; body: T } | { ok: false; error: string };

async function fetchJson<T>(url: string, timeoutMs: number, valid: (body: T) => boolean): Promise<Fetched<T>> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return { ok: false, error: describeFetchError(error, timeoutMs) };
  }
  if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
  try {
    const body = (await response.json()) as T;
    return valid(body) ? { ok: true, body } : { ok: false, error: 'unexpected response shape' };
  } catch {
    return { ok: false, error: 'response is not JSON' };
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.message ?? cause?.code ?? (error instanceof Error ? error.message : String(error));
}
