// ThinkTagSplitter and splitThinkTags: <think>…</think> opening the content becomes thinking, in a stream or a whole answer.
import { describe, expect, it } from 'vitest';
import { ThinkTagSplitter, splitThinkTags } from '../../../src/providers/openai-chat/think-tags.js';
import type { ContentPiece } from '../../../src/providers/openai-chat/content-parts.js';

/** Every piece the splitter gives for these fragments, then its flush. */
function streamed(fragments: string[]): ContentPiece[][] {
  const splitter = new ThinkTagSplitter();
  return [...fragments.map((f) => splitter.push(f)), splitter.flush()];
}

describe('ThinkTagSplitter', () => {
  it('reads <think>…</think> opening the content as thinking, with both tags split across fragments, and drops the blank lines after it', () => {
    expect(streamed(['  <th', 'ink>The sum', ' is 4.</thi', 'nk>\n\n', 'Four.'])).toEqual([
      [],
      [{ kind: 'thinking', text: 'The sum' }],
      [{ kind: 'thinking', text: ' is 4.' }],
      [],
      [{ kind: 'text', text: 'Four.' }],
      [],
    ]);
  });

  it('passes content that does not open with <think> through as text, a later tag included', () => {
    expect(streamed(['<b>', 'Four. No <think> here.'])).toEqual([[{ kind: 'text', text: '<b>' }], [{ kind: 'text', text: 'Four. No <think> here.' }], []]);
  });

  it('flushes what it held as what it was going to be: an unclosed think as thinking, a lone tag prefix as text', () => {
    expect([streamed(['<think>still thinking</th']), streamed(['<thi'])]).toEqual([
      [[{ kind: 'thinking', text: 'still thinking' }], [{ kind: 'thinking', text: '</th' }]],
      [[], [{ kind: 'text', text: '<thi' }]],
    ]);
  });

  it('gives nothing for thinking with no answer after it', () => {
    expect(streamed(['<think>only</think>\n'])).toEqual([[{ kind: 'thinking', text: 'only' }], []]);
  });
});

describe('splitThinkTags', () => {
  it('resolves the tags in a whole content, keeping thinking pieces that arrive as such in order', () => {
    const text = (t: string): ContentPiece => ({ kind: 'text', text: t });
    const thinking = (t: string): ContentPiece => ({ kind: 'thinking', text: t });
    expect(splitThinkTags([text('<think>Short sum.</think>\n\nFour.'), thinking('Then more.'), text(' Done.')])).toEqual([thinking('Short sum.'), text('Four.'), thinking('Then more.'), text(' Done.')]);
  });
});
