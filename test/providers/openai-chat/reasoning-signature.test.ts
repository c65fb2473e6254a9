// OpenRouter's reasoning_details carried through Claude Code inside a thinking block's signature, and merged from stream fragments.
import { describe, expect, it } from 'vitest';
import type { ReasoningDetail } from '../../../src/providers/openai-chat/openai-chat-api.js';
import { decodeReasoningDetails, encodeReasoningDetails, mergeReasoningDetails } from '../../../src/providers/openai-chat/reasoning-signature.js';

const ENCRYPTED: ReasoningDetail[] = [{ type: 'reasoning.encrypted', data: 'gAAAAB', id: 'rs_1', format: 'openai-responses-v1', index: 0 }];

describe('encodeReasoningDetails and decodeReasoningDetails', () => {
  it("carries OpenRouter's reasoning_details in an oss-marked signature and gets them back whole", () => {
    const signature = encodeReasoningDetails(ENCRYPTED);
    expect(signature).toBe('oss1.or.W3sidHlwZSI6InJlYXNvbmluZy5lbmNyeXB0ZWQiLCJkYXRhIjoiZ0FBQUFCIiwiaWQiOiJyc18xIiwiZm9ybWF0Ijoib3BlbmFpLXJlc3BvbnNlcy12MSIsImluZGV4IjowfV0');
    expect(decodeReasoningDetails(signature)).toEqual(ENCRYPTED);
  });

  it("reads nothing from Anthropic's own signatures, oss's plain ones, broken payloads or payloads that are not a list", () => {
    const notAList = `oss1.or.${Buffer.from('{"type":"reasoning.text"}').toString('base64url')}`;
    expect([undefined, 'EqQBCkgIARABGAIiQ', 'oss1.none', 'oss1.or.%%%', notAList].map(decodeReasoningDetails)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('mergeReasoningDetails', () => {
  it('joins the text, summary and data pieces of one detail (same index and type) and keeps the last non-empty other fields', () => {
    const into: ReasoningDetail[] = [];
    mergeReasoningDetails(into, [{ type: 'reasoning.text', index: 0, text: 'Think', signature: null }]);
    mergeReasoningDetails(into, [{ type: 'reasoning.text', index: 0, text: 'ing.', signature: 'sig-1' }]);
    mergeReasoningDetails(into, [{ type: 'reasoning.text', index: 0, text: null, signature: '' }, { type: 'reasoning.encrypted', index: 1, data: 'gA' }]);
    mergeReasoningDetails(into, [{ type: 'reasoning.encrypted', index: 1, data: 'AAB', id: 'rs_1' }]);
    expect(into).toEqual([
      { type: 'reasoning.text', index: 0, text: 'Thinking.', signature: 'sig-1' },
      { type: 'reasoning.encrypted', index: 1, data: 'gAAAB', id: 'rs_1' },
    ]);
  });

  it('keeps details of another type at the same index apart, and does not change the fragments it was given', () => {
    const fragment: ReasoningDetail = { type: 'reasoning.summary', index: 0, summary: 'S' };
    const into: ReasoningDetail[] = [{ type: 'reasoning.text', index: 0, text: 'T' }];
    mergeReasoningDetails(into, [fragment]);
    mergeReasoningDetails(into, [{ type: 'reasoning.summary', index: 0, summary: 'um' }]);
    expect([into, fragment]).toEqual([
      [
        { type: 'reasoning.text', index: 0, text: 'T' },
        { type: 'reasoning.summary', index: 0, summary: 'Sum' },
      ],
      { type: 'reasoning.summary', index: 0, summary: 'S' },
    ]);
  });
});
