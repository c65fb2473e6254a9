import { describe, expect, it } from 'vitest';
import type { GeminiResponse } from '../../../src/providers/gemini/gemini-api.js';
import { signatureFromToolUseId } from '../../../src/providers/gemini/thought-signature.js';
import { transformFromGemini } from '../../../src/providers/gemini/transform-response.js';
import { fixtureJson, geminiTarget, usage } from './gemini-test-kit.js';
import { itRecorded } from '../../support/shared-fixtures.js';

describe('transformFromGemini', () => {
  itRecorded('returns a complete Anthropic message for a truncated text answer, with the requested model name', () => {
    const response = fixtureJson<GeminiResponse>('wire/gemini-response-finish-max-tokens.json');
    expect(transformFromGemini(response, geminiTarget('gemini-2.5-flash'))).toEqual({
      id: expect.stringMatching(/^msg_oss_[A-Za-z0-9]{24}$/),
      type: 'message',
      role: 'assistant',
      model: 'gemini/gemini-2.5-flash',
      content: [{ type: 'text', text: 'The capital of France is' }],
      stop_reason: 'max_tokens',
      stop_sequence: null,
      usage: usage(15, 5),
    });
  });

  itRecorded('translates a recorded call with its signature carried in the tool_use id', () => {
    const response = fixtureJson<GeminiResponse>('wire/gemini-response-parametersJsonSchema-accepted.json');
    const message = transformFromGemini(response, geminiTarget('gemini-2.5-flash'));
    expect(message.content).toEqual([{ type: 'tool_use', id: expect.stringMatching(/^toolu_oss_g/), name: 'concatStringFunction', input: { firstString: 'hello', secondString: 'world' } }]);
    const [call] = message.content;
    expect(signatureFromToolUseId(call?.type === 'tool_use' ? call.id : '')).toBe(response.candidates?.[0]?.content?.parts?.[0]?.thoughtSignature);
    expect([message.stop_reason, message.usage]).toEqual(['tool_use', usage(65, 81)]);
  });

  it('puts thoughts in a signed thinking block ahead of the text', () => {
    const response: GeminiResponse = {
      candidates: [{ content: { role: 'model', parts: [{ text: 'Hmm.', thought: true }, { text: 'Done.' }] }, finishReason: 'STOP' }],
      modelVersion: 'gemini-2.5-pro',
    };
    const message = transformFromGemini(response);
    expect([message.model, message.content]).toEqual([
      'gemini-2.5-pro',
      [
        { type: 'thinking', thinking: 'Hmm.', signature: 'oss1.none' },
        { type: 'text', text: 'Done.' },
      ],
    ]);
  });
});
