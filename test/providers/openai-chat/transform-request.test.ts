// transformToOpenAI: the whole OpenAI Chat body built from an Anthropic request, per kind of target.
import { describe, expect, it } from 'vitest';
import type { AnthropicRequestLike } from '../../../src/providers/openai-chat/anthropic-input.js';
import { transformToOpenAI } from '../../../src/providers/openai-chat/transform-request.js';
import { OPENAI, openAITarget, openRouter } from '../../support/openai-stream-harness.js';

const REQUEST: AnthropicRequestLike = {
  model: 'claude-sonnet-4-5',
  max_tokens: 32000,
  system: 'Be brief.',
  messages: [{ role: 'user', content: 'Hi' }],
  temperature: 0.5,
  top_p: 0.9,
  top_k: 40,
  stop_sequences: ['', 'END'],
  stream: true,
  metadata: { user_id: 'u' },
};

describe('transformToOpenAI', () => {
  it('builds the whole body for a plain chat model: messages, limit, sampling, stop, streaming with usage, and nothing Anthropic-only', () => {
    expect(transformToOpenAI(REQUEST, OPENAI)).toEqual({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      max_tokens: 32000,
      temperature: 0.5,
      top_p: 0.9,
      stop: ['END'],
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('gives an OpenAI reasoning model a developer message and max_completion_tokens (under its limit, unchanged), and no sampling or stop', () => {
    expect(transformToOpenAI(REQUEST, openAITarget('openai', 'o3', { reasoningModel: true }, { maxOutputTokens: 100000 }))).toEqual({
      model: 'o3',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      max_completion_tokens: 32000,
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('keeps max_tokens and the system role for a reasoning model served elsewhere that wants legacy max_tokens (clamped to its limit), and keeps its stop sequences', () => {
    expect(transformToOpenAI({ ...REQUEST, stream: false }, openAITarget('openrouter', 'openai/o3', { reasoningModel: true, legacyMaxTokens: true }, { maxOutputTokens: 16000 }))).toEqual({
      model: 'openai/o3',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      max_tokens: 16000,
      stop: ['END'],
    });
  });

  it('passes top_k to OpenRouter only', () => {
    expect(transformToOpenAI({ messages: [{ role: 'user', content: 'Hi' }], top_k: 40 }, openRouter('meta-llama/llama-3.3-70b-instruct'))).toEqual({
      model: 'meta-llama/llama-3.3-70b-instruct',
      messages: [{ role: 'user', content: 'Hi' }],
      top_k: 40,
    });
  });

  it('serves the model as named on a plain OpenAI-compatible server when no target is given', () => {
    expect(transformToOpenAI({ model: 'claude-3-opus', messages: [{ role: 'user', content: 'Hello' }], max_tokens: 1024 })).toEqual({
      model: 'claude-3-opus',
      messages: [{ role: 'user', content: 'Hello' }],
      max_tokens: 1024,
    });
  });

  it('adds the tools, the reasoning control and the response format their own mappers give', () => {
    const request: AnthropicRequestLike = {
      messages: [{ role: 'user', content: 'Judge.' }],
      tools: [{ name: 'Read', input_schema: { type: 'object' } }],
      tool_choice: { type: 'any' },
      thinking: { type: 'enabled', budget_tokens: 1024 },
      output_config: { format: { type: 'json_schema', schema: { type: 'object' } } },
    };
    expect(transformToOpenAI(request, openAITarget('groq', 'qwen3-32b', { reasoning: true }))).toEqual({
      model: 'qwen3-32b',
      messages: [
        {
          role: 'system',
          content: 'Answer with one JSON value that matches this JSON Schema, and nothing else: no prose, no Markdown, no code fences.\n{"type":"object"}',
        },
        { role: 'user', content: 'Judge.' },
      ],
      tools: [{ type: 'function', function: { name: 'Read', parameters: { type: 'object' } } }],
      tool_choice: 'required',
      reasoning_effort: 'low',
      response_format: { type: 'json_object' },
    });
  });
});
