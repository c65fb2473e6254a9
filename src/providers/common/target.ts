// What a translator needs to know about the model it is translating for. Built by the proxy from the
// route plan and the registry; translators never look anything up themselves (they stay pure).

/** Wire format of an upstream. */
export type ProviderType = 'openai' | 'gemini' | 'anthropic';

export interface TargetModel {
  /** The oss model id, e.g. `openrouter/deepseek/deepseek-chat`. Reported back to Claude Code as `model`. */
  id: string;
  /** Provider name: `openrouter`, `openai`, `gemini`, `ollama`, `anthropic`, `claude`, or a user-declared one. */
  provider: string;
  /** Wire format spoken by this provider. */
  type: ProviderType;
  /** Model id as the upstream knows it, e.g. `deepseek/deepseek-chat`. */
  upstreamModel: string;
  /** Context window in tokens, when known. */
  contextWindow?: number;
  /** Largest `max_tokens` the model accepts, when known; requests are clamped to it. */
  maxOutputTokens?: number;
  /** False when the provider's config says `thinkTags: false`: `<think>…</think>` in content stays answer text. */
  thinkTags?: boolean;
  /** Capabilities that change request shaping. Unknown means "assume the common case". */
  capabilities: {
    /** OpenAI o-series / gpt-5 style reasoning model: `max_completion_tokens`, no temperature/top_p. */
    reasoningModel?: boolean;
    /** Model can think (reasoning_effort / thinkingConfig may be sent). */
    reasoning?: boolean;
    vision?: boolean;
    tools?: boolean;
    /** Server rejects `tool_choice` (Ollama /v1). */
    noToolChoice?: boolean;
    /** Server wants `max_tokens` rather than `max_completion_tokens` (most OpenAI-compatible servers). */
    legacyMaxTokens?: boolean;
  };
}
