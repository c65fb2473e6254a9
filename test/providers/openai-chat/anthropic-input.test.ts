// blocksOf: the one helper of the loose Anthropic request type the OpenAI translator reads.
import { describe, expect, it } from 'vitest';
import { blocksOf } from '../../../src/providers/openai-chat/anthropic-input.js';

describe('blocksOf', () => {
  it('reads string content as one text block', () => {
    expect(blocksOf('Hello')).toEqual([{ type: 'text', text: 'Hello' }]);
  });

  it('returns block content as given, unknown block types included', () => {
    const blocks = [{ type: 'text', text: 'a' }, { type: 'tool_reference', tool_name: 'CronList' }, { type: 'some_future_block' }];
    expect(blocksOf(blocks)).toBe(blocks);
    expect(blocksOf(blocks)).toEqual([{ type: 'text', text: 'a' }, { type: 'tool_reference', tool_name: 'CronList' }, { type: 'some_future_block' }]);
  });
});
