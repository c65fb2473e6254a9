// Built-in providers and how a provider name becomes a wire format, a base URL and the names of its key
// variables. User-declared providers (config `providers.<name>`) extend or override these. Besides the five the
// design names, the common OpenAI-compatible services and local servers are presets, so `deepseek/deepseek-chat`
// or `groq/llama-3.3-70b-versatile` works with only a key set; each base URL can be moved with
// `<PROVIDER>_BASE_URL`. Those with an Anthropic-compatible endpoint too (DeepSeek, Moonshot, z.ai, Ollama) use
// it when config says `"type": "anthropic"`; the OpenAI-compatible endpoint stays the default (docs/decisions.md).
import type { OssConfig, ProviderSection } from './config-types.js';
import type { ProviderType } from '../providers/common/target.js';
import { CLAUDE_PROVIDER, splitModelId } from '../model-id.js';

export interface BuiltinProvider {
  type: ProviderType;
  /** Display name, used as a heading. */
  label: string;
  defaultBaseUrl: string;
  /** Environment variable that overrides the base URL (config still wins). */
  baseUrlEnv?: string;
  /** Environment variables holding the key, first found wins. Empty: no key needed. */
  keyEnv: string[];
  /** The provider's Anthropic-compatible endpoint (what one would give Claude Code as ANTHROPIC_BASE_URL). */
  anthropicBaseUrl?: string;
  /** Runs on the user's machine: usable when its server answers, no key needed. */
  local?: boolean;
}

export const BUILTIN_PROVIDERS = {
  openrouter: { type: 'openai', label: 'OpenRouter', defaultBaseUrl: 'https://openrouter.ai/api/v1', baseUrlEnv: 'OPENROUTER_BASE_URL', keyEnv: ['OPENROUTER_API_KEY'] },
  // Ollama (>= 0.14) serves the Anthropic Messages API at its root too.
  ollama: { type: 'openai', label: 'Ollama', defaultBaseUrl: 'http://localhost:11434', baseUrlEnv: 'OLLAMA_HOST', keyEnv: [], anthropicBaseUrl: 'http://localhost:11434', local: true },
  openai: { type: 'openai', label: 'OpenAI', defaultBaseUrl: 'https://api.openai.com/v1', baseUrlEnv: 'OPENAI_BASE_URL', keyEnv: ['OPENAI_API_KEY'] },
  gemini: { type: 'gemini', label: 'Gemini', defaultBaseUrl: 'https://generativelanguage.googleapis.com/v1beta', baseUrlEnv: 'GEMINI_BASE_URL', keyEnv: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] },
  anthropic: { type: 'anthropic', label: 'Anthropic', defaultBaseUrl: 'https://api.anthropic.com', keyEnv: ['ANTHROPIC_API_KEY'] },
  deepseek: { type: 'openai', label: 'DeepSeek', defaultBaseUrl: 'https://api.deepseek.com', baseUrlEnv: 'DEEPSEEK_BASE_URL', keyEnv: ['DEEPSEEK_API_KEY'], anthropicBaseUrl: 'https://api.deepseek.com/anthropic' },
  groq: { type: 'openai', label: 'Groq', defaultBaseUrl: 'https://api.groq.com/openai/v1', baseUrlEnv: 'GROQ_BASE_URL', keyEnv: ['GROQ_API_KEY'] },
  mistral: { type: 'openai', label: 'Mistral', defaultBaseUrl: 'https://api.mistral.ai/v1', baseUrlEnv: 'MISTRAL_BASE_URL', keyEnv: ['MISTRAL_API_KEY'] },
  xai: { type: 'openai', label: 'xAI', defaultBaseUrl: 'https://api.x.ai/v1', baseUrlEnv: 'XAI_BASE_URL', keyEnv: ['XAI_API_KEY'] },
  together: { type: 'openai', label: 'Together AI', defaultBaseUrl: 'https://api.together.xyz/v1', baseUrlEnv: 'TOGETHER_BASE_URL', keyEnv: ['TOGETHER_API_KEY'] },
  fireworks: { type: 'openai', label: 'Fireworks AI', defaultBaseUrl: 'https://api.fireworks.ai/inference/v1', baseUrlEnv: 'FIREWORKS_BASE_URL', keyEnv: ['FIREWORKS_API_KEY'] },
  cerebras: { type: 'openai', label: 'Cerebras', defaultBaseUrl: 'https://api.cerebras.ai/v1', baseUrlEnv: 'CEREBRAS_BASE_URL', keyEnv: ['CEREBRAS_API_KEY'] },
  moonshot: { type: 'openai', label: 'Moonshot AI', defaultBaseUrl: 'https://api.moonshot.ai/v1', baseUrlEnv: 'MOONSHOT_BASE_URL', keyEnv: ['MOONSHOT_API_KEY'], anthropicBaseUrl: 'https://api.moonshot.ai/anthropic' },
  zai: { type: 'openai', label: 'Z.ai', defaultBaseUrl: 'https://api.z.ai/api/paas/v4', baseUrlEnv: 'ZAI_BASE_URL', keyEnv: ['ZAI_API_KEY'], anthropicBaseUrl: 'https://api.z.ai/api/anthropic' },
  lmstudio: { type: 'openai', label: 'LM Studio', defaultBaseUrl: 'http://localhost:1234/v1', baseUrlEnv: 'LMSTUDIO_BASE_URL', keyEnv: [], local: true },
  vllm: { type: 'openai', label: 'vLLM', defaultBaseUrl: 'http://localhost:8000/v1', baseUrlEnv: 'VLLM_BASE_URL', keyEnv: [], local: true },
} as const satisfies Record<string, BuiltinProvider>;

