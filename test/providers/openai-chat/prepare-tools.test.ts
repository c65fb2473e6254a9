import { describe, expect, it } from 'vitest';
import { OPENAI_TOOL_NAMES, buildToolNameMap } from '../../../src/providers/common/tool-names.js';
import type { TargetModel } from '../../../src/providers/common/target.js';
import { prepareTools } from '../../../src/providers/openai-chat/prepare-tools.js';

const target = (capabilities: TargetModel['capabilities'] = {}): TargetModel => ({ id: 'openai/gpt-4o', provider: 'openai', type: 'openai', upstreamModel: 'gpt-4o', capabilities });
const names = buildToolNameMap([], OPENAI_TOOL_NAMES);
const READ = { name: 'Read', description: 'Read a file', input_schema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { path: { type: 'string' } } } };
const READ_FUNCTION = { type: 'function', function: { name: 'Read', description: 'Read a file', parameters: { type: 'object', properties: { path: { type: 'string' } } } } };

describe('prepareTools', () => {
  it('offers client tools as functions without $schema, leaving out server tools and the deferred placeholder', () => {
    const request = {
      messages: [],
      tools: [READ, { type: 'web_search_20250305', name: 'web_search' }, { name: 'DeferredToolPlaceholder', input_schema: { type: 'object' } }],
    };
    expect(prepareTools(request, target(), names)).toEqual({ tools: [READ_FUNCTION] });
  });

  it('maps each tool_choice, and disable_parallel_tool_use to parallel_tool_calls: false', () => {
    const choices = [{ type: 'auto' }, { type: 'any' }, { type: 'none' }, { type: 'tool', name: 'Read', disable_parallel_tool_use: true }];
    expect(choices.map((tool_choice) => prepareTools({ messages: [], tools: [READ], tool_choice }, target(), names))).toEqual([
      { tools: [READ_FUNCTION], tool_choice: 'auto' },
      { tools: [READ_FUNCTION], tool_choice: 'required' },
      { tools: [READ_FUNCTION], tool_choice: 'none' },
      { tools: [READ_FUNCTION], tool_choice: { type: 'function', function: { name: 'Read' } }, parallel_tool_calls: false },
    ]);
  });

  it('sends no tool_choice where the server rejects it (Ollama), honouring none by offering no tools', () => {
    const ollama = target({ noToolChoice: true });
    expect([
      prepareTools({ messages: [], tools: [READ], tool_choice: { type: 'any' } }, ollama, names),
      prepareTools({ messages: [], tools: [READ], tool_choice: { type: 'none' } }, ollama, names),
    ]).toEqual([{ tools: [READ_FUNCTION] }, {}]);
  });

  it('gives a tool whose schema is not an object an empty object schema', () => {
    expect(prepareTools({ messages: [], tools: [{ name: 'Odd', input_schema: 'nope' }] }, target(), names)).toEqual({
      tools: [{ type: 'function', function: { name: 'Odd', parameters: { type: 'object', properties: {} } } }],
    });
  });
});
