// The settings oss reads, section by section: the one list that "unknown key" warnings (run, --dry-run,
// doctor) compare a config file against. Keys outside it stay in the file untouched (another tool shares
// these files), but a near miss such as `models.agent` is most likely a typo for one of these.

/** Top-level keys. Others are left alone unless they are a near miss of one of these. */
export const TOP_LEVEL_KEYS = ['models', 'providers', 'pricing', 'aliases'] as const;

/** Keys of `models`: every other key there is reported. */
export const MODELS_KEYS = ['default', 'background', 'search', 'fallback', 'commands', 'agents', 'skills', 'hooks', 'budget'] as const;

/** Keys of `models.budget`. */
export const BUDGET_KEYS = ['run_usd', 'daily_usd'] as const;

/** Keys of each `providers.<name>`. */
export const PROVIDER_KEYS = ['type', 'baseUrl', 'apiKeyEnv', 'headers', 'thinkTags'] as const;

/** Keys of each `pricing.<model id>`. */
export const PRICING_KEYS = ['input', 'output', 'cacheRead', 'cacheWrite', 'contextWindow', 'maxOutputTokens'] as const;
