// Anthropic `thinking` / `output_config.effort` → the target's reasoning control (edge case 31).
// Only for targets that can think; everything else drops it silently. `disabled` sends nothing: every
// server's default is its own, and some reject an explicit "none".
import type { TargetModel } from '../common/target.js';
import type { AnthropicRequestLike } from './anthropic-input.js';
import type { OpenAIChatRequest, ReasoningEffort } from './openai-chat-api.js';
import type { TargetTraits } from './target-traits.js';

type ReasoningFields = Pick<OpenAIChatRequest, 'reasoning_effort' | 'reasoning' | 'thinking'>;

export function mapReasoningRequest(request: AnthropicRequestLike, target: TargetModel, traits: TargetTraits): ReasoningFields {
  const thinking = request.thinking;
  if (!target.capabilities.reasoning || !thinking || (thinking.type !== 'enabled' && thinking.type !== 'adaptive')) return {};
  const effort = requestedEffort(request);
  if (traits.openRouter) {
    const budget = thinking.type === 'enabled' ? thinking.budget_tokens : undefined;
    return { reasoning: budget && !request.output_config?.effort ? { max_tokens: budget } : { effort } };
  }
  const fields: ReasoningFields = { reasoning_effort: commonEffort(effort) };
  if (traits.replaysReasoningContent) fields.thinking = { type: 'enabled' };
  return fields;
}

/** output_config.effort wins; else a budget is bucketed; adaptive alone means medium. */
function requestedEffort(request: AnthropicRequestLike): ReasoningEffort {
  const stated = request.output_config?.effort;
  if (stated === 'low' || stated === 'medium' || stated === 'high' || stated === 'xhigh' || stated === 'max') return stated;
  const budget = request.thinking?.type === 'enabled' ? request.thinking.budget_tokens : undefined;
  if (budget === undefined) return 'medium';
  if (budget <= 2048) return 'low';
  if (budget <= 12000) return 'medium';
  return 'high';
}

/** The subset every reasoning_effort server accepts (OpenAI, Ollama, DeepSeek, xAI, Groq). */
function commonEffort(effort: ReasoningEffort): ReasoningEffort {
  return effort === 'xhigh' || effort === 'max' ? 'high' : effort === 'minimal' ? 'low' : effort;
}
