// upstreamToolCallId: the tool-call id sent upstream for a Claude Code toolu_ id when history is replayed.
import { describe, expect, it } from 'vitest';
import { upstreamToolCallId } from '../../../src/providers/openai-chat/tool-call-ids.js';

describe('upstreamToolCallId', () => {
  it('sends an id OpenAI accepts (≤ 40 of [a-zA-Z0-9_-]) unchanged', () => {
    expect(['toolu_oss_AbCdEfGhIjKlMnOpQrStUvWx', 'toolu_01A09q90qw90lq917835lq9', 'call_abc'].map((id) => upstreamToolCallId(id, 'openai'))).toEqual([
      'toolu_oss_AbCdEfGhIjKlMnOpQrStUvWx',
      'toolu_01A09q90qw90lq917835lq9',
      'call_abc',
    ]);
  });

  it('replaces a longer id or one with other characters by call_ and 24 hex digits of its SHA-256, the same every time', () => {
    const long = `toolu_${'x'.repeat(40)}`;
    const odd = 'toolu.with:dots';
    expect([upstreamToolCallId(long, 'openai'), upstreamToolCallId(odd, 'openai'), upstreamToolCallId(odd, 'openai')]).toEqual([
      'call_a550d5038323380edbc41fe2',
      'call_3ac583952026ed24f4c6ecc6',
      'call_3ac583952026ed24f4c6ecc6',
    ]);
  });

  it('gives Mistral 9 alphanumerics derived from the id: equal ids agree, different ids differ', () => {
    expect([
      upstreamToolCallId('toolu_oss_AbCdEfGhIjKlMnOpQrStUvWx', 'mistral'),
      upstreamToolCallId('toolu_oss_AbCdEfGhIjKlMnOpQrStUvWx', 'mistral'),
      upstreamToolCallId('call_abc', 'mistral') === upstreamToolCallId('call_abd', 'mistral'),
    ]).toEqual(['HwByoilFk', 'HwByoilFk', false]);
    expect(upstreamToolCallId('call_abc', 'mistral')).toMatch(/^[a-zA-Z0-9]{9}$/);
  });
});
