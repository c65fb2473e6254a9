// systemBlocks and systemContent: Claude Code's system prompt as OpenAI system content.
import { describe, expect, it } from 'vitest';
import { systemBlocks, systemContent } from '../../../src/providers/openai-chat/convert-system.js';

const CACHED = { type: 'ephemeral' };

describe('systemBlocks', () => {
  it('reads a string system prompt as one text block, and none as no blocks', () => {
    expect([systemBlocks('Be brief.'), systemBlocks(undefined)]).toEqual([[{ type: 'text', text: 'Be brief.' }], []]);
  });

  it("drops Claude Code's billing-header block, empty text and non-text blocks", () => {
    const blocks = [
      { type: 'text', text: 'x-anthropic-billing-header: cc_version=2.1.332; cch=abc;' },
      { type: 'text', text: 'You are Claude Code.', cache_control: CACHED },
      { type: 'text', text: '' },
      { type: 'image', source: {} },
      { type: 'text', text: 'Be brief.' },
    ];
    expect(systemBlocks(blocks)).toEqual([
      { type: 'text', text: 'You are Claude Code.', cache_control: CACHED },
      { type: 'text', text: 'Be brief.' },
    ]);
  });
});

describe('systemContent', () => {
  const blocks = [
    { type: 'text', text: 'You are Claude Code.', cache_control: CACHED },
    { type: 'text', text: 'Be brief.' },
  ];

  it('joins the blocks with blank lines when cache_control is not kept', () => {
    expect(systemContent(blocks, false)).toBe('You are Claude Code.\n\nBe brief.');
  });

  it('gives text parts with cache_control on the marked ones when the target keeps it (OpenRouter)', () => {
    expect(systemContent(blocks, true)).toEqual([
      { type: 'text', text: 'You are Claude Code.', cache_control: CACHED },
      { type: 'text', text: 'Be brief.' },
    ]);
  });

  it('still joins the text when the target keeps cache_control but no block carries a valid one', () => {
    expect(systemContent([{ type: 'text', text: 'A' }, { type: 'text', text: 'B', cache_control: { type: 'persistent' } }], true)).toBe('A\n\nB');
  });
});
