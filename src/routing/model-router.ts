// Which model one prompt runs on, and why. Precedence: CLI `--model` > `.oss/config.local.json` >
// `.oss/config.json` > `~/.oss/config.json` > the prompt file's frontmatter `model:` > `models.default` >
// `claude`. For an agent, nothing configured means `default`: "no override, inherit the main model" (an
// agent's `default` never means Claude), so `models.default` does not apply to agents.
// Results are cached per router; the cache is dropped whenever a config file changes (checked on every call
// by path, size, mtime and inode: atomic writes replace the inode).
import { stat } from 'node:fs/promises';
import type { PromptType } from '../config/config-types.js';
import { configLayerPaths, loadConfig, lookupModelsKey, lookupPromptModel, type LoadedConfig } from '../config/load-config.js';
import type { ResolvedModel } from './route-plan-types.js';
import { invalidCliModel } from './invalid-cli-model.js';
import { isValidModelId } from '../config/providers.js';
import { findPromptFile, type PromptFile, type PromptSearchContext } from './prompt-files.js';

export interface ResolveRequest {
  promptType: PromptType;
  promptName: string;
  cliOverride?: string;
}

export interface RouterOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * A frontmatter `model:` as oss understands it: an oss model id as is; a Claude model id such as
 * `claude-haiku-4-5` as `claude/claude-haiku-4-5`; Claude Code's own aliases (`haiku`, `sonnet`, `opus`,
 * `inherit`) are left to Claude Code (no oss route).
 */
export function frontmatterModelId(value: string, loaded: LoadedConfig): string | undefined {
  if (isValidModelId(value, loaded.merged)) return value;
  if (/^claude-[\w.-]+$/.test(value)) return `claude/${value}`;
  return undefined;
}

export class ModelRouter {
  readonly ctx: PromptSearchContext;
  private cache = new Map<string, ResolvedModel>();
  private fingerprint = '';
  private loaded: LoadedConfig | undefined;

  constructor(options: RouterOptions = {}) {
    this.ctx = { cwd: options.cwd ?? process.cwd(), env: options.env ?? process.env };
  }

  /** The validated config, reloaded (and the cache cleared) when any config file changed. */
  async config(): Promise<LoadedConfig> {
    const { files } = configLayerPaths(this.ctx);
    const parts = await Promise.all(
      files.map(async ({ file }) => {
        const info = await stat(file).catch(() => undefined);
        return info ? `${file}:${info.size}:${info.mtimeMs}:${info.ino}` : `${file}:-`;
      }),
    );
    const fingerprint = parts.join('|');
    if (fingerprint !== this.fingerprint || !this.loaded) {
      this.loaded = await loadConfig(this.ctx);
      this.cache.clear();
      this.fingerprint = fingerprint;
    }
    return this.loaded;
  }

  async resolveModel(request: ResolveRequest): Promise<ResolvedModel> {
    const loaded = await this.config();
    const key = `${request.promptType}\0${request.promptName}\0${request.cliOverride ?? ''}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const resolved = await this.resolveUncached(request, loaded);
    this.cache.set(key, resolved);
    return resolved;
  }

  /** The prompt's file, if Claude Code would find one. */
  promptFile(type: PromptType, name: string): Promise<PromptFile | undefined> {
    return findPromptFile(this.ctx, type, name);
  }

  private async resolveUncached(request: ResolveRequest, loaded: LoadedConfig): Promise<ResolvedModel> {
    if (request.cliOverride !== undefined) {
      if (!isValidModelId(request.cliOverride, loaded.merged)) {
        throw invalidCliModel(request.cliOverride);
      }
      return { model: request.cliOverride, source: 'cli' };
    }
    const configured = lookupPromptModel(loaded, request.promptType, request.promptName);
    if (configured) return { model: configured.value, source: configured.layer, file: configured.file };
    const prompt = await this.promptFile(request.promptType, request.promptName);
    const fromFile = prompt?.frontmatter.model === undefined ? undefined : frontmatterModelId(prompt.frontmatter.model, loaded);
    if (prompt && fromFile !== undefined) return { model: fromFile, source: 'frontmatter', file: prompt.file };
    if (request.promptType === 'agent') return { model: 'default', source: 'builtin' };
    const fallback = lookupModelsKey(loaded, 'default');
    if (fallback) return { model: fallback.value, source: 'default', file: fallback.file };
    return { model: 'claude', source: 'builtin' };
  }
}
