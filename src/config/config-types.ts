// The shape of ~/.oss/config.json, .oss/config.json and .oss/config.local.json.
// Every file may also hold keys this tool does not know (another tool shares these files): they are
// kept on every write. Validation lives in config/validate-config.ts.

export type PromptType = 'command' | 'agent' | 'skill' | 'hook';

/** The config section that holds each prompt type's map. */
export const PROMPT_SECTIONS = {
  command: 'commands',
  agent: 'agents',
  skill: 'skills',
  hook: 'hooks',
} as const satisfies Record<PromptType, string>;

export interface ModelsSection {
  default?: string;
  background?: string;
  /** Where Claude Code's WebSearch goes: `claude`, or a model that searches (`openrouter/perplexity/sonar`). */
  search?: string;
  fallback?: boolean;
  commands?: Record<string, string>;
  agents?: Record<string, string>;
  skills?: Record<string, string>;
  hooks?: Record<string, string>;
  /** Spending caps in USD: per run and per local day (the ledger plus the running run). */
  budget?: BudgetSection;
}

export interface BudgetSection {
  run_usd?: number;
  daily_usd?: number;
}

export interface ProviderSection {
  /** Wire format; built-in providers have their own. */
  type?: 'openai' | 'gemini' | 'anthropic';
  baseUrl?: string;
  /** Name of the environment variable holding this provider's key. */
  apiKeyEnv?: string;
  /** Extra headers sent to this provider only. */
  headers?: Record<string, string>;
  /** false: `<think>…</think>` at the start of an answer is answer text, not thinking (default true). */
  thinkTags?: boolean;
  /** Longest wait for this provider's response headers before it counts as failed (ms). */
  headersTimeoutMs?: number;
}

/** Per-model price overrides, USD per 1M tokens, keyed by oss model id. */
export interface PricingOverride {
  input?: number;
  output?: number;
  cacheRead?: number;
  cacheWrite?: number;
  contextWindow?: number;
  maxOutputTokens?: number;
}

export interface OssConfig {
  models?: ModelsSection;
  providers?: Record<string, ProviderSection>;
  pricing?: Record<string, PricingOverride>;
  /** Shell functions `oss alias` prints: name → the words after `oss run` (`"/oss:ship --model ollama/llama3.2"`). */
  aliases?: Record<string, string | string[]>;
  [unknownKey: string]: unknown;
}

/** Where a config layer came from. */
export type ConfigLayer = 'local' | 'project' | 'user';

/** One config file as read: its layer, path, and content. */
export interface ConfigLayerFile {
  layer: ConfigLayer;
  file: string;
  exists: boolean;
  /** The file's content ({} when it does not exist). */
  config: OssConfig;
}
