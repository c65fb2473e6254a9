import { describe, expect, it } from 'vitest';
import { JsonObjectPrefix } from '../../../src/providers/common/json-object-prefix.js';

const SAMPLES = [
  '{}',
  '{"command":"ls -la","timeout":120000,"run_in_background":false}',
  '{"a":[1,-2.5e+3,0,0.25,{"b":null}],"c":true,"d":"q\\"uote \\\\ \\u00e9 \\n"}',
  ' { "file_path" : "/tmp/x.txt" , "content" : "line 1\\nline 2" , "n" : [ ] } ',
];

function complete(prefixText: string): string {
  const prefix = new JsonObjectPrefix();
  expect(prefix.accept(prefixText)).toBe(prefixText.length);
  return prefixText + prefix.completion();
}

describe('JsonObjectPrefix', () => {
  it('accepts every prefix of valid objects, and each prefix plus its completion parses to an object', () => {
    for (const sample of SAMPLES) {
      for (let cut = 0; cut <= sample.length; cut += 1) {
        const value: unknown = JSON.parse(complete(sample.slice(0, cut)));
        expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
      }
      expect(JSON.parse(complete(sample))).toEqual(JSON.parse(sample));
    }
  });

  it('completes each kind of cut with the shortest neutral text', () => {
    expect(complete('{"command": "ec')).toBe('{"command": "ec"}');
    expect(complete('{"comm')).toBe('{"comm": null}');
    expect(complete('{"a":1,')).toBe('{"a":1,"_": null}');
    expect(complete('{"a":')).toBe('{"a":null}');
    expect(complete('{"a":tr')).toBe('{"a":true}');
    expect(complete('{"a":-')).toBe('{"a":-0}');
    expect(complete('{"a":[1,{"b":"C:\\')).toBe('{"a":[1,{"b":"C:\\\\"}]}');
    expect(complete('{"a":"\\u00')).toBe('{"a":"\\u0000"}');
    expect(complete('')).toBe('{}');
  });

  it('stops at the first character that breaks the grammar and accepts nothing after it', () => {
    const prefix = new JsonObjectPrefix();
    expect(prefix.accept('{"command": ls}')).toBe(12);
    expect(prefix.failed).toBe(true);
    expect(prefix.accept('"x"}')).toBe(0);
    expect(prefix.completion()).toBe('null}');
  });

  it('rejects what is not an object at the top level, a leading zero, and text after the object', () => {
    expect(new JsonObjectPrefix().accept('[1]')).toBe(0);
    expect(new JsonObjectPrefix().accept('{"a":01}')).toBe(6);
    expect(new JsonObjectPrefix().accept('{"a":1} x')).toBe(8);
  });
});
