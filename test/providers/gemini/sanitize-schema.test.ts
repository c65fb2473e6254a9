import { describe, expect, it } from 'vitest';
import { sanitizeSchemaForGemini } from '../../../src/providers/gemini/sanitize-schema.js';
import { fixtureJson } from './gemini-test-kit.js';

describe('sanitizeSchemaForGemini', () => {
  it('merges allOf (SendMessage.to in Claude Code\'s real schemas) keeping the first pattern', () => {
    const real = fixtureJson<{ tools_all_inline: Array<{ name: string; input_schema: { properties: Record<string, unknown> } }> }>(
      'claude-code/claude-code-request-real-tool-schemas.json',
    );
    const sendMessage = real.tools_all_inline.find((tool) => tool.name === 'SendMessage');
    const to = sanitizeSchemaForGemini(sendMessage?.input_schema)?.properties?.to;
    expect(to).toEqual({ type: 'STRING', description: expect.stringMatching(/^Recipient: /), pattern: '^[^\\n\\r]*$' });
  });

  it('inlines $ref from $defs and definitions, and ends a recursive reference as an untyped-properties object', () => {
    const schema = {
      type: 'object',
      definitions: { leaf: { type: 'string', description: 'a leaf' } },
      $defs: { node: { type: 'object', properties: { value: { $ref: '#/definitions/leaf' }, child: { $ref: '#/$defs/node', description: 'next' } } } },
      properties: { root: { $ref: '#/$defs/node' } },
    };
    expect(sanitizeSchemaForGemini(schema)).toEqual({
      type: 'OBJECT',
      properties: {
        root: {
          type: 'OBJECT',
          properties: {
            value: { type: 'STRING', description: 'a leaf' },
            child: { type: 'OBJECT', description: 'next' },
          },
        },
      },
    });
  });

  it('turns several types into anyOf, keeps Gemini\'s own formats, and maps exclusiveMaximum and examples', () => {
    const schema = {
      type: 'object',
      properties: {
        id: { type: ['string', 'integer', 'null'] },
        when: { type: 'string', format: 'date-time' },
        ratio: { type: 'number', format: 'double', exclusiveMaximum: 1 },
        n: { type: 'integer', exclusiveMaximum: 10, examples: [3, 4] },
      },
    };
    expect(sanitizeSchemaForGemini(schema)).toEqual({
      type: 'OBJECT',
      properties: {
        id: { anyOf: [{ type: 'STRING' }, { type: 'INTEGER' }], nullable: true },
        when: { type: 'STRING', format: 'date-time' },
        ratio: { type: 'NUMBER', format: 'double', maximum: 1 },
        n: { type: 'INTEGER', maximum: 9, example: 3 },
      },
    });
  });

  it('returns undefined for a tool without arguments, so the declaration carries no parameters', () => {
    expect(sanitizeSchemaForGemini({ type: 'object', properties: {}, additionalProperties: false })).toBeUndefined();
    expect(sanitizeSchemaForGemini(undefined)).toBeUndefined();
  });

  it('keeps properties and required only on objects (Gemini: "only allowed for OBJECT type"), inferring object when type is missing', () => {
    const schema = {
      type: 'object',
      properties: {
        data: { description: 'untyped object', properties: { page_id: { type: 'string' } }, required: ['page_id'] },
        label: { type: 'string', properties: { x: { type: 'string' } }, required: ['x'] },
        maybe: { type: ['object', 'null'], properties: { y: { type: 'number' } } },
      },
    };
    expect(sanitizeSchemaForGemini(schema)?.properties).toEqual({
      data: { type: 'OBJECT', description: 'untyped object', properties: { page_id: { type: 'STRING' } }, required: ['page_id'] },
      label: { type: 'STRING' },
      maybe: { type: 'OBJECT', properties: { y: { type: 'NUMBER' } }, nullable: true },
    });
  });
});
