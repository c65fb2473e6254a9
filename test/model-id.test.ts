import { describe, expect, it } from 'vitest';
import { isClaudeModel, parseProvider, pinnedClaudeModel, splitModelId } from '../src/model-id.js';
import { isValidModelId } from '../src/config/providers.js';

describe('isValidModelId (seed 1.1)', () => {
  it('should validate model identifier format', () => {
    expect(isValidModelId('openrouter/deepseek/deepseek-chat')).toBe(true);
    expect(isValidModelId('ollama/codellama')).toBe(true);
    expect(isValidModelId('default')).toBe(true);
    expect(isValidModelId('invalid')).toBe(false);
  });

  it('accepts every built-in provider and native Claude forms', () => {
    for (const id of ['openai/o1', 'gemini/gemini-2.0-flash', 'anthropic/claude-sonnet-4-5', 'claude', 'claude/claude-haiku-4-5']) {
      expect(isValidModelId(id), id).toBe(true);
    }
  });

  it('accepts a model the catalogue does not list, for a known provider', () => {
    expect(isValidModelId('openrouter/some-lab/model-released-today')).toBe(true);
  });

  it('rejects an undeclared provider, and accepts it once config declares it', () => {
    expect(isValidModelId('myhost/qwen2.5-coder')).toBe(false);
    expect(isValidModelId('myhost/qwen2.5-coder', { providers: { myhost: { type: 'openai', baseUrl: 'http://localhost:1234/v1' } } })).toBe(true);
    // LM Studio is a built-in preset.
    expect(isValidModelId('lmstudio/qwen2.5-coder')).toBe(true);
  });

  it('rejects empty models, whitespace and a leading slash', () => {
    for (const id of ['ollama/', '/llama3.2', 'ollama/llama 3', '', 'claude-haiku-4-5']) expect(isValidModelId(id), id).toBe(false);
  });
});

describe('parseProvider (seed 1.1)', () => {
  it('should parse provider from model identifier', () => {
    expect(parseProvider('openrouter/deepseek/chat')).toBe('openrouter');
    expect(parseProvider('ollama/codellama')).toBe('ollama');
    expect(parseProvider('default')).toBe('claude');
  });

  it('has no provider for a bare word', () => {
    expect(parseProvider('invalid')).toBeUndefined();
  });
});

describe('parseProvider (seed 2.2, detectProvider)', () => {
  it('should detect OpenRouter models', () => {
    expect(parseProvider('openrouter/deepseek/chat')).toBe('openrouter');
    expect(parseProvider('openrouter/anthropic/claude-3.5-sonnet')).toBe('openrouter');
  });

  it('should detect Ollama models', () => {
    expect(parseProvider('ollama/codellama')).toBe('ollama');
    expect(parseProvider('ollama/llama3.2')).toBe('ollama');
  });

  it('should detect OpenAI models', () => {
    expect(parseProvider('openai/gpt-4o')).toBe('openai');
    expect(parseProvider('openai/o1')).toBe('openai');
  });

  it('should detect Gemini models', () => {
    expect(parseProvider('gemini/gemini-2.0-flash')).toBe('gemini');
  });

  it('should return claude for default/native', () => {
    expect(parseProvider('default')).toBe('claude');
    expect(parseProvider('claude')).toBe('claude');
    expect(parseProvider('claude/claude-haiku-4-5')).toBe('claude');
  });
});

describe('splitModelId', () => {
  it('splits at the first slash only, keeping the upstream model id whole', () => {
    expect(splitModelId('openrouter/deepseek/deepseek-chat')).toEqual({ provider: 'openrouter', model: 'deepseek/deepseek-chat' });
  });

  it('gives native Claude no model for default and claude', () => {
    expect(splitModelId('default')).toEqual({ provider: 'claude' });
    expect(splitModelId('claude/claude-opus-4-1')).toEqual({ provider: 'claude', model: 'claude-opus-4-1' });
  });
});

describe('pinnedClaudeModel', () => {
  it('gives the Claude model a native id pins, and nothing for default, claude or another provider', () => {
    expect(['claude/claude-opus-4-1', 'claude', 'default', 'anthropic/claude-sonnet-4-5', 'invalid'].map(pinnedClaudeModel)).toEqual([
      'claude-opus-4-1',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('counts only native ids as Claude models', () => {
    expect(['claude/claude-opus-4-1', 'claude', 'default', 'anthropic/claude-sonnet-4-5', 'invalid'].map(isClaudeModel)).toEqual([true, true, true, false, false]);
  });
});
