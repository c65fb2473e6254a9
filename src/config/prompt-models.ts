// Per-prompt model settings in one chosen layer: read, write, remove, and the merged maps. Writes go
// through write-config.ts (read-modify-write, atomic, unknown keys kept, nothing written when invalid).
import type { ConfigLayer, OssConfig, PromptType } from './config-types.js';
import { PROMPT_SECTIONS } from './config-types.js';
import { loadConfig, lookupPromptModel, type ConfigContext } from './load-config.js';
import { localConfigPath, projectConfigPath, projectDirForWrite, userConfigPath } from './paths.js';
import { ensureObject, updateConfigFile } from './write-config.js';
import { formatJsonPath } from './validate-config.js';
import { ConfigError } from '../errors.js';
import { MODEL_ID_EXPECTED } from '../model-id.js';
import { isValidModelId } from './providers.js';

export interface ModelMaps {
  agents: Record<string, string>;
  commands: Record<string, string>;
  skills: Record<string, string>;
  hooks: Record<string, string>;
}

/** The file a layer is written to: user → `$OSS_HOME/config.json`; project/local → this project's `.oss/`. */
export function layerFile(layer: ConfigLayer, ctx: ConfigContext): string {
  if (layer === 'user') return userConfigPath(ctx.env);
  const dir = projectDirForWrite(ctx.cwd, ctx.env);
  return layer === 'project' ? projectConfigPath(dir) : localConfigPath(dir);
}

/** The configured model of a prompt (local > project > user); frontmatter is not considered. */
export async function getModelForPrompt(ctx: ConfigContext, type: PromptType, name: string): Promise<string | undefined> {
  return lookupPromptModel(await loadConfig(ctx), type, name)?.value;
}

/**
 * Writes `models.<section>[name] = model` into one layer. Every config file and the model id are checked
 * first; nothing is written when any is invalid. Returns the file written.
 */
export async function setModelForPrompt(ctx: ConfigContext, type: PromptType, name: string, model: string, layer: ConfigLayer = 'user'): Promise<string> {
  const loaded = await loadConfig(ctx);
  const file = layerFile(layer, ctx);
  const section = PROMPT_SECTIONS[type];
  if (!isValidModelId(model, loaded.merged)) {
    throw new ConfigError(`${file}: ${formatJsonPath(['models', section, name])}: expected ${MODEL_ID_EXPECTED}, got ${JSON.stringify(model)}`);
  }
  await updateConfigFile(
    file,
    (config) => {
      ensureObject(config, ['models', section])[name] = model;
      return true;
    },
    { knownProviders: loaded.merged, ...(layer === 'user' ? { dirMode: 0o700 } : { keepTrust: { env: ctx.env } }) },
  );
  return file;
}

/** Removes a prompt's setting from one layer; the file is not touched (or created) when there is none. */
export async function unsetModelForPrompt(ctx: ConfigContext, type: PromptType, name: string, layer: ConfigLayer = 'user'): Promise<{ file: string; removed: boolean }> {
  const loaded = await loadConfig(ctx);
  const file = layerFile(layer, ctx);
  const section = PROMPT_SECTIONS[type];
  const removed = await updateConfigFile(
    file,
    (config) => {
      const map = (config.models as OssConfig['models'])?.[section];
      if (!map || !Object.hasOwn(map, name)) return false;
      delete map[name];
      return true;
    },
    { knownProviders: loaded.merged, ...(layer === 'user' ? {} : { keepTrust: { env: ctx.env } }) },
  );
  return { file, removed };
}

/** The merged per-prompt model maps (local > project > user). */
export async function getModelConfig(ctx: ConfigContext): Promise<ModelMaps> {
  const models = (await loadConfig(ctx)).merged.models ?? {};
  return {
    agents: { ...(models.agents ?? {}) },
    commands: { ...(models.commands ?? {}) },
    skills: { ...(models.skills ?? {}) },
    hooks: { ...(models.hooks ?? {}) },
  };
}
