// Model identifiers: `<provider>/<model…>` (`openrouter/deepseek/deepseek-chat`, `ollama/llama3.2`), plus
// `default` and `claude` (native Claude) and `claude/<claude-model-id>`. A provider is valid when it is built
// in or declared in config `providers`; any model of a valid provider is accepted (catalogues lag behind
// providers; only the price is then unknown). A bare word such as `invalid` is not a model id.
import type { OssConfig } from '../config/config-types.js';
import { CLAUDE_PROVIDER, isBuiltinProvider } from '../config/providers.js';

export const NATIVE_IDS = ['default', 'claude'] as const;

const PROVIDER_NAME = /^[a-z0-9][a-z0-9._-]*$/i;

export interface SplitModelId {
  provider: string;
  /** The model as its provider knows it; absent for `default` and `claude`. */
  model?: string;
}

/** Splits at the first `/`. Returns undefined for a bare word that is not `default`/`claude`. */
export function splitModelId(id: string): SplitModelId | undefined {
  if ((NATIVE_IDS as readonly string[]).includes(id)) return { provider: CLAUDE_PROVIDER };
  const slash = id.indexOf('/');
  if (slash <= 0) return undefined;
  const provider = id.slice(0, slash);
  const model = id.slice(slash + 1);
  if (!PROVIDER_NAME.test(provider) || model === '' || /\s/.test(model)) return undefined;
  return { provider, model };
}

/** The provider of a model id (`claude` for `default`, `claude`, `claude/…`), or undefined for a non-id. */
export function parseProvider(id: string): string | undefined {
  return splitModelId(id)?.provider;
}

export const detectProvider = parseProvider;

export function isClaudeModel(id: string): boolean {
  return parseProvider(id) === CLAUDE_PROVIDER;
}

/** Providers a model id may name: built-in, `claude`, and those declared in `config.providers`. */
export function isKnownProvider(provider: string, config?: OssConfig): boolean {
  return provider === CLAUDE_PROVIDER || isBuiltinProvider(provider) || Object.hasOwn(config?.providers ?? {}, provider);
}

export function isValidModelId(id: string, config?: OssConfig): boolean {
  const split = splitModelId(id);
  return split !== undefined && isKnownProvider(split.provider, config);
}

/** The expectation shown when a model id is rejected. */
export const MODEL_ID_EXPECTED =
  'a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude';
