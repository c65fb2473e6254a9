import { describe, expect, it } from 'vitest';
import { mapFinishReason, matchedStopOf } from '../../../src/providers/openai-chat/map-finish-reason.js';

const plain = { toolUses: 0, refused: false };

describe('mapFinishReason', () => {
  it('maps each OpenAI finish reason to the Anthropic stop reason when no tool was called', () => {
    expect(['stop', 'length', 'content_filter', 'tool_calls', null, undefined, 'something_new'].map((reason) => mapFinishReason(reason, plain))).toEqual([
      'end_turn',
      'max_tokens',
      'refusal',
      'end_turn',
      'end_turn',
      'end_turn',
      'end_turn',
    ]);
  });

  it('says tool_use whenever tools were called, whatever the server said, except for a length cut', () => {
    const called = { toolUses: 2, refused: false };
    expect(['stop', 'tool_calls', 'content_filter', 'length'].map((reason) => mapFinishReason(reason, called))).toEqual(['tool_use', 'tool_use', 'tool_use', 'max_tokens']);
  });

  it('says refusal for a refusal message and stop_sequence when the server names the matched stop', () => {
    expect([mapFinishReason('stop', { ...plain, refused: true }), mapFinishReason('stop', { ...plain, matchedStop: '###' })]).toEqual(['refusal', 'stop_sequence']);
  });

  it("reads vLLM's matched stop string and nothing else", () => {
    expect(['###', '', null, 42, undefined].map(matchedStopOf)).toEqual(['###', undefined, undefined, undefined, undefined]);
  });
});
