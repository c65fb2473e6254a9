// transformFromOpenAIWithUsage: a whole non-streaming chat.completion as the Anthropic message and the ledger usage.
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/common/provider-error.js';
import { OPENAI_TOOL_NAMES, buildToolNameMap } from '../../../src/providers/common/tool-names.js';
import type { OpenAIResponse } from '../../../src/providers/openai-chat/openai-chat-api.js';
import { encodeReasoningDetails } from '../../../src/providers/openai-chat/reasoning-signature.js';
import { malformedArgumentsNote, transformFromOpenAIWithUsage } from '../../../src/providers/openai-chat/transform-response.js';
import { RETRY_HINT, TOOLU, expectedJsonMessage } from '../../support/openai-chat-expected.js';
import { OPENAI } from '../../support/openai-stream-harness.js';

const USAGE = { prompt_tokens: 10, completion_tokens: 5 };
const MESSAGE_USAGE = { input_tokens: 10, output_tokens: 5, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };

function answer(message: Record<string, unknown>, finish: string | null = 'stop', extra: Record<string, unknown> = {}): OpenAIResponse {
  return { id: 'chatcmpl-1', model: 'gpt-4o-2024-08-06', choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish, ...extra }], usage: USAGE } as OpenAIResponse;
}

/** The whole message for target openai/gpt-4o with the usage above. */
function expected(content: unknown[], stopReason: string, stopSequence: string | null = null) {
  return expectedJsonMessage('openai/gpt-4o', content, stopReason, MESSAGE_USAGE, stopSequence);
}

describe('transformFromOpenAIWithUsage', () => {
  it('gives a text answer as a whole message with a fresh msg_ id, the oss model id and the usage, for the message and the ledger alike', () => {
    expect(transformFromOpenAIWithUsage(answer({ content: 'Hello!' }), OPENAI)).toEqual({ message: expected([{ type: 'text', text: 'Hello!' }], 'end_turn'), usage: MESSAGE_USAGE });
  });

  it('puts reasoning first as a thinking block, carrying reasoning_details in the signature when there are any', () => {
    const details = [{ type: 'reasoning.encrypted', data: 'gAAAAB', index: 0 }];
    expect([
      transformFromOpenAIWithUsage(answer({ reasoning_content: 'Think.', content: 'Done.' }), OPENAI).message.content,
      transformFromOpenAIWithUsage(answer({ reasoning: null, reasoning_details: details, content: 'Done.' }), OPENAI).message.content,
    ]).toEqual([
      [
        { type: 'thinking', thinking: 'Think.', signature: 'oss1.none' },
        { type: 'text', text: 'Done.' },
      ],
      [
        { type: 'thinking', thinking: '', signature: encodeReasoningDetails(details) },
        { type: 'text', text: 'Done.' },
      ],
    ]);
  });

  it('reads <think> tags opening the content as thinking, unless the provider turned that off', () => {
    const response = answer({ content: '<think>Short sum.</think>\n\nFour.' });
    expect([transformFromOpenAIWithUsage(response, OPENAI).message.content, transformFromOpenAIWithUsage(response, OPENAI, { thinkTags: false }).message.content]).toEqual([
      [
        { type: 'thinking', thinking: 'Short sum.', signature: 'oss1.none' },
        { type: 'text', text: 'Four.' },
      ],
      [{ type: 'text', text: '<think>Short sum.</think>\n\nFour.' }],
    ]);
  });

  it('gives tool calls fresh toolu_ ids and their names back through the tool-name map; a nameless call is skipped', () => {
    const long = `mcp__${'x'.repeat(70)}`;
    const toolNames = buildToolNameMap([long], OPENAI_TOOL_NAMES);
    const response = answer(
      {
        content: 'Checking.',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: toolNames.toUpstream(long), arguments: '{"a":1}' } },
          { id: 'call_2', type: 'function', function: { name: '', arguments: '{}' } },
          { id: 'call_3', type: 'function', function: { name: 'Read', arguments: '' } },
        ],
      },
      'tool_calls',
    );
    expect(transformFromOpenAIWithUsage(response, OPENAI, { toolNames }).message).toEqual(
      expected(
        [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: TOOLU, name: long, input: { a: 1 } },
          { type: 'tool_use', id: TOOLU, name: 'Read', input: {} },
        ],
        'tool_use',
      ),
    );
  });

  it('replaces unreadable arguments by {} and says so in a text block after the call', () => {
    const response = answer({ content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'Bash', arguments: '{"command": ls}' } }] }, 'tool_calls');
    expect(transformFromOpenAIWithUsage(response, OPENAI).message.content).toEqual([
      { type: 'tool_use', id: TOOLU, name: 'Bash', input: {} },
      { type: 'text', text: '[oss: the arguments for Bash were not valid JSON and were replaced by {}: {"command": ls}]' },
    ]);
  });

  it('gives a refusal as text with stop_reason refusal, and a stop string vLLM names as stop_sequence', () => {
    expect([transformFromOpenAIWithUsage(answer({ content: null, refusal: 'I can’t help with that.' }), OPENAI).message, transformFromOpenAIWithUsage(answer({ content: 'ok' }, 'stop', { stop_reason: '###' }), OPENAI).message]).toEqual([
      expected([{ type: 'text', text: 'I can’t help with that.' }], 'refusal'),
      expected([{ type: 'text', text: 'ok' }], 'stop_sequence', '###'),
    ]);
  });

  it('shows the input estimate to Claude Code when the server sent no usage, but gives the ledger zeros', () => {
    const { usage: _usage, ...response } = answer({ content: 'Hi' });
    const zero = { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
    expect(transformFromOpenAIWithUsage(response, OPENAI, { inputTokenEstimate: 42 })).toEqual({
      message: { ...expected([{ type: 'text', text: 'Hi' }], 'end_turn'), usage: { ...zero, input_tokens: 42 } },
      usage: zero,
    });
  });

  it("throws a 502 upstream error, with the upstream's words, for a 200 answer that holds only an error", () => {
    let thrown: unknown;
    try {
      transformFromOpenAIWithUsage({ error: { message: 'Internal error', code: 500 } } as OpenAIResponse, OPENAI);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProviderError);
    const error = thrown as ProviderError;
    expect({ status: error.status, type: error.type, message: error.message }).toEqual({ status: 502, type: 'api_error', message: `openai/gpt-4o (openai): upstream error 502 (Internal error)${RETRY_HINT}` });
  });
});

describe('malformedArgumentsNote', () => {
  it('shows at most the first 200 characters of the arguments', () => {
    expect([malformedArgumentsNote('Write', 'x'.repeat(201), 'were replaced by {}'), malformedArgumentsNote('Write', '{', 'were cut')]).toEqual([
      `[oss: the arguments for Write were not valid JSON and were replaced by {}: ${'x'.repeat(200)}…]`,
      '[oss: the arguments for Write were not valid JSON and were cut: {]',
    ]);
  });
});
