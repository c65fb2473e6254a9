import { describe, expect, it } from 'vitest';
import { schemaInstruction } from '../../../src/providers/common/output-format.js';
import { mapGeminiResponseFormat } from '../../../src/providers/gemini/map-response-format.js';

const SCHEMA = {
  type: 'object',
  properties: { ok: { type: 'boolean' }, reason: { type: 'string' } },
  required: ['ok'],
  additionalProperties: false,
};
const REQUEST = { output_config: { effort: 'high', format: { type: 'json_schema', schema: SCHEMA } } };
const NO_TOOLS = { upstreamModel: 'gemini-2.5-flash', declaresTools: false, schemaMode: 'parametersJsonSchema' } as const;

describe('mapGeminiResponseFormat', () => {
  it('sends the schema untouched as responseJsonSchema with a JSON response type', () => {
    expect(mapGeminiResponseFormat(REQUEST, NO_TOOLS)).toEqual({ generation: { responseMimeType: 'application/json', responseJsonSchema: SCHEMA } });
  });

  it('sends a sanitised OpenAPI responseSchema instead when schemaMode is "parameters"', () => {
    expect(mapGeminiResponseFormat(REQUEST, { ...NO_TOOLS, schemaMode: 'parameters' })).toEqual({
      generation: {
        responseMimeType: 'application/json',
        responseSchema: { type: 'OBJECT', properties: { ok: { type: 'BOOLEAN' }, reason: { type: 'STRING' } }, required: ['ok'] },
      },
    });
  });

  it('keeps only the JSON response type when the schema sanitises to nothing in "parameters" mode', () => {
    const request = { output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: {} } } } };
    expect(mapGeminiResponseFormat(request, { ...NO_TOOLS, schemaMode: 'parameters' })).toEqual({ generation: { responseMimeType: 'application/json' } });
  });

  it('before Gemini 3, a request that declares tools gets the schema as a system instruction instead (JSON mode refuses tools)', () => {
    expect(mapGeminiResponseFormat(REQUEST, { ...NO_TOOLS, declaresTools: true })).toEqual({ generation: {}, instruction: schemaInstruction(SCHEMA) });
  });

  it('from Gemini 3 on, a request that declares tools still gets responseJsonSchema', () => {
    expect(mapGeminiResponseFormat(REQUEST, { ...NO_TOOLS, upstreamModel: 'gemini-3-pro-preview', declaresTools: true })).toEqual({
      generation: { responseMimeType: 'application/json', responseJsonSchema: SCHEMA },
    });
  });

  it('asks for nothing when the request has no format, or one that is not a JSON schema', () => {
    const requests = [{}, { output_config: { effort: 'high' } }, { output_config: { format: { type: 'text' } } }, { output_config: { format: { type: 'json_schema', schema: 'x' } } }];
    expect(requests.map((request) => mapGeminiResponseFormat(request, NO_TOOLS))).toEqual([{ generation: {} }, { generation: {} }, { generation: {} }, { generation: {} }]);
  });
});
