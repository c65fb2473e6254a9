// The seed plan's ModelRegistry tests (Task 6.2), plus lookups and overrides the proxy and cost tracker rely on.
import { describe, expect, it } from 'vitest';
import { defaultRegistry, ModelRegistry } from '../../src/registry/registry.js';

describe('ModelRegistry (seed plan)', () => {
  it('should return pricing for known models', () => {
    const registry = new ModelRegistry();
    const pricing = registry.getPricing('openai/gpt-4o');
    expect(pricing?.inputPer1M).toBe(2.5);
    expect(pricing?.outputPer1M).toBe(10.0);
  });

  it('should return zero cost for local models', () => {
    const registry = new ModelRegistry();
    const pricing = registry.getPricing('ollama/codellama');
    expect(pricing?.inputPer1M).toBe(0);
    expect(pricing?.outputPer1M).toBe(0);
  });

  it('should list models by provider', () => {
    const registry = new ModelRegistry();
    const openrouterModels = registry.listModels('openrouter');
    expect(openrouterModels.length).toBeGreaterThan(10);
    expect(openrouterModels.every((model) => model.provider === 'openrouter')).toBe(true);
  });

  it('should search models by capability', () => {
    const registry = new ModelRegistry();
    const codeModels = registry.searchModels('code');
    expect(codeModels.some((m) => m.id.includes('codellama'))).toBe(true);
    expect(codeModels.some((m) => m.id.includes('deepseek-coder'))).toBe(true);
  });
});

describe('registry lookups', () => {
  it('prices cache reads and writes when the source gives them', () => {
    expect(defaultRegistry().getPricing('anthropic/claude-sonnet-4-5')).toEqual({ inputPer1M: 3, outputPer1M: 15, cacheReadPer1M: 0.3, cacheWritePer1M: 3.75 });
  });

  it('leaves cache prices out when unknown, so cost falls back to the input price', () => {
    expect(defaultRegistry().getPricing('openai/gpt-4o')).toEqual({ inputPer1M: 2.5, outputPer1M: 10, cacheReadPer1M: 1.25 });
  });

  it('takes OpenRouter prices from its own model list, not the stale litellm row', () => {
    expect(defaultRegistry().getPricing('openrouter/deepseek/deepseek-chat')).toMatchObject({ inputPer1M: 0.32, outputPer1M: 0.89 });
  });

  it('has no price for a dynamic router model', () => {
    expect(defaultRegistry().getPricing('openrouter/openrouter/auto')).toBeUndefined();
  });

  it('returns undefined for an unknown model', () => {
    expect(defaultRegistry().getPricing('openai/no-such-model')).toBeUndefined();
    expect(defaultRegistry().getPricing('lmstudio/qwen')).toBeUndefined();
  });

  it('prices any local Ollama model at 0, with or without a tag', () => {
    expect(defaultRegistry().getPricing('ollama/llama3.2:latest')).toMatchObject({ inputPer1M: 0, outputPer1M: 0 });
    expect(defaultRegistry().getPricing('ollama/llama3.2:3b')).toMatchObject({ inputPer1M: 0, outputPer1M: 0 });
    expect(defaultRegistry().getPricing('ollama/some-private-model')).toMatchObject({ inputPer1M: 0, outputPer1M: 0 });
  });

  it('does not mark Ollama cloud models free and has no per-token price for them', () => {
    const registry = new ModelRegistry();
    expect(registry.getModelInfo('ollama/gpt-oss:120b-cloud')?.free).toBe(false);
    expect(registry.getPricing('ollama/gpt-oss:120b-cloud')).toBeUndefined();
  });

  it('prices claude/<model> as the Anthropic model', () => {
    expect(defaultRegistry().getPricing('claude/claude-haiku-4-5')).toMatchObject({ inputPer1M: 1, outputPer1M: 5 });
  });

  it('prices a dated snapshot it does not list like its undated model', () => {
    expect(defaultRegistry().getPricing('openai/o3-mini-2099-01-01')).toMatchObject({ inputPer1M: 1.1 });
  });

  it('applies config pricing overrides over the catalogue', () => {
    const config = { pricing: { 'openai/gpt-4o': { input: 2, cacheRead: 0.5 } } };
    expect(defaultRegistry().getPricing('openai/gpt-4o', config)).toEqual({ inputPer1M: 2, outputPer1M: 10, cacheReadPer1M: 0.5 });
  });

  it('prices a model only a config override knows', () => {
    const config = { pricing: { 'lmstudio/qwen': { input: 0, output: 0, contextWindow: 32768 } } };
    const registry = new ModelRegistry();
    expect(registry.getPricing('lmstudio/qwen', config)).toEqual({ inputPer1M: 0, outputPer1M: 0 });
    expect(registry.getModelInfo('lmstudio/qwen', config)).toMatchObject({ contextWindow: 32768, free: true, provider: 'lmstudio' });
  });
});

describe('registry search', () => {
  it('filters to free models with { free: true }', () => {
    const free = defaultRegistry().searchModels('', { free: true });
    expect(free.some((m) => m.id === 'openrouter/qwen/qwen3-coder:free')).toBe(true);
    expect(free.some((m) => m.id.startsWith('ollama/llama'))).toBe(true);
    expect(free.every((m) => m.free)).toBe(true);
    expect(free.some((m) => m.id.includes('gpt-4o'))).toBe(false);
  });

  it('combines words: every word must match by name or capability', () => {
    const found = defaultRegistry().searchModels('openrouter vision');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.id.includes('openrouter') && m.vision)).toBe(true);
    expect(found.some((m) => m.id === 'openrouter/openai/gpt-4o')).toBe(true);
  });

  it('finds models by name, case-insensitively', () => {
    expect(defaultRegistry().searchModels('GEMINI-2.5-FLASH').map((m) => m.id)).toContain('gemini/gemini-2.5-flash');
  });

  it('lists every provider when no provider is given', () => {
    const providers = new Set(defaultRegistry().listModels().map((m) => m.provider));
    for (const name of ['openrouter', 'ollama', 'openai', 'gemini', 'anthropic']) expect(providers).toContain(name);
  });
});