export type BuiltinProviderName = keyof typeof BUILTIN_PROVIDERS;

export function isBuiltinProvider(name: string): name is BuiltinProviderName {
  return Object.hasOwn(BUILTIN_PROVIDERS, name);
}

/** Providers a model id may name: built-in, `claude`, and those declared in `config.providers`. */
export function isKnownProvider(provider: string, config?: OssConfig): boolean {
  return provider === CLAUDE_PROVIDER || isBuiltinProvider(provider) || Object.hasOwn(config?.providers ?? {}, provider);
}

/** A well-formed model id (src/model-id.ts) whose provider is known. */
export function isValidModelId(id: string, config?: OssConfig): boolean {
  const split = splitModelId(id);
  return split !== undefined && isKnownProvider(split.provider, config);
}

export interface ProviderInfo {
  name: string;
  type: ProviderType;
  /** Base URL without a trailing slash. For Ollama this is the server root (the OpenAI API is under /v1). */
  baseUrl: string;
  keyEnv: string[];
  headers: Record<string, string>;
  builtin: boolean;
  /** Config `headersTimeoutMs`, when set. */
  headersTimeoutMs?: number;
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
  const raw = declared?.baseUrl ?? (builtin ? builtinBaseUrl(builtin, type, fromEnv || undefined) : undefined);
  if (!raw) return undefined;
  const keyEnv = declared?.apiKeyEnv ? [declared.apiKeyEnv, ...(builtin?.keyEnv ?? [])] : [...(builtin?.keyEnv ?? [])];
  const headersTimeoutMs = declared?.headersTimeoutMs;
  return {
    name,
    type,
    baseUrl: normaliseBaseUrl(raw),
    keyEnv,
    headers: { ...(declared?.headers ?? {}) },
    builtin: Boolean(builtin),
    ...(headersTimeoutMs !== undefined ? { headersTimeoutMs } : {}),
  };
}

/**
 * A built-in provider's base URL for the wire format chosen. Its Anthropic-compatible endpoint when config switched
 * it to `anthropic`: the `<PROVIDER>_BASE_URL` override names the OpenAI-compatible one, so it applies there only
 * where both share one root (Ollama).
 */
function builtinBaseUrl(builtin: BuiltinProvider, type: ProviderType, fromEnv: string | undefined): string | undefined {
  if (type === 'anthropic' && builtin.type !== 'anthropic') {
    if (!builtin.anthropicBaseUrl) return undefined;
    return builtin.anthropicBaseUrl === builtin.defaultBaseUrl ? (fromEnv ?? builtin.anthropicBaseUrl) : builtin.anthropicBaseUrl;
  }
  if (type !== builtin.type) return undefined;
  return fromEnv ?? builtin.defaultBaseUrl;
}

/** `0.0.0.0:11434` (an OLLAMA_HOST form) → `http://0.0.0.0:11434`; trailing slashes dropped. */
export function normaliseBaseUrl(raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  return withScheme.replace(/\/+$/, '');
}
