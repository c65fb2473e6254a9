// Reads the three config layers (local > project > user), validates each, and merges them. Each layer keeps
// its file path so every resolved value can say where it came from.
import type { ConfigLayer, ConfigLayerFile, OssConfig, PromptType } from './config-types.js';
import { PROMPT_SECTIONS } from './config-types.js';
import { findProjectDir, localConfigPath, projectConfigPath, userConfigPath } from './paths.js';
import { readConfigText } from './read-optional-file.js';
import { parseConfigText, validateConfig, validateDeclaredProviders } from './validate-config.js';
import { applyProjectTrust, type UntrustedFile } from './untrusted-config.js';

export interface LoadedConfig {
  /** The folder holding `.oss/`, when one was found. */
  projectDir?: string;
  /** Highest precedence first: local, project, user (local and project only inside a project). */
  layers: ConfigLayerFile[];
  /** All layers merged, higher layers winning key by key. */
  merged: OssConfig;
  /** Project files whose provider settings were left out because they are not trusted (config/untrusted-config.ts). */
  untrusted: UntrustedFile[];
}

export interface ConfigContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Where one value was found. */
export interface LayeredValue<T> {
  value: T;
  layer: ConfigLayer;
  file: string;
}

export async function readConfigFile(file: string): Promise<{ exists: boolean; raw: unknown; text?: string }> {
  const text = await readConfigText(file);
  return text === undefined ? { exists: false, raw: {} } : { exists: true, raw: parseConfigText(text, file), text };
}

export function configLayerPaths(ctx: ConfigContext): { projectDir?: string; files: { layer: ConfigLayer; file: string }[] } {
  const projectDir = findProjectDir(ctx.cwd, ctx.env);
  const files: { layer: ConfigLayer; file: string }[] = [];
  if (projectDir) {
    files.push({ layer: 'local', file: localConfigPath(projectDir) });
    files.push({ layer: 'project', file: projectConfigPath(projectDir) });
  }
  files.push({ layer: 'user', file: userConfigPath(ctx.env) });
  return { projectDir, files };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge of plain objects; `over` wins; arrays and scalars are replaced. */
export function mergeConfig(under: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const base = out[key];
    out[key] = isPlainObject(base) && isPlainObject(value) ? mergeConfig(base, value) : value;
  }
  return out;
}

export async function loadConfig(ctx: ConfigContext): Promise<LoadedConfig> {
  const { projectDir, files } = configLayerPaths(ctx);
  const read = await Promise.all(files.map(async (entry) => ({ ...entry, ...(await readConfigFile(entry.file)) })));
  const untrusted = await applyProjectTrust(read, ctx.env);
  let allProviders: Record<string, unknown> = {};
  for (const entry of read) {
    if (isPlainObject(entry.raw) && isPlainObject(entry.raw.providers)) allProviders = { ...allProviders, ...entry.raw.providers };
  }
  const known = { providers: allProviders } as OssConfig;
  const layers: ConfigLayerFile[] = read.map((entry) => ({
    layer: entry.layer,
    file: entry.file,
    exists: entry.exists,
    config: validateConfig(entry.raw, entry.file, known),
  }));
  let merged: Record<string, unknown> = {};
  for (const layer of [...layers].reverse()) merged = mergeConfig(merged, layer.config);
  validateDeclaredProviders(layers, merged as OssConfig);
  return { projectDir, layers, merged: merged as OssConfig, untrusted };
}

/** The configured model of one prompt, from the highest layer that sets it. */
export function lookupPromptModel(loaded: LoadedConfig, type: PromptType, name: string): LayeredValue<string> | undefined {
  const section = PROMPT_SECTIONS[type];
  for (const layer of loaded.layers) {
    const map = layer.config.models?.[section];
    if (map && Object.hasOwn(map, name)) {
      const value = map[name];
      if (value !== undefined) return { value, layer: layer.layer, file: layer.file };
    }
  }
  return undefined;
}

/** `models.default`, `models.background` or `models.fallback`, from the highest layer that sets it. */
export function lookupModelsKey<K extends 'default' | 'background' | 'search' | 'fallback'>(
  loaded: LoadedConfig,
  key: K,
): LayeredValue<NonNullable<NonNullable<OssConfig['models']>[K]>> | undefined {
  for (const layer of loaded.layers) {
    const value = layer.config.models?.[key];
    if (value !== undefined) return { value, layer: layer.layer, file: layer.file };
  }
  return undefined;
}
