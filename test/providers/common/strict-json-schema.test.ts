import { describe, expect, it } from 'vitest';
import { dropOptionalNulls, toStrictJsonSchema } from '../../../src/providers/common/strict-json-schema.js';
import { HOOK_SCHEMA, structuredFixture } from '../structured-output/structured-kit.js';

describe('strict-mode schemas for OpenAI-style structured output', () => {
  it('makes the hook schema strict: every property required, the optional `impossible` nullable', () => {
    expect(toStrictJsonSchema(HOOK_SCHEMA)).toEqual({
      type: 'object',
      properties: { ok: { type: 'boolean' }, reason: { type: 'string' }, impossible: { type: ['boolean', 'null'] } },
      required: ['ok', 'reason', 'impossible'],
      additionalProperties: false,
    });
  });

  it('edge: additionalProperties:false with optional fields at two levels, an optional enum and an optional array', () => {
    const { schema, strict } = structuredFixture<{ schema: Record<string, unknown>; strict: Record<string, unknown> }>('optional-fields-schema.json');
    expect(toStrictJsonSchema(schema)).toEqual(strict);
  });

  it('gives undefined for a schema strict mode cannot express faithfully', () => {
    expect(toStrictJsonSchema({ type: 'object', additionalProperties: { type: 'string' } })).toBeUndefined();
    expect(toStrictJsonSchema({ type: 'object', properties: { a: { oneOf: [{ type: 'string' }, { type: 'number' }] } } })).toBeUndefined();
    expect(toStrictJsonSchema({ type: 'array', items: { type: 'string' } })).toBeUndefined();
  });

  it('drops the nulls a strict target gives for optional fields, and keeps nulls the schema allows', () => {
    const { schema } = structuredFixture<{ schema: Record<string, unknown> }>('optional-fields-schema.json');
    const answer = { verdict: 'block', reason: 'writes a file', severity: null, details: { file: 'a.txt', line: null }, tags: null };
    expect(dropOptionalNulls(answer, schema)).toEqual({ verdict: 'block', reason: 'writes a file', details: { file: 'a.txt' } });
    const nullable = { type: 'object', properties: { note: { type: ['string', 'null'] } } };
    expect(dropOptionalNulls({ note: null }, nullable)).toEqual({ note: null });
  });
});
