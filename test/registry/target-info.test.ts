// targetFor: what the proxy gives each translator about its route's model.
import { describe, expect, it } from 'vitest';
import { targetFor } from '../../src/registry/target-info.js';

const env = {};

describe('targetFor', () => {
  it('describes an OpenAI reasoning model with its limits', () => {
    expect(targetFor('openai/o3', {}, env)).toEqual({
      id: 'openai/o3', provider: 'openai', type: 'openai', upstreamModel: 'o3', contextWindow: 200000, maxOutputTokens: 100000,
      capabilities: { reasoningModel: true, reasoning: true, vision: true, tools: true },
    });
  });

  it('asks OpenAI-compatible servers other than OpenAI for legacy max_tokens', () => {
    const target = targetFor('openrouter/deepseek/deepseek-chat', {}, env);
    expect(target).toMatchObject({ type: 'openai', upstreamModel: 'deepseek/deepseek-chat', contextWindow: 163840, maxOutputTokens: 16384 });
    expect(target.capabilities).toEqual({ reasoning: false, vision: false, tools: true, legacyMaxTokens: true });
  });

  it('tells the translator that Ollama rejects tool_choice', () => {
    expect(targetFor('ollama/llama3.2', {}, env).capabilities).toMatchObject({ noToolChoice: true, legacyMaxTokens: true, tools: true });
  });

  it('keeps an unknown local Ollama model\'s capabilities unknown', () => {
    expect(targetFor('ollama/my-finetune:7b', {}, env)).toEqual({
      id: 'ollama/my-finetune:7b', provider: 'ollama', type: 'openai', upstreamModel: 'my-finetune:7b',
      capabilities: { noToolChoice: true, legacyMaxTokens: true },
    });
  });

  it('uses the gemini wire format and the Gemini limits', () => {
    expect(targetFor('gemini/gemini-2.0-flash', {}, env)).toMatchObject({ type: 'gemini', upstreamModel: 'gemini-2.0-flash', contextWindow: 1048576, maxOutputTokens: 8192 });
  });

  it('follows a user-declared provider\'s type and config limits', () => {
    const config = { providers: { lmstudio: { type: 'openai' as const, baseUrl: 'http://localhost:1234/v1' } }, pricing: { 'lmstudio/qwen': { contextWindow: 32768 } } };
    expect(targetFor('lmstudio/qwen', config, env)).toEqual({
      id: 'lmstudio/qwen', provider: 'lmstudio', type: 'openai', upstreamModel: 'qwen', contextWindow: 32768,
      capabilities: { legacyMaxTokens: true },
    });
  });

  it('passes claude/<model> through in the anthropic format', () => {
    expect(targetFor('claude/claude-sonnet-4-5', {}, env)).toMatchObject({ type: 'anthropic', provider: 'claude', upstreamModel: 'claude-sonnet-4-5' });
  });
});
