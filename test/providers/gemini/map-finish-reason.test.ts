import { describe, expect, it } from 'vitest';
import { mapGeminiFinishReason } from '../../../src/providers/gemini/map-finish-reason.js';

describe('mapGeminiFinishReason', () => {
  it('ends the turn on STOP, and on no finish reason at all, with no note', () => {
    expect([mapGeminiFinishReason({ finishReason: 'STOP', emittedToolUse: false }), mapGeminiFinishReason({ emittedToolUse: false })]).toEqual([
      { stopReason: 'end_turn' },
      { stopReason: 'end_turn' },
    ]);
  });

  it('says tool_use whenever a call was emitted (Gemini says STOP, or UNEXPECTED_TOOL_CALL, for call turns)', () => {
    expect(['STOP', 'UNEXPECTED_TOOL_CALL', 'SAFETY'].map((finishReason) => mapGeminiFinishReason({ finishReason, emittedToolUse: true }))).toEqual([
      { stopReason: 'tool_use' },
      { stopReason: 'tool_use' },
      { stopReason: 'tool_use' },
    ]);
  });

  it('says max_tokens for MAX_TOKENS even when a call was emitted', () => {
    expect([true, false].map((emittedToolUse) => mapGeminiFinishReason({ finishReason: 'MAX_TOKENS', emittedToolUse }))).toEqual([
      { stopReason: 'max_tokens' },
      { stopReason: 'max_tokens' },
    ]);
  });

  it('maps every safety, recitation and content-policy finish to refusal without a note', () => {
    const refusals = ['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT', 'IMAGE_RECITATION', 'MODEL_ARMOR'];
    expect(refusals.map((finishReason) => mapGeminiFinishReason({ finishReason, emittedToolUse: false }))).toEqual(refusals.map(() => ({ stopReason: 'refusal' })));
  });

  it("ends a finish that left no usable answer with a note naming the reason and Gemini's message", () => {
    expect(mapGeminiFinishReason({ finishReason: 'MALFORMED_FUNCTION_CALL', finishMessage: 'Malformed function call: print(x)', emittedToolUse: false })).toEqual({
      stopReason: 'end_turn',
      note: '[Gemini stopped without a usable answer (MALFORMED_FUNCTION_CALL: Malformed function call: print(x)). Try again or rephrase.]',
    });
    expect(mapGeminiFinishReason({ finishReason: 'OTHER', emittedToolUse: false })).toEqual({
      stopReason: 'end_turn',
      note: '[Gemini stopped without a usable answer (OTHER). Try again or rephrase.]',
    });
  });

  it("refuses a blocked prompt with a note naming the block reason and Gemini's words, whatever the finish reason", () => {
    expect(mapGeminiFinishReason({ blockReason: 'MODEL_ARMOR', blockReasonMessage: 'The prompt matched a jailbreak filter.', emittedToolUse: false })).toEqual({
      stopReason: 'refusal',
      note: '[Gemini blocked this prompt (MODEL_ARMOR: The prompt matched a jailbreak filter.). Rephrase it, or run it on another model.]',
    });
    expect(mapGeminiFinishReason({ blockReason: 'OTHER', finishReason: 'STOP', emittedToolUse: true })).toEqual({
      stopReason: 'refusal',
      note: '[Gemini blocked this prompt (OTHER). Rephrase it, or run it on another model.]',
    });
  });
});
