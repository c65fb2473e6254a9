// The settings API for the rest of oss, in one object: per-prompt models (config/prompt-models.ts) and API
// keys (config/credentials.ts: the environment wins over ~/.oss/credentials.json).
import type { ConfigLayer, PromptType } from './config-types.js';
import { PROMPT_SECTIONS } from './config-types.js';
import { loadConfig, type ConfigContext } from './load-config.js';
import { getModelConfig, getModelForPrompt, setModelForPrompt, unsetModelForPrompt, type ModelMaps } from './prompt-models.js';
import { CLAUDE_PROVIDER, resolveProvider } from './providers.js';
import { getApiKey, setApiKey } from './credentials.js';
import { parseProvider } from '../routing/model-id.js';

export interface SettingsOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export class SettingsService {
  readonly ctx: ConfigContext;

  constructor(options: SettingsOptions = {}) {
    this.ctx = { cwd: options.cwd ?? process.cwd(), env: options.env ?? process.env };
  }

  getModelForPrompt(type: PromptType, name: string): Promise<string | undefined> {
    return getModelForPrompt(this.ctx, type, name);
  }

  /** Returns the file written (user config unless `layer` says otherwise). */
  setModelForPrompt(type: PromptType, name: string, model: string, layer: ConfigLayer = 'user'): Promise<string> {
    return setModelForPrompt(this.ctx, type, name, model, layer);
  }

  unsetModelForPrompt(type: PromptType, name: string, layer: ConfigLayer = 'user'): Promise<{ file: string; removed: boolean }> {
    return unsetModelForPrompt(this.ctx, type, name, layer);
  }

  getModelConfig(): Promise<ModelMaps> {
    return getModelConfig(this.ctx);
  }

  /** The key for a provider: its environment variable first, then `credentials.json`. */
  async getApiKey(provider: string): Promise<string | undefined> {
    return getApiKey(provider, (await loadConfig(this.ctx)).merged, this.ctx.env);
  }

  setApiKey(provider: string, key: string): Promise<void> {
    return setApiKey(provider, key, this.ctx.env);
  }

  /**
   * Providers that configured models use, that need a key, and that have none (environment or stored).
   * Ollama needs none; Claude uses the user's own Claude Code login.
   */
  async missingApiKeys(): Promise<string[]> {
    const config = (await loadConfig(this.ctx)).merged;
    const models = config.models ?? {};
    const ids = [models.default, models.background, ...Object.values(PROMPT_SECTIONS).flatMap((section) => Object.values(models[section] ?? {}))];
    const providers = new Set<string>();
    for (const id of ids) {
      const provider = id === undefined ? undefined : parseProvider(id);
      if (provider !== undefined && provider !== CLAUDE_PROVIDER) providers.add(provider);
    }
    const missing: string[] = [];
    for (const provider of [...providers].sort()) {
      const info = resolveProvider(provider, config, this.ctx.env);
      if (!info || info.keyEnv.length === 0) continue;
      if ((await getApiKey(provider, config, this.ctx.env)) === undefined) missing.push(provider);
    }
    return missing;
  }
}
