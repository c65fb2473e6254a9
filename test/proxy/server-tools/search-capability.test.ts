// Which routes can run Claude Code's WebSearch with their provider's own search.
import { describe, expect, it } from 'vitest';
import type { RouteTarget } from '../../../src/proxy/route-targets.js';
import { searchKindOf } from '../../../src/proxy/server-tools/search-capability.js';
import type { ProviderAdapter } from '../../../src/providers/common/provider-adapter.js';

const unusedAdapter: ProviderAdapter = () => Promise.reject(new Error('not called'));

function translated(provider: string, upstreamModel: string, baseUrl: string, type: 'openai' | 'gemini' = 'openai'): RouteTarget {
  const model = `${provider}/${upstreamModel}`;
  return {
    kind: 'translated',
    model,
    provider,
    target: { id: model, provider, type, upstreamModel, capabilities: {} },
    endpoint: { baseUrl, headers: {} },
    adapter: unusedAdapter,
  };
}

describe('searchKindOf', () => {
  it.each([
    ['an OpenRouter model', translated('openrouter', 'deepseek/deepseek-chat', 'https://openrouter.ai/api/v1'), 'openrouter-plugin'],
    ['an OpenRouter :online model', translated('openrouter', 'openai/gpt-4o:online', 'https://openrouter.ai/api/v1'), 'always-searches'],
    ['an OpenRouter Perplexity model', translated('openrouter', 'perplexity/sonar', 'https://openrouter.ai/api/v1'), 'always-searches'],
    ['a Perplexity provider', translated('pplx', 'sonar-pro', 'https://api.perplexity.ai'), 'always-searches'],
    ['a Gemini model', translated('gemini', 'gemini-2.5-flash', 'https://generativelanguage.googleapis.com/v1beta', 'gemini'), 'gemini-grounding'],
    ['an OpenAI search model', translated('openai', 'gpt-4o-search-preview', 'https://api.openai.com/v1'), 'openai-search-model'],
    ['an OpenAI model that does not search', translated('openai', 'gpt-4o', 'https://api.openai.com/v1'), undefined],
    ['a local Ollama model', translated('ollama', 'llama3.2', 'http://localhost:11434/v1'), undefined],
    ['a model named like a search model on another server', translated('lmstudio', 'my-search-tuned', 'http://localhost:1234/v1'), undefined],
  ])('%s', (_what, target, kind) => {
    expect(searchKindOf(target)).toBe(kind);
  });

  it('gives no own search to Claude or an Anthropic-speaking provider', () => {
    expect(searchKindOf({ kind: 'claude', model: 'claude', provider: 'claude' })).toBeUndefined();
    const target = translated('deepseek', 'deepseek-chat', 'https://api.deepseek.com/anthropic');
    expect(searchKindOf({ ...target, kind: 'anthropic' } as RouteTarget)).toBeUndefined();
  });
});
