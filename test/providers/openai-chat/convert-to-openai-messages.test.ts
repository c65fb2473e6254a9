import { describe, expect, it } from 'vitest';
import type { TargetModel } from '../../../src/providers/common/target.js';
import { INTERRUPTED } from '../../../src/providers/openai-chat/convert-tool-result.js';
import { convertToOpenAIMessages } from '../../../src/providers/openai-chat/convert-to-openai-messages.js';
import { traitsOf } from '../../../src/providers/openai-chat/target-traits.js';
import { toolNameMapForRequest } from '../../../src/providers/openai-chat/tool-name-map.js';

const GPT_4O: TargetModel = { id: 'openai/gpt-4o', provider: 'openai', type: 'openai', upstreamModel: 'gpt-4o', capabilities: {} };

function convert(request: Parameters<typeof convertToOpenAIMessages>[0], systemRole: 'system' | 'developer' = 'system') {
  return convertToOpenAIMessages(request, { traits: traitsOf(GPT_4O), toolNames: toolNameMapForRequest(request), systemRole });
}

const call = (id: string, name: string, args: string) => ({ id, type: 'function', function: { name, arguments: args } });

describe('convertToOpenAIMessages', () => {
  it('answers every tool call right after it, in call order, with a stand-in for a call that got no result', () => {
    const request = {
      system: [{ type: 'text', text: 'You are Claude Code.' }],
      messages: [
        { role: 'user', content: 'List and read.' },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Two calls.' },
            { type: 'tool_use', id: 'toolu_1', name: 'Bash', input: { command: 'ls' } },
            { type: 'tool_use', id: 'toolu_2', name: 'Read', input: { path: 'a' } },
          ],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_2', content: 'file a' }, { type: 'text', text: 'go on' }] },
      ],
    };
    expect(convert(request)).toEqual([
      { role: 'system', content: 'You are Claude Code.' },
      { role: 'user', content: 'List and read.' },
      { role: 'assistant', content: 'Two calls.', tool_calls: [call('toolu_1', 'Bash', '{"command":"ls"}'), call('toolu_2', 'Read', '{"path":"a"}')] },
      { role: 'tool', tool_call_id: 'toolu_1', content: INTERRUPTED },
      { role: 'tool', tool_call_id: 'toolu_2', content: 'file a' },
      { role: 'user', content: 'go on' },
    ]);
  });

  it('pairs results that come back in completion order with their calls by id', () => {
    const request = {
      messages: [
        { role: 'user', content: 'Both.' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_a', name: 'Bash', input: {} }, { type: 'tool_use', id: 'toolu_b', name: 'Bash', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_b', content: 'second' }, { type: 'tool_result', tool_use_id: 'toolu_a', content: 'first' }] },
      ],
    };
    expect(convert(request).slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'toolu_a', content: 'first' },
      { role: 'tool', tool_call_id: 'toolu_b', content: 'second' },
    ]);
  });

  it('sends the system prompt in the role the target wants', () => {
    expect(convert({ system: 'Be brief.', messages: [{ role: 'user', content: 'Hi' }] }, 'developer')).toEqual([
      { role: 'developer', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ]);
  });
});
