// traitsOf and defaultTarget: the provider quirks the request translator asks about, per target.
import { describe, expect, it } from 'vitest';
import { defaultTarget, traitsOf } from '../../../src/providers/openai-chat/target-traits.js';
import { openAITarget } from '../../support/openai-stream-harness.js';

const OPENAI_TRAITS = {
  openRouter: false,
  replaysReasoningContent: false,
  mistralToolIds: false,
  keepsCacheControl: false,
  leadingSystemOnly: false,
  acceptsImages: true,
  acceptsImageUrls: true,
  acceptsPdf: true,
  reasoningModel: false,
  structuredOutput: 'json_schema_strict',
};

describe('traitsOf', () => {
  it('OpenAI: system anywhere, images by URL, PDFs, strict json_schema; reasoningModel from the capability', () => {
    expect([traitsOf(openAITarget('openai', 'gpt-4o')), traitsOf(openAITarget('openai', 'o3', { reasoningModel: true }))]).toEqual([OPENAI_TRAITS, { ...OPENAI_TRAITS, reasoningModel: true }]);
  });

  it('OpenRouter keeps cache_control and reads PDFs; a mistralai/ model wants Mistral tool ids; a deepseek/ model is not DeepSeek itself', () => {
    const routed = { ...OPENAI_TRAITS, openRouter: true, keepsCacheControl: true };
    expect([traitsOf(openAITarget('openrouter', 'anthropic/claude-sonnet-4.5')), traitsOf(openAITarget('openrouter', 'mistralai/mistral-small')), traitsOf(openAITarget('openrouter', 'deepseek/deepseek-chat'))]).toEqual([
      routed,
      { ...routed, mistralToolIds: true },
      routed,
    ]);
  });

  it('DeepSeek (by provider, or a deepseek model on another server) replays reasoning_content, takes no images and only json_object', () => {
    expect(traitsOf(openAITarget('deepseek', 'deepseek-chat'))).toEqual({ ...OPENAI_TRAITS, replaysReasoningContent: true, acceptsImages: false, acceptsPdf: false, structuredOutput: 'json_object' });
    expect(traitsOf(openAITarget('vllm', 'DeepSeek-R1'))).toEqual({
      ...OPENAI_TRAITS,
      replaysReasoningContent: true,
      leadingSystemOnly: true,
      acceptsImages: false,
      acceptsPdf: false,
      structuredOutput: 'json_schema',
    });
  });

  it('Ollama and other local servers want one leading system message; Ollama takes inline images only; Groq json_object; Mistral its own ids', () => {
    expect([traitsOf(openAITarget('ollama', 'llama3.2')), traitsOf(openAITarget('groq', 'llama-3.3-70b')), traitsOf(openAITarget('mistral', 'mistral-large'))]).toEqual([
      { ...OPENAI_TRAITS, leadingSystemOnly: true, acceptsImageUrls: false, acceptsPdf: false, structuredOutput: 'json_schema' },
      { ...OPENAI_TRAITS, acceptsPdf: false, structuredOutput: 'json_object' },
      { ...OPENAI_TRAITS, mistralToolIds: true, acceptsPdf: false },
    ]);
  });

  it('a model whose vision capability is false takes no images', () => {
    expect(traitsOf(openAITarget('openai', 'gpt-3.5-turbo', { vision: false }))).toEqual({ ...OPENAI_TRAITS, acceptsImages: false });
  });
});

describe('defaultTarget', () => {
  it('is a plain OpenAI-compatible server serving the model as named', () => {
    expect(defaultTarget('claude-3-opus')).toEqual({ id: 'claude-3-opus', provider: 'openai', type: 'openai', upstreamModel: 'claude-3-opus', capabilities: {} });
  });
});
