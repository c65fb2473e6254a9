// Provider quirks the request translator needs, derived in one place from the TargetModel
// (wire-reference.md §2.6, §4–6). Everything else asks these questions instead of testing provider names.
import type { TargetModel } from '../common/target.js';

/** Hosted APIs known to accept a `system` message anywhere in the conversation. */
const SYSTEM_ANYWHERE = new Set(['openai', 'openrouter', 'deepseek', 'xai', 'groq', 'mistral']);

/**
 * How a target can be held to a JSON Schema (Claude Code's `output_config.format`):
 * - `json_schema_strict`: `response_format: json_schema` with `strict: true` (OpenAI, OpenRouter, xAI, Mistral);
 * - `json_schema`: the same, non-strict (Ollama turns it into its own `format` field; LM Studio, vLLM, llama.cpp);
 * - `json_object`: JSON mode only, the schema goes in the prompt (DeepSeek, Groq).
 * Every answer is checked against the schema afterwards whatever the mode (docs/decisions.md "Structured output").
 */
export type StructuredOutputMode = 'json_schema_strict' | 'json_schema' | 'json_object';
const STRICT_SCHEMA = new Set(['openai', 'openrouter', 'xai', 'mistral']);
const JSON_OBJECT_ONLY = new Set(['deepseek', 'groq']);

export interface TargetTraits {
  openRouter: boolean;
  /** DeepSeek wants the turn's reasoning back as `reasoning_content` (mandatory on tool-call turns). */
  replaysReasoningContent: boolean;
  /** Mistral-backed models want tool-call ids of 9 alphanumerics. */
  mistralToolIds: boolean;
  /** OpenRouter applies Anthropic-style `cache_control` on content parts. */
  keepsCacheControl: boolean;
  /** Servers whose chat templates only allow one leading system message (Ollama, local servers). */
  leadingSystemOnly: boolean;
  acceptsImages: boolean;
  /** Ollama /v1 takes base64 images only. */
  acceptsImageUrls: boolean;
  /** PDF `file` parts: OpenAI and OpenRouter. */
  acceptsPdf: boolean;
  /** Sends `max_completion_tokens` and no sampling parameters. */
  reasoningModel: boolean;
  structuredOutput: StructuredOutputMode;
}

export function traitsOf(target: TargetModel): TargetTraits {
  const provider = target.provider;
  const model = target.upstreamModel.toLowerCase();
  const openRouter = provider === 'openrouter';
  const deepSeek = provider === 'deepseek' || (!openRouter && model.startsWith('deepseek'));
  return {
    openRouter,
    replaysReasoningContent: deepSeek,
    mistralToolIds: provider === 'mistral' || (openRouter && model.startsWith('mistralai/')),
    keepsCacheControl: openRouter,
    leadingSystemOnly: !SYSTEM_ANYWHERE.has(provider),
    acceptsImages: target.capabilities.vision !== false && !deepSeek,
    acceptsImageUrls: provider !== 'ollama',
    acceptsPdf: provider === 'openai' || openRouter,
    reasoningModel: target.capabilities.reasoningModel === true,
    structuredOutput: STRICT_SCHEMA.has(provider) ? 'json_schema_strict' : JSON_OBJECT_ONLY.has(provider) ? 'json_object' : 'json_schema',
  };
}

/** The target assumed when a caller gives none: a plain OpenAI-compatible server. */
export function defaultTarget(model: string): TargetModel {
  return { id: model, provider: 'openai', type: 'openai', upstreamModel: model, capabilities: {} };
}
