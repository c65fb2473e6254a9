// How each provider family receives Claude Code's `output_config` (format and effort), from the captured hook
// request and our own fixtures; and that the other fields the launcher environment brings are ignored safely.
// The Gemini side lives beside its translator, in test/providers/gemini/transform-request.test.ts.
import { describe, expect, it } from 'vitest';
import type { AnthropicRequest } from '../../../src/providers/common/anthropic-types.js';
import { schemaInstruction } from '../../../src/providers/common/output-format.js';
import { transformToGemini } from '../../../src/providers/gemini/transform-request.js';
import { transformToOpenAI } from '../../../src/providers/openai-chat/transform-request.js';
import { geminiTarget } from '../gemini/gemini-test-kit.js';
import { HOOK_SCHEMA, hookRequest, memorySelectionRequest, openAITarget, structuredFixture } from './structured-kit.js';

const HOOK_SYSTEM = hookRequest().system as Array<{ text: string }>;
/** The hook's system text as the OpenAI translator joins it (billing header dropped). */
const HOOK_SYSTEM_TEXT = HOOK_SYSTEM.slice(1).map((block) => block.text).join('\n\n');

describe('output_config.format → OpenAI-compatible response_format, per target', () => {
  it('OpenAI gets strict json_schema with the schema made strict, and no schema text in the prompt', () => {
    const body = transformToOpenAI(hookRequest(), openAITarget('openai', 'gpt-4o'));
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'answer',
        strict: true,
        schema: { ...HOOK_SCHEMA, properties: { ...HOOK_SCHEMA.properties, impossible: { type: ['boolean', 'null'] } }, required: ['ok', 'reason', 'impossible'] },
      },
    });
    expect(body.messages[0]).toEqual({ role: 'system', content: HOOK_SYSTEM_TEXT });
  });

  it('OpenRouter, xAI and Mistral get strict json_schema too', () => {
    const openai = transformToOpenAI(hookRequest(), openAITarget('openai')).response_format;
    for (const provider of ['openrouter', 'xai', 'mistral']) {
      expect(transformToOpenAI(hookRequest(), openAITarget(provider)).response_format).toEqual(openai);
    }
  });

  it('Ollama (and any other OpenAI-compatible server) gets the schema unchanged as non-strict json_schema, which Ollama turns into its `format`', () => {
    for (const provider of ['ollama', 'lmstudio']) {
      expect(transformToOpenAI(memorySelectionRequest(), openAITarget(provider)).response_format).toEqual({
        type: 'json_schema',
        json_schema: { name: 'answer', strict: false, schema: memorySelectionRequest().output_config?.format?.schema },
      });
    }
  });

  it('DeepSeek and Groq get json_object, with the schema written into the system prompt', () => {
    for (const provider of ['deepseek', 'groq']) {
      const body = transformToOpenAI(hookRequest(), openAITarget(provider));
      expect(body.response_format).toEqual({ type: 'json_object' });
      expect(body.messages[0]).toEqual({ role: 'system', content: `${HOOK_SYSTEM_TEXT}\n\n${schemaInstruction(HOOK_SCHEMA)}` });
    }
  });

  it('a strict target gets a schema strict mode cannot express as non-strict json_schema', () => {
    const mapLike = { type: 'object', additionalProperties: { type: 'string' } };
    const request = { ...hookRequest(), output_config: { format: { type: 'json_schema' as const, schema: mapLike } } };
    expect(transformToOpenAI(request, openAITarget('openai')).response_format).toEqual({ type: 'json_schema', json_schema: { name: 'answer', strict: false, schema: mapLike } });
  });

  it('a request without a format gets no response_format', () => {
    const request: AnthropicRequest = { ...hookRequest(), output_config: { effort: 'high' } };
    expect(transformToOpenAI(request, openAITarget('openai'))).not.toHaveProperty('response_format');
  });
});

describe('the launcher environment\'s other fields are ignored safely', () => {
  const main = structuredFixture<{ body: AnthropicRequest }>('launcher-env-main-request.json').body;

  it('the captured main request carries context_management and thinking.display, and neither reaches an OpenAI-compatible or Gemini body', () => {
    expect(main).toMatchObject({ context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] }, thinking: { type: 'adaptive', display: 'omitted' } });
    const openai = transformToOpenAI(main, openAITarget('openai', 'gpt-4o'));
    expect(Object.keys(openai)).toEqual(['model', 'messages', 'tools', 'max_tokens', 'stream', 'stream_options']);
    expect(JSON.stringify(openai)).not.toMatch(/context_management|clear_thinking|"display"/);
    const gemini = transformToGemini(main, geminiTarget('gemini-2.5-flash'));
    expect(Object.keys(gemini).sort()).toEqual(['contents', 'generationConfig', 'systemInstruction', 'tools']);
    expect(gemini.generationConfig).toEqual({ maxOutputTokens: 32000, thinkingConfig: { includeThoughts: true, thinkingBudget: -1 } });
  });
});
