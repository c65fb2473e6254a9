// The refresh cache, `<OSS_HOME>/cache/models.json`: what `oss models refresh` fetched from OpenRouter's
// live model list and the local Ollama server, each section stamped with its fetch time. A section older
// than the TTL is ignored by the registry (the bundled catalogue answers instead) but kept on disk.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ossHome } from '../config/paths.js';
import { writeFileAtomically } from '../config/write-file-atomically.js';
import type { EntryPatch } from './catalogue-entry.js';

export const MODEL_CACHE_TTL_MS = 24 * 60 * 60 * 1000;

export interface CacheSection {
  /** ISO time of the fetch. */
  fetchedAt: string;
  /** Where it was fetched from. */
  url: string;
  /** Entries as the source gave them; merged over the bundled catalogue field by field. */
  models: EntryPatch[];
}

export interface OllamaCacheSection extends CacheSection {
  /** Model names installed on that server (`llama3.2`, `qwen2.5-coder:7b`). */
  installed: string[];
}

export interface ModelCache {
  openrouter?: CacheSection;
  ollama?: OllamaCacheSection;
}

export function modelCachePath(env: NodeJS.ProcessEnv): string {
  return join(ossHome(env), 'cache', 'models.json');
}

/** The cache, or undefined when there is none or it cannot be read (a refresh rewrites it). */
export function readModelCache(env: NodeJS.ProcessEnv): ModelCache | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(modelCachePath(env), 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as ModelCache) : undefined;
  } catch {
    return undefined;
  }
}

export async function writeModelCache(cache: ModelCache, env: NodeJS.ProcessEnv): Promise<void> {
  const path = modelCachePath(env);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomically(path, `${JSON.stringify(cache, null, 1)}\n`);
}

export function isFresh(section: CacheSection | undefined, now: number): section is CacheSection {
  if (!section) return false;
  const at = Date.parse(section.fetchedAt);
  return Number.isFinite(at) && now - at < MODEL_CACHE_TTL_MS;
}
