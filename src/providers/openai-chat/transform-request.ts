// Anthropic Messages request → OpenAI Chat Completions body, shaped for the target (wire-reference.md §7.6;
// edge cases 46–49). Pure: the adapter sends the result. `output_config.format` becomes `response_format`
// (map-response-format.ts). Anthropic-only fields (metadata, context_management, safeguards, cache_control,
// container…) are dropped, never rejected.
import type { TargetModel } from '../common/target.js';
import type { ToolNameMap } from '../common/tool-names.js';
import type { AnthropicRequestLike } from './anthropic-input.js';
import { convertToOpenAIMessages } from './convert-to-openai-messages.js';
import { mapReasoningRequest } from './map-reasoning-request.js';
import { mapResponseFormat } from './map-response-format.js';
import type { OpenAIChatRequest } from './openai-chat-api.js';
import { prepareTools } from './prepare-tools.js';
import { defaultTarget, traitsOf } from './target-traits.js';
import { toolNameMapForRequest } from './tool-name-map.js';

/** OpenAI's limit on `stop`. */
const MAX_STOP_SEQUENCES = 4;

export function transformToOpenAI(request: AnthropicRequestLike, target?: TargetModel, toolNames?: ToolNameMap): OpenAIChatRequest {
  const resolved = target ?? defaultTarget(request.model ?? 'unknown');
  const traits = traitsOf(resolved);
  const structured = mapResponseFormat(request, traits);
  const names = toolNames ?? toolNameMapForRequest(request);
  const systemRole = traits.reasoningModel && resolved.provider === 'openai' ? 'developer' : 'system';

  const body: OpenAIChatRequest = {
    model: resolved.upstreamModel,
    messages: convertToOpenAIMessages(structured.request, { traits, toolNames: names, systemRole }),
    ...prepareTools(request, resolved, names),
    ...mapReasoningRequest(request, resolved, traits),
    ...structured.fields,
  };

  const maxTokens = clampMaxTokens(request.max_tokens, resolved.maxOutputTokens);
  if (maxTokens !== undefined) {
    if (traits.reasoningModel && !resolved.capabilities.legacyMaxTokens) body.max_completion_tokens = maxTokens;
    else body.max_tokens = maxTokens;
  }
  if (!traits.reasoningModel) {
    if (request.temperature !== undefined) body.temperature = request.temperature;
    if (request.top_p !== undefined) body.top_p = request.top_p;
    if (request.top_k !== undefined && traits.openRouter) body.top_k = request.top_k;
  }
  const stop = (request.stop_sequences ?? []).filter((s) => s !== '');
  if (stop.length > 0 && !(traits.reasoningModel && resolved.provider === 'openai')) body.stop = stop.slice(0, MAX_STOP_SEQUENCES);
  if (request.stream === true) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  return body;
}

function clampMaxTokens(requested: number | undefined, limit: number | undefined): number | undefined {
  if (requested === undefined) return undefined;
  return limit !== undefined && limit > 0 ? Math.min(requested, limit) : requested;
}
