// Settings oss does not know, found in one config file, each with the closest known key. Inside the sections
// oss owns (`models`, `providers.<name>`, `pricing.<id>`) every unknown key is reported; at the top level only
// a near miss is (the files are shared with another tool, whose keys are not ours to flag).
import type { OssConfig } from './config-types.js';
import { BUDGET_KEYS, MODELS_KEYS, PRICING_KEYS, PROVIDER_KEYS, TOP_LEVEL_KEYS } from './known-keys.js';
import { formatJsonPath } from './validate-config.js';

export interface UnknownKey {
  file: string;
  /** `models.agent` */
  path: string;
  /** `models.agents`, when a known key is close enough to be the one meant. */
  closest?: string;
}

/** Edit distance (insert, delete, substitute, swap of neighbours), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j += 1) (d[0] as number[])[j] = j;
  for (let i = 1; i <= s.length; i += 1) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[s.length] as number[])[t.length] as number;
}

/** The known key nearest to `key`, when it is within a third of the key's length (at least 1, at most 3). */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(key.length / 3)));
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(key, candidate);
    if (distance <= limit && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function check(found: UnknownKey[], file: string, path: string[], section: unknown, known: readonly string[], onlyNearMisses = false): void {
  if (!isPlainObject(section)) return;
  for (const key of Object.keys(section)) {
    if (known.includes(key)) continue;
    const closest = closestKey(key, known);
    if (onlyNearMisses && closest === undefined) continue;
    found.push({
      file,
      path: formatJsonPath([...path, key]),
      ...(closest === undefined ? {} : { closest: formatJsonPath([...path, closest]) }),
    });
  }
}

export function findUnknownKeys(config: OssConfig, file: string): UnknownKey[] {
  const found: UnknownKey[] = [];
  check(found, file, [], config, TOP_LEVEL_KEYS, true);
  check(found, file, ['models'], config.models, MODELS_KEYS);
  check(found, file, ['models', 'budget'], config.models?.budget, BUDGET_KEYS);
  for (const [name, section] of Object.entries(config.providers ?? {})) check(found, file, ['providers', name], section, PROVIDER_KEYS);
  for (const [model, entry] of Object.entries(config.pricing ?? {})) check(found, file, ['pricing', model], entry, PRICING_KEYS);
  return found;
}

/** One warning line (no `oss: ` prefix, no newline). */
export function describeUnknownKey(unknown: UnknownKey): string {
  const hint = unknown.closest ? ` (did you mean ${unknown.closest}?)` : '';
  return `${unknown.file}: ${unknown.path} is not an oss setting${hint}; it is ignored`;
}
