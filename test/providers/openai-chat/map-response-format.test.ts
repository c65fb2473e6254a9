// mapResponseFormat: Claude Code's output_config.format as the response_format each kind of target takes.
import { describe, expect, it } from 'vitest';
import type { AnthropicRequestLike } from '../../../src/providers/openai-chat/anthropic-input.js';
import { mapResponseFormat } from '../../../src/providers/openai-chat/map-response-format.js';
import { traitsOf } from '../../../src/providers/openai-chat/target-traits.js';
import { openAITarget } from '../../support/openai-stream-harness.js';

const SCHEMA = { type: 'object', properties: { ok: { type: 'boolean' }, reason: { type: 'string' } }, required: ['ok'] };
const REQUEST: AnthropicRequestLike = { system: 'Judge the hook.', messages: [{ role: 'user', content: 'ok?' }], output_config: { format: { type: 'json_schema', schema: SCHEMA } } };
const traits = (provider: string) => traitsOf(openAITarget(provider, 'model'));

describe('mapResponseFormat', () => {
  it('gives a strict target the schema made strict (optional fields required but nullable, no additional properties)', () => {
    expect(mapResponseFormat(REQUEST, traits('openai'))).toEqual({
      request: REQUEST,
      fields: {
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'answer',
            strict: true,
            schema: { type: 'object', properties: { ok: { type: 'boolean' }, reason: { type: ['string', 'null'] } }, required: ['ok', 'reason'], additionalProperties: false },
          },
        },
      },
    });
  });

  it('gives a strict target a schema strict mode cannot express as non-strict json_schema, unchanged', () => {
    const mapLike = { type: 'object', additionalProperties: { type: 'string' } };
    const request = { ...REQUEST, output_config: { format: { type: 'json_schema', schema: mapLike } } };
    expect(mapResponseFormat(request, traits('openrouter')).fields).toEqual({ response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: mapLike, strict: false } } });
  });

  it('gives other OpenAI-compatible servers (Ollama, vLLM) the schema unchanged, non-strict', () => {
    expect(mapResponseFormat(REQUEST, traits('ollama'))).toEqual({ request: REQUEST, fields: { response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: SCHEMA, strict: false } } } });
  });

  it('gives a JSON-mode-only target (DeepSeek, Groq) json_object and the schema as a last system block', () => {
    expect(mapResponseFormat(REQUEST, traits('deepseek'))).toEqual({
      request: {
        ...REQUEST,
        system: [
          { type: 'text', text: 'Judge the hook.' },
          {
            type: 'text',
            text: `Answer with one JSON value that matches this JSON Schema, and nothing else: no prose, no Markdown, no code fences.\n${JSON.stringify(SCHEMA)}`,
          },
        ],
      },
      fields: { response_format: { type: 'json_object' } },
    });
  });

  it('changes nothing for a request without a JSON-schema format', () => {
    const plain: AnthropicRequestLike = { messages: [{ role: 'user', content: 'hi' }], output_config: { effort: 'high' } };
    expect(mapResponseFormat(plain, traits('openai'))).toEqual({ request: plain, fields: {} });
  });
});
