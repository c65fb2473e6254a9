// mapReasoningRequest: Anthropic thinking and effort as each target's reasoning control (edge case 31 in depth).
import { describe, expect, it } from 'vitest';
import type { TargetModel } from '../../../src/providers/common/target.js';
import type { AnthropicRequestLike } from '../../../src/providers/openai-chat/anthropic-input.js';
import { mapReasoningRequest } from '../../../src/providers/openai-chat/map-reasoning-request.js';
import { traitsOf } from '../../../src/providers/openai-chat/target-traits.js';
import { openAITarget } from '../../support/openai-stream-harness.js';

const O3 = openAITarget('openai', 'o3', { reasoning: true, reasoningModel: true });
const DEEPSEEK = openAITarget('deepseek', 'deepseek-reasoner', { reasoning: true });
const OPENROUTER = openAITarget('openrouter', 'anthropic/claude-sonnet-4.5', { reasoning: true });

function map(request: Omit<AnthropicRequestLike, 'messages'>, target: TargetModel) {
  return mapReasoningRequest({ messages: [], ...request }, target, traitsOf(target));
}
const budget = (budget_tokens: number) => ({ thinking: { type: 'enabled', budget_tokens } });

describe('mapReasoningRequest', () => {
  it('buckets an enabled budget into reasoning_effort: up to 2048 low, up to 12000 medium, above high', () => {
    expect([map(budget(1024), O3), map(budget(2048), O3), map(budget(2049), O3), map(budget(12000), O3), map(budget(12001), O3)]).toEqual([
      { reasoning_effort: 'low' },
      { reasoning_effort: 'low' },
      { reasoning_effort: 'medium' },
      { reasoning_effort: 'medium' },
      { reasoning_effort: 'high' },
    ]);
  });

  it('lets output_config.effort win over the budget, means medium for adaptive alone, and sends xhigh and max as high', () => {
    expect([
      map({ ...budget(1024), output_config: { effort: 'high' } }, O3),
      map({ thinking: { type: 'adaptive' } }, O3),
      map({ thinking: { type: 'adaptive' }, output_config: { effort: 'xhigh' } }, O3),
      map({ thinking: { type: 'adaptive' }, output_config: { effort: 'max' } }, O3),
      map({ thinking: { type: 'adaptive' }, output_config: { effort: 'unheard-of' } }, O3),
    ]).toEqual([{ reasoning_effort: 'high' }, { reasoning_effort: 'medium' }, { reasoning_effort: 'high' }, { reasoning_effort: 'high' }, { reasoning_effort: 'medium' }]);
  });

  it('turns DeepSeek thinking on beside the effort', () => {
    expect(map(budget(20000), DEEPSEEK)).toEqual({ reasoning_effort: 'high', thinking: { type: 'enabled' } });
  });

  it('gives OpenRouter the budget as reasoning.max_tokens, or the effort when one is stated or there is no budget, xhigh kept', () => {
    expect([map(budget(1024), OPENROUTER), map({ ...budget(1024), output_config: { effort: 'low' } }, OPENROUTER), map({ thinking: { type: 'adaptive' }, output_config: { effort: 'xhigh' } }, OPENROUTER)]).toEqual([
      { reasoning: { max_tokens: 1024 } },
      { reasoning: { effort: 'low' } },
      { reasoning: { effort: 'xhigh' } },
    ]);
  });

  it('sends nothing when thinking is disabled or absent, or the model cannot think', () => {
    expect([map({ thinking: { type: 'disabled' } }, O3), map({}, O3), map(budget(1024), openAITarget('openai', 'gpt-4o'))]).toEqual([{}, {}, {}]);
  });
});
