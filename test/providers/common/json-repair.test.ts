// The conservative completion of cut-short tool arguments (edge case 19): only suffixes, never rewrites.
import { describe, expect, it } from 'vitest';
import { jsonObjectRepairSuffix, parseJsonObject } from '../../../src/providers/common/json-repair.js';

describe('jsonObjectRepairSuffix', () => {
  it('returns "" for a complete object', () => {
    expect(jsonObjectRepairSuffix('{"a":1}')).toBe('');
  });

  it('closes an open string and open brackets', () => {
    expect(jsonObjectRepairSuffix('{"a":["x","y')).toBe('"]}');
    expect(JSON.parse(`{"a":["x","y${jsonObjectRepairSuffix('{"a":["x","y') ?? ''}`)).toEqual({ a: ['x', 'y'] });
  });

  it('completes a key left without a value', () => {
    const text = '{"city": "Edinburgh", "c';
    expect(JSON.parse(text + (jsonObjectRepairSuffix(text) ?? ''))).toEqual({ city: 'Edinburgh', c: null });
  });

  it('keeps an escape that was cut in half', () => {
    const text = '{"path": "C:\\';
    expect(JSON.parse(text + (jsonObjectRepairSuffix(text) ?? ''))).toEqual({ path: 'C:\\' });
  });

  it('gives up on text that is malformed rather than short, and on non-objects', () => {
    expect(jsonObjectRepairSuffix('{"command": ls}')).toBeUndefined();
    expect(jsonObjectRepairSuffix('[1,2')).toBeUndefined();
  });
});

describe('parseJsonObject', () => {
  it('reads empty arguments as {}', () => {
    expect(parseJsonObject('')).toEqual({});
  });
});
