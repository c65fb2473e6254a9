// Project config files (.oss/config.json, .oss/config.local.json) arrive with repositories the user did not
// write. Until the user trusts a file (`oss trust`, config/trust-store.ts), it may choose models but may not
// say where requests and keys go: its `providers.<name>.type`, `baseUrl`, `apiKeyEnv` and `headers` are left
// out, a provider it alone declares is left out, and so is any model choice naming such a provider. What was
// left out is reported so the caller can print one line naming the file and the command.
import type { ConfigLayer } from './config-types.js';
import { isBuiltinProvider } from './providers.js';
import { splitModelId } from '../model-id.js';
import { trustState, type TrustState } from './trust-store.js';

/** The provider settings only a trusted file may make. */
export const TRUSTED_ONLY_KEYS = ['type', 'baseUrl', 'apiKeyEnv', 'headers'] as const;

const PROMPT_MAPS = ['commands', 'agents', 'skills', 'hooks'] as const;

export interface UntrustedFile {
  layer: ConfigLayer;
  file: string;
  /** 'untrusted': never trusted; 'changed': trusted once, edited since. */
  state: Exclude<TrustState, 'trusted'>;
  /** JSON paths left out, in file order: `providers.evil`, `providers.openai.baseUrl`, `models.default`. */
  ignored: string[];
}

interface ReadLayer {
  layer: ConfigLayer;
  file: string;
  text?: string;
  raw: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The provider settings in a parsed config that only a trusted file may make, in file order. */
export function trustedOnlyEntries(raw: unknown): { path: string; value: unknown }[] {
  if (!isObject(raw) || !isObject(raw.providers)) return [];
  const found: { path: string; value: unknown }[] = [];
  for (const [name, section] of Object.entries(raw.providers)) {
    if (!isObject(section)) continue;
    for (const key of TRUSTED_ONLY_KEYS) if (section[key] !== undefined) found.push({ path: `providers.${name}.${key}`, value: section[key] });
  }
  return found;
}

function trustedOnlySettings(raw: unknown): string[] {
  return trustedOnlyEntries(raw).map((entry) => entry.path);
}

function providerOf(model: unknown): string | undefined {
  return typeof model === 'string' ? splitModelId(model)?.provider : undefined;
}

/**
 * Replaces, in place, the `raw` of every project layer that sets trusted-only keys and is not trusted as it is
 * now, by a copy without them. Returns what was left out, per file. User config is always trusted.
 */
export async function applyProjectTrust(layers: ReadLayer[], env: NodeJS.ProcessEnv): Promise<UntrustedFile[]> {
  const states = await Promise.all(
    layers.map(async (entry): Promise<TrustState> => {
      if (entry.layer === 'user' || entry.text === undefined || trustedOnlySettings(entry.raw).length === 0) return 'trusted';
      return trustState(entry.file, entry.text, env);
    }),
  );
  if (states.every((state) => state === 'trusted')) return [];

  const trustedProviders = new Set<string>();
  layers.forEach((entry, index) => {
    if (states[index] === 'trusted' && isObject(entry.raw) && isObject(entry.raw.providers)) {
      for (const name of Object.keys(entry.raw.providers)) trustedProviders.add(name);
    }
  });
  const known = (name: string): boolean => isBuiltinProvider(name) || trustedProviders.has(name);

  const dropped = new Set<string>();
  const reports: (UntrustedFile | undefined)[] = layers.map((entry, index) => {
    const state = states[index];
    if (state === undefined || state === 'trusted' || !isObject(entry.raw)) return undefined;
    const copy = structuredClone(entry.raw);
    const ignored: string[] = [];
    const providers = copy.providers as Record<string, unknown>;
    for (const [name, section] of Object.entries(providers)) {
      if (!known(name)) {
        delete providers[name];
        dropped.add(name);
        ignored.push(`providers.${name}`);
        continue;
      }
      if (!isObject(section)) continue;
      for (const key of TRUSTED_ONLY_KEYS) {
        if (section[key] === undefined) continue;
        delete section[key];
        ignored.push(`providers.${name}.${key}`);
      }
    }
    entry.raw = copy;
    return { layer: entry.layer, file: entry.file, state, ignored };
  });

  // Model choices naming a provider that only an untrusted file declared cannot apply either.
  layers.forEach((entry, index) => {
    const report = reports[index];
    if (!report || !isObject(entry.raw) || !isObject(entry.raw.models)) return;
    const models = entry.raw.models;
    for (const key of ['default', 'background', 'search'] as const) {
      const provider = providerOf(models[key]);
      if (provider !== undefined && dropped.has(provider)) {
        delete models[key];
        report.ignored.push(`models.${key}`);
      }
    }
    for (const section of PROMPT_MAPS) {
      const map = models[section];
      if (!isObject(map)) continue;
      for (const [name, model] of Object.entries(map)) {
        const provider = providerOf(model);
        if (provider !== undefined && dropped.has(provider)) {
          delete map[name];
          report.ignored.push(`models.${section}.${name}`);
        }
      }
    }
  });
  return reports.filter((report): report is UntrustedFile => report !== undefined && report.ignored.length > 0);
}

/** The one line a command prints for a file whose provider settings were left out. */
export function untrustedNotice(untrusted: UntrustedFile): string {
  const why = untrusted.state === 'changed' ? 'it changed since you trusted it' : 'it is not trusted';
  return (
    `oss: ignoring ${untrusted.ignored.join(', ')} in ${untrusted.file} (${why}; a project file may choose models but not ` +
    `where requests and keys go); review it, then run \`oss trust ${untrusted.file}\``
  );
}
