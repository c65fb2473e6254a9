import { describe, expect, it } from 'vitest';
import { isObject, requestedOutputFormat, schemaInstruction, schemaRetryPrompt, withSystemText } from '../../../src/providers/common/output-format.js';

const SCHEMA = { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] };

describe('requestedOutputFormat', () => {
  it('reads the json_schema format Claude Code sends in output_config, ignoring the effort beside it', () => {
    expect(requestedOutputFormat({ output_config: { effort: 'high', format: { type: 'json_schema', schema: SCHEMA } } })).toEqual({ type: 'json_schema', schema: SCHEMA });
  });

  it('gives undefined for no output_config, no format, another format type or a schema that is not an object', () => {
    const requests = [
      {},
      { output_config: 'json' },
      { output_config: { effort: 'low' } },
      { output_config: { format: { type: 'text' } } },
      { output_config: { format: { type: 'json_schema', schema: [SCHEMA] } } },
      { output_config: { format: { type: 'json_schema' } } },
    ];
    expect(requests.map(requestedOutputFormat)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('schemaInstruction', () => {
  it('asks for one JSON value and nothing else, with the schema as compact JSON on the second line', () => {
    expect(schemaInstruction(SCHEMA)).toBe(
      'Answer with one JSON value that matches this JSON Schema, and nothing else: no prose, no Markdown, no code fences.\n{"type":"object","properties":{"ok":{"type":"boolean"}},"required":["ok"]}',
    );
  });
});

describe('withSystemText', () => {
  it('adds the text as the last system block, whether the system was absent, a string or blocks, leaving the rest of the request', () => {
    const messages = [{ role: 'user', content: 'hi' }];
    const cached = { type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } };
    const requests: Array<{ messages: typeof messages; system?: string | Array<{ type: string; text?: string }> }> = [
      { messages },
      { messages, system: 'Be brief.' },
      { messages, system: [cached] },
    ];
    expect(requests.map((request) => withSystemText(request, 'Use JSON.'))).toEqual([
      { messages, system: [{ type: 'text', text: 'Use JSON.' }] },
      { messages, system: [{ type: 'text', text: 'Be brief.' }, { type: 'text', text: 'Use JSON.' }] },
      { messages, system: [cached, { type: 'text', text: 'Use JSON.' }] },
    ]);
  });

  it('leaves the request it was given unchanged', () => {
    const request = { system: [{ type: 'text', text: 'Be brief.' }] };
    withSystemText(request, 'Use JSON.');
    expect(request).toEqual({ system: [{ type: 'text', text: 'Be brief.' }] });
  });
});

describe('schemaRetryPrompt', () => {
  it('names the problem and asks again for only the JSON value', () => {
    expect(schemaRetryPrompt("answer must have required property 'ok'")).toBe(
      "That answer is not valid: answer must have required property 'ok'. Answer again with only the JSON value that matches the schema.",
    );
  });
});

describe('isObject', () => {
  it('is true for plain objects only, not arrays or null', () => {
    expect([{}, { a: 1 }, [], null, 'x', 1, undefined].map(isObject)).toEqual([true, true, false, false, false, false, false]);
  });
});
