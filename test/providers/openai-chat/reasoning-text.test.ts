// reasoningTextOf: the reasoning text of a delta or message under whichever field the server uses.
import { describe, expect, it } from 'vitest';
import { reasoningTextOf } from '../../../src/providers/openai-chat/reasoning-text.js';

describe('reasoningTextOf', () => {
  it("reads DeepSeek/xAI reasoning_content first, then OpenRouter/Ollama/Groq reasoning", () => {
    expect([
      reasoningTextOf({ reasoning_content: 'from content', reasoning: 'from reasoning' }),
      reasoningTextOf({ reasoning_content: '', reasoning: 'from reasoning' }),
      reasoningTextOf({ reasoning_content: null, reasoning: 'only reasoning' }),
    ]).toEqual(['from content', 'from reasoning', 'only reasoning']);
  });

  it("falls back to the text and summary items of OpenRouter's reasoning_details, skipping encrypted ones", () => {
    const details = [
      { type: 'reasoning.summary', summary: 'Summary. ', index: 0 },
      { type: 'reasoning.encrypted', data: 'gAAAA', index: 1 },
      { type: 'reasoning.text', text: 'Text.', index: 2 },
      { type: 'reasoning.text', index: 3 },
    ];
    expect(reasoningTextOf({ reasoning: null, reasoning_details: details })).toBe('Summary. Text.');
  });

  it('is empty when there is no reasoning at all', () => {
    expect([reasoningTextOf({}), reasoningTextOf({ reasoning: null, reasoning_details: null }), reasoningTextOf({ reasoning_details: [{ type: 'reasoning.encrypted', data: 'x' }] })]).toEqual(['', '', '']);
  });
});
