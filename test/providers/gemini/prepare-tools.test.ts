import { describe, expect, it } from 'vitest';
import type { AnthropicRequest } from '../../../src/providers/common/anthropic-types.js';
import { GEMINI_TOOL_NAMES, upstreamToolName } from '../../../src/providers/common/tool-names.js';
import { geminiToolNameMap, prepareGeminiTools } from '../../../src/providers/gemini/prepare-tools.js';

const READ_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: { file_path: { type: 'string' } },
  required: ['file_path'],
  additionalProperties: false,
};
const READ = { name: 'Read', description: 'Read a file', input_schema: READ_SCHEMA };
const READ_DECLARATION = { name: 'Read', description: 'Read a file', parametersJsonSchema: READ_SCHEMA };
const LONG_NAME = `mcp__${'server'.repeat(25)}__query`;

function prepare(request: Partial<AnthropicRequest>, schemaMode: 'parametersJsonSchema' | 'parameters' = 'parametersJsonSchema') {
  const full = { messages: [], ...request } as Pick<AnthropicRequest, 'tools' | 'tool_choice' | 'messages'>;
  return prepareGeminiTools(full, geminiToolNameMap(full), schemaMode);
}

describe('prepareGeminiTools', () => {
  it('declares client tools with the raw input_schema as parametersJsonSchema, dropping server tools and DeferredToolPlaceholder', () => {
    const tools = [READ, { type: 'web_search_20250305', name: 'web_search' }, { name: 'DeferredToolPlaceholder', input_schema: { type: 'object' } }];
    expect(prepare({ tools: tools as AnthropicRequest['tools'] })).toEqual({ tools: [{ functionDeclarations: [READ_DECLARATION] }] });
  });

  it('keeps a tool typed "custom" and leaves out the description when there is none', () => {
    const tools = [{ type: 'custom', name: 'Bash', input_schema: { type: 'object', properties: { command: { type: 'string' } } } }];
    expect(prepare({ tools: tools as AnthropicRequest['tools'] })).toEqual({
      tools: [{ functionDeclarations: [{ name: 'Bash', parametersJsonSchema: { type: 'object', properties: { command: { type: 'string' } } } }] }],
    });
  });

  it('sends a sanitised OpenAPI parameters schema in "parameters" mode, and none for a tool without arguments', () => {
    const tools = [READ, { name: 'CronList', input_schema: { type: 'object', properties: {} } }];
    expect(prepare({ tools: tools as AnthropicRequest['tools'] }, 'parameters')).toEqual({
      tools: [
        {
          functionDeclarations: [
            { name: 'Read', description: 'Read a file', parameters: { type: 'OBJECT', properties: { file_path: { type: 'STRING' } }, required: ['file_path'] } },
            { name: 'CronList' },
          ],
        },
      ],
    });
  });

  it('maps each tool_choice to a functionCallingConfig, naming the forced tool by its upstream name', () => {
    const choices: Array<AnthropicRequest['tool_choice']> = [{ type: 'auto' }, { type: 'any' }, { type: 'none' }, { type: 'tool', name: 'Read' }, undefined];
    expect(choices.map((tool_choice) => prepare({ tools: [READ] as AnthropicRequest['tools'], tool_choice }).toolConfig)).toEqual([
      { functionCallingConfig: { mode: 'AUTO' } },
      { functionCallingConfig: { mode: 'ANY' } },
      { functionCallingConfig: { mode: 'NONE' } },
      { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['Read'] } },
      undefined,
    ]);
  });

  it('sends neither tools nor toolConfig when no client tool is declared, even with a tool_choice', () => {
    expect([prepare({ tool_choice: { type: 'any' } }), prepare({ tools: [{ type: 'web_search_20250305', name: 'web_search' }] as AnthropicRequest['tools'] })]).toEqual([{}, {}]);
  });

  it("declares a name beyond Gemini's 128 characters by its shortened upstream name, and forces it by that same name", () => {
    const tools = [{ name: LONG_NAME, input_schema: { type: 'object' } }] as AnthropicRequest['tools'];
    const upstream = upstreamToolName(LONG_NAME, GEMINI_TOOL_NAMES);
    expect(prepare({ tools, tool_choice: { type: 'tool', name: LONG_NAME } })).toEqual({
      tools: [{ functionDeclarations: [{ name: upstream, parametersJsonSchema: { type: 'object' } }] }],
      toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [upstream] } },
    });
    expect(upstream.length).toBe(128);
  });
});

describe('geminiToolNameMap', () => {
  it('maps names declared as tools and names only found in the history back to what Claude Code calls them', () => {
    const historyOnly = 'mcp__old server__do it';
    const names = geminiToolNameMap({
      tools: [{ name: LONG_NAME, input_schema: { type: 'object' } }] as AnthropicRequest['tools'],
      messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: historyOnly, input: {} }] }],
    });
    const upstream = [LONG_NAME, historyOnly, 'Read'].map((name) => names.toUpstream(name));
    expect(upstream.map((name) => names.fromUpstream(name))).toEqual([LONG_NAME, historyOnly, 'Read']);
    expect(upstream[2]).toBe('Read');
  });
});
