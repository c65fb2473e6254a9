import { describe, expect, it } from 'vitest';
import { extractJsonAnswer } from '../../../src/providers/common/extract-json-answer.js';

describe('extractJsonAnswer: the JSON a model gave, without what it wrapped it in', () => {
  it('reads an answer that is only JSON, surrounding whitespace included', () => {
    expect(extractJsonAnswer('  {"ok": true, "reason": "fine"}\n')).toEqual({ value: { ok: true, reason: 'fine' } });
  });

  it('takes the JSON out of a ```json fence with prose before and after', () => {
    const text = 'Here is my decision:\n\n```json\n{\n  "ok": false,\n  "reason": "The prompt asks to write a file."\n}\n```\n\nAnything else?';
    expect(extractJsonAnswer(text)).toEqual({ value: { ok: false, reason: 'The prompt asks to write a file.' } });
  });

  it('takes the JSON out of a fence without a language tag', () => {
    expect(extractJsonAnswer('```\n{"title": "Fix login"}\n```')).toEqual({ value: { title: 'Fix login' } });
  });

  it('finds an object inside prose, braces inside its strings included', () => {
    const text = 'My verdict is {"ok": false, "reason": "it writes {a} file }"} and that is final.';
    expect(extractJsonAnswer(text)).toEqual({ value: { ok: false, reason: 'it writes {a} file }' } });
  });

  it('skips a <think> preamble that itself holds braces', () => {
    expect(extractJsonAnswer('<think>maybe {"ok": true}?</think>\n{"ok": false, "reason": "no"}')).toEqual({ value: { ok: false, reason: 'no' } });
  });

  it('skips a bracket that opens no JSON and finds the object after it', () => {
    expect(extractJsonAnswer('[note] the answer: {"write_likely": true}')).toEqual({ value: { write_likely: true } });
  });

  it('gives undefined for prose, for an empty answer and for JSON cut short', () => {
    expect(extractJsonAnswer('I would block this prompt.')).toBeUndefined();
    expect(extractJsonAnswer('')).toBeUndefined();
    expect(extractJsonAnswer('{"ok": false, "reason": "cut')).toBeUndefined();
  });
});
