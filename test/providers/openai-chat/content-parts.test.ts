// contentPieces: a message's or delta's content (a string, or Mistral's text/thinking parts) as text and thinking pieces.
import { describe, expect, it } from 'vitest';
import { contentPieces } from '../../../src/providers/openai-chat/content-parts.js';

describe('contentPieces', () => {
  it('reads string content as one text piece, and empty or missing content as none', () => {
    expect([contentPieces('Hi'), contentPieces(''), contentPieces(null), contentPieces(undefined)]).toEqual([[{ kind: 'text', text: 'Hi' }], [], [], []]);
  });

  it("reads Mistral's parts in order: text parts as text, thinking parts (nested text or a plain string) as thinking", () => {
    expect(
      contentPieces([
        { type: 'thinking', thinking: [{ type: 'text', text: 'Look left, ' }, { type: 'text', text: 'then right.' }] },
        { type: 'text', text: 'Look both ways.' },
        { type: 'thinking', thinking: 'Plain thought.' },
      ]),
    ).toEqual([
      { kind: 'thinking', text: 'Look left, then right.' },
      { kind: 'text', text: 'Look both ways.' },
      { kind: 'thinking', text: 'Plain thought.' },
    ]);
  });

  it('skips unknown part types, null parts, empty parts and inner parts without text, never stringifying them', () => {
    expect(
      contentPieces([
        null,
        { type: 'image_url' },
        { type: 'text', text: '' },
        { type: 'text' },
        { type: 'thinking', thinking: [null, { type: 'text' }] },
        { type: 'thinking' },
        { type: 'text', text: 'kept' },
      ]),
    ).toEqual([{ kind: 'text', text: 'kept' }]);
  });
});
