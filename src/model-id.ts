// Model identifiers: `<provider>/<model…>` (`openrouter/deepseek/deepseek-chat`, `ollama/llama3.2`), plus
// `default` and `claude` (native Claude) and `claude/<claude-model-id>`. This is the one place an id is split:
// every layer (config, registry, routing, proxy, launcher, cli) reads ids through it, so it sits below all of
// them and imports nothing. Whether a provider exists is config's knowledge (config/providers.ts
// isValidModelId); a bare word such as `invalid` is not a model id.

/** Native Claude: `claude`, `default`, `claude/<model>`. Passed through with the user's own credentials. */
export const CLAUDE_PROVIDER = 'claude';

export const NATIVE_IDS = ['default', CLAUDE_PROVIDER] as const;

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

export function isClaudeModel(id: string): boolean {
  return parseProvider(id) === CLAUDE_PROVIDER;
}

/** The Claude model a native id pins (`claude/claude-opus-4-1` → `claude-opus-4-1`); undefined for `default`/`claude`. */
export function pinnedClaudeModel(id: string): string | undefined {
  const split = splitModelId(id);
  return split?.provider === CLAUDE_PROVIDER ? split.model : undefined;
}

/** The expectation shown when a model id is rejected. */
export const MODEL_ID_EXPECTED =
  'a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude';
