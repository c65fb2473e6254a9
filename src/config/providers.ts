// Built-in providers and how a provider name becomes a wire format, a base URL and the names of its key
// variables. User-declared providers (config `providers.<name>`) extend or override these.
import type { OssConfig, ProviderSection } from './config-types.js';
import type { ProviderType } from '../providers/common/target.js';

export interface BuiltinProvider {
  type: ProviderType;
  /** Display name, used as a heading. */
  label: string;
  defaultBaseUrl: string;
  /** Environment variable that overrides the base URL (config still wins). */
  baseUrlEnv?: string;
  /** Environment variables holding the key, first found wins. Empty: no key needed. */
  keyEnv: string[];
}

export const BUILTIN_PROVIDERS = {
  openrouter: { type: 'openai', label: 'OpenRouter', defaultBaseUrl: 'https://openrouter.ai/api/v1', baseUrlEnv: 'OPENROUTER_BASE_URL', keyEnv: ['OPENROUTER_API_KEY'] },
  ollama: { type: 'openai', label: 'Ollama', defaultBaseUrl: 'http://localhost:11434', baseUrlEnv: 'OLLAMA_HOST', keyEnv: [] },
  openai: { type: 'openai', label: 'OpenAI', defaultBaseUrl: 'https://api.openai.com/v1', baseUrlEnv: 'OPENAI_BASE_URL', keyEnv: ['OPENAI_API_KEY'] },
  gemini: { type: 'gemini', label: 'Gemini', defaultBaseUrl: 'https://generativelanguage.googleapis.com/v1beta', baseUrlEnv: 'GEMINI_BASE_URL', keyEnv: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] },
  anthropic: { type: 'anthropic', label: 'Anthropic', defaultBaseUrl: 'https://api.anthropic.com', keyEnv: ['ANTHROPIC_API_KEY'] },
} as const satisfies Record<string, BuiltinProvider>;

export type BuiltinProviderName = keyof typeof BUILTIN_PROVIDERS;

/** Native Claude: `claude`, `default`, `claude/<model>`. Passed through with the user's own credentials. */
export const CLAUDE_PROVIDER = 'claude';

export function isBuiltinProvider(name: string): name is BuiltinProviderName {
  return Object.hasOwn(BUILTIN_PROVIDERS, name);
}

export interface ProviderInfo {
  name: string;
  type: ProviderType;
  /** Base URL without a trailing slash. For Ollama this is the server root (the OpenAI API is under /v1). */
  baseUrl: string;
  keyEnv: string[];
  headers: Record<string, string>;
  builtin: boolean;
}

/**
 * Resolve a provider: config `providers.<name>` first, then the environment's base URL variable, then the
 * built-in default. Returns undefined for a name that is neither built in nor declared.
 */
export function resolveProvider(name: string, config: OssConfig, env: NodeJS.ProcessEnv): ProviderInfo | undefined {
  const declared: ProviderSection | undefined = config.providers?.[name];
  const builtin: BuiltinProvider | undefined = isBuiltinProvider(name) ? BUILTIN_PROVIDERS[name] : undefined;
  if (!builtin && !declared) return undefined;
  const type = declared?.type ?? builtin?.type ?? 'openai';
  const fromEnv = builtin?.baseUrlEnv ? env[builtin.baseUrlEnv] : undefined;
  const raw = declared?.baseUrl ?? (fromEnv || undefined) ?? builtin?.defaultBaseUrl;
  if (!raw) return undefined;
  const keyEnv = declared?.apiKeyEnv ? [declared.apiKeyEnv, ...(builtin?.keyEnv ?? [])] : [...(builtin?.keyEnv ?? [])];
  return { name, type, baseUrl: normaliseBaseUrl(raw), keyEnv, headers: { ...(declared?.headers ?? {}) }, builtin: Boolean(builtin) };
}

/** `0.0.0.0:11434` (an OLLAMA_HOST form) → `http://0.0.0.0:11434`; trailing slashes dropped. */
export function normaliseBaseUrl(raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  return withScheme.replace(/\/+$/, '');
}
