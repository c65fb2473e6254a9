import { describe, expect, it } from 'vitest';
import { stripSyntheticThinking } from '../../../src/providers/anthropic/strip-synthetic-thinking.js';

const REAL = { type: 'thinking', thinking: 'Claude thought this.', signature: 'EqQBCkgIARABGAIiQL' };
const INVENTED = { type: 'thinking', thinking: 'Gemini thought this.', signature: 'oss1.none' };
const CARRIED = { type: 'thinking', thinking: '', signature: 'oss1.gemini.text.c2ln' };

describe('stripSyntheticThinking', () => {
  it('returns the very same array when no thinking block has a signature oss invented', () => {
    const messages = [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: [REAL, { type: 'text', text: 'Hello.' }] },
    ];
    expect(stripSyntheticThinking(messages)).toBe(messages);
  });

  it("drops thinking blocks signed by oss and keeps everything else in order, Claude's own thinking included", () => {
    const messages = [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: [INVENTED, { type: 'text', text: 'From Gemini.' }, CARRIED] },
      { role: 'user', content: [{ type: 'text', text: 'go on' }] },
      { role: 'assistant', content: [REAL, { type: 'text', text: 'From Claude.' }] },
    ];
    expect(stripSyntheticThinking(messages)).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: [{ type: 'text', text: 'From Gemini.' }] },
      { role: 'user', content: [{ type: 'text', text: 'go on' }] },
      { role: 'assistant', content: [REAL, { type: 'text', text: 'From Claude.' }] },
    ]);
  });

  it('drops an assistant turn that held only invented thinking, which Anthropic would reject as empty', () => {
    const messages = [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: [INVENTED] },
      { role: 'user', content: 'again' },
    ];
    expect(stripSyntheticThinking(messages)).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'user', content: 'again' },
    ]);
  });

  it('leaves the messages it was given unchanged', () => {
    const messages = [{ role: 'assistant', content: [INVENTED, { type: 'text', text: 'x' }] }];
    stripSyntheticThinking(messages);
    expect(messages).toEqual([{ role: 'assistant', content: [INVENTED, { type: 'text', text: 'x' }] }]);
  });
});
