// Anthropic Messages request → Gemini generateContent body (wire-reference.md §3.2, §7). Pure: the same request
// and target always give the same body. `output_config.format` becomes a JSON response type (map-response-format.ts)
// and `output_config.effort` a thinking level (map-effort.ts). Ignored on purpose (never an error): context_management,
// metadata, cache_control, service_tier, container, mcp_servers, and the `x-anthropic-billing-header` system block
// (it changes between requests and would defeat Gemini's implicit prefix caching).
import type { AnthropicRequest } from '../common/anthropic-types.js';
import type { TargetModel } from '../common/target.js';
import type { GeminiGenerationConfig, GeminiRequest, GeminiThinkingConfig } from './gemini-api.js';
import { convertMessages } from './convert-messages.js';
import { thinkingForEffort } from './map-effort.js';
import { mapGeminiResponseFormat } from './map-response-format.js';
import { isGemini3OrLater } from './model-generation.js';
import { geminiToolNameMap, prepareGeminiTools, type GeminiSchemaMode } from './prepare-tools.js';

/**
 * What the translator reads: `model` and `max_tokens` may be absent (the target decides the model), and the
 * sampling fields the current SDK types no longer list are still read, since Claude Code can send them.
 */
export type GeminiSourceRequest = Omit<AnthropicRequest, 'model' | 'max_tokens'> & {
  model?: string;
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
};

export interface GeminiRequestOptions {
  /** `parameters` sends sanitised OpenAPI schemas, for back ends that reject `parametersJsonSchema`. */
  schemaMode?: GeminiSchemaMode;
}

const BILLING_HEADER_PREFIX = 'x-anthropic-billing-header:';
/** Gemini caps stopSequences at 5. */
const MAX_STOP_SEQUENCES = 5;
/** The smallest upper bound across Gemini 2.5 models (Flash: 24576, Pro: 32768). */
const MAX_THINKING_BUDGET = 24576;

export function transformToGemini(request: GeminiSourceRequest, target?: TargetModel, options: GeminiRequestOptions = {}): GeminiRequest {
  const toolNames = geminiToolNameMap(request);
  const { contents, systemTexts } = convertMessages(request.messages, {
    toolNames,
    requireSignatures: isGemini3OrLater(target?.upstreamModel),
  });
  const body: GeminiRequest = { contents };

  const schemaMode = options.schemaMode ?? 'parametersJsonSchema';
  Object.assign(body, prepareGeminiTools(request, toolNames, schemaMode));
  const responseFormat = mapGeminiResponseFormat(request, { upstreamModel: target?.upstreamModel, declaresTools: body.tools !== undefined, schemaMode });

  const system = [...systemPromptTexts(request.system), ...systemTexts, ...(responseFormat.instruction ? [responseFormat.instruction] : [])];
  if (system.length > 0) body.systemInstruction = { parts: [{ text: system.join('\n\n') }] };

  const generationConfig = { ...buildGenerationConfig(request, target), ...responseFormat.generation };
  if (Object.keys(generationConfig).length > 0) body.generationConfig = generationConfig;
  return body;
}

function systemPromptTexts(system: AnthropicRequest['system']): string[] {
  if (system === undefined) return [];
  if (typeof system === 'string') return system ? [system] : [];
  return system.map((block) => block.text).filter((text) => text && !text.startsWith(BILLING_HEADER_PREFIX));
}

function buildGenerationConfig(request: GeminiSourceRequest, target: TargetModel | undefined): GeminiGenerationConfig {
  const config: GeminiGenerationConfig = {};
  if (request.max_tokens !== undefined) {
    config.maxOutputTokens = target?.maxOutputTokens ? Math.min(request.max_tokens, target.maxOutputTokens) : request.max_tokens;
  }
  if (request.temperature !== undefined) config.temperature = request.temperature;
  if (request.top_p !== undefined) config.topP = request.top_p;
  if (request.top_k !== undefined) config.topK = request.top_k;
  if (request.stop_sequences?.length) config.stopSequences = request.stop_sequences.slice(0, MAX_STOP_SEQUENCES);
  const thinkingConfig = buildThinkingConfig(request, target);
  if (thinkingConfig) config.thinkingConfig = thinkingConfig;
  return config;
}

/**
 * enabled → a token budget; adaptive → the model decides (Gemini 2.5: budget -1, "dynamic"; Gemini 3: its default
 * thinking level, since a budget is only a compatibility shim there), narrowed by `output_config.effort` when
 * given. disabled → omitted: some models (2.5 Pro) reject a zero budget, so the model's default is the safe choice.
 * No `thinking` but an effort (Claude Code's hook calls) → that effort, without thoughts in the answer. Models
 * that cannot think get nothing.
 */
function buildThinkingConfig(request: GeminiSourceRequest, target: TargetModel | undefined): GeminiThinkingConfig | undefined {
  const thinking = request.thinking;
  if (!target?.capabilities.reasoning) return undefined;
  const effort = thinkingForEffort(request.output_config?.effort, target.upstreamModel);
  if (!thinking) return effort;
  if (thinking.type === 'enabled') return { includeThoughts: true, thinkingBudget: Math.min(thinking.budget_tokens, MAX_THINKING_BUDGET) };
  if (thinking.type === 'disabled') return undefined;
  if (effort) return { includeThoughts: true, ...effort };
  return isGemini3OrLater(target.upstreamModel) ? { includeThoughts: true } : { includeThoughts: true, thinkingBudget: -1 };
}
