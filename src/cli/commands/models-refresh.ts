// `oss models refresh [--json]`: fetch OpenRouter's live model list and the local Ollama's installed models
// into the refresh cache (valid 24 h). A source that fails keeps its previous cache section. Exit 0 when at
// least one source was refreshed (Ollama not running is normal), 1 when both failed.
//
// JSON output (stable; documented in docs/json-output.md):
// { "cache": string, "ttlHours": 24,
//   "sources": { "openrouter"|"ollama": { "ok": true, "url": string, "models": number }
//                                     | { "ok": false, "url": string, "error": string, "keptFetchedAt": string|null } } }
import type { CliIO } from '../../io.js';
import { loadConfig } from '../../config/load-config.js';
import { MODEL_CACHE_TTL_MS } from '../../registry/model-cache.js';
import { refreshModels, type SourceResult } from '../../registry/refresh.js';

const LABELS = { openrouter: 'OpenRouter', ollama: 'Ollama' } as const;

export async function modelsRefresh(opts: Record<string, unknown>, io: CliIO): Promise<number> {
  const config = (await loadConfig({ cwd: io.cwd, env: io.env })).merged;
  const result = await refreshModels(config, io.env);
  const ttlHours = MODEL_CACHE_TTL_MS / 3_600_000;
  const anyOk = result.sources.openrouter.ok || result.sources.ollama.ok;
  if (opts.json) {
    io.stdout(`${JSON.stringify({ cache: result.cachePath, ttlHours, sources: result.sources }, null, 2)}\n`);
    return anyOk ? 0 : 1;
  }
  const lines = (Object.keys(LABELS) as Array<keyof typeof LABELS>).map((name) => line(LABELS[name], result.sources[name]));
  lines.push(anyOk ? `Cache: ${result.cachePath} (used for ${ttlHours} h)` : `Nothing refreshed; the cache at ${result.cachePath} is unchanged.`);
  io.stdout(`${lines.join('\n')}\n`);
  return anyOk ? 0 : 1;
}

function line(label: string, source: SourceResult): string {
  if (source.ok) return `✓ ${label}: ${source.models} model${source.models === 1 ? '' : 's'} from ${source.url}`;
  const kept = source.keptFetchedAt ? `kept the cached list from ${source.keptFetchedAt}` : 'no cached list to keep';
  return `✗ ${label}: ${source.url} failed (${source.error}); ${kept}`;
}
