import { describe, expect, it } from 'vitest';
import { accumulateWithSdk } from '../../support/sdk-accumulate.js';
import { expectedMessage, fixtureText, geminiTarget, jsonlAsSse, translateStream, usage } from './gemini-test-kit.js';

describe('Gemini stream translator', () => {
  it('translates a recorded text stream into text deltas with the last usage snapshot', async () => {
    const { sse, events } = translateStream([fixtureText('wire/gemini-stream-text-after-function-response.sse')]);
    const message = await accumulateWithSdk(sse);
    expect(message).toEqual(expectedMessage([{ type: 'text', text: 'The capital of Mexico is Mexico City.' }], 'end_turn', usage(257, 8)));
    expect(events.map((event) => event.type)).toEqual([
      'message_start', 'content_block_start', 'content_block_delta', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop',
    ]);
  });

  it('emits a function call as one tool_use block with its whole input and stop_reason tool_use', async () => {
    const { sse } = translateStream([jsonlAsSse('wire/gemini-stream-function-call-no-args.jsonl')]);
    const message = await accumulateWithSdk(sse);
    expect(message).toEqual(
      expectedMessage(
        [{ type: 'tool_use', id: expect.stringMatching(/^toolu_oss_g/), name: 'weather', input: { location: 'San Francisco' } }],
        'tool_use',
        usage(29, 60),
      ),
    );
  });

  it('maps shortened upstream tool names back to the names Claude Code declared', async () => {
    const longName = `mcp__${'x'.repeat(140)}__tool`;
    const { geminiToolNameMap } = await import('../../../src/providers/gemini/prepare-tools.js');
    const toolNames = geminiToolNameMap({ messages: [], tools: [{ name: longName, input_schema: { type: 'object' } }] });
    const upstream = toolNames.toUpstream(longName);
    const chunk = { candidates: [{ content: { role: 'model', parts: [{ functionCall: { name: upstream, args: {} } }] }, finishReason: 'STOP' }] };
    const { sse } = translateStream([`data: ${JSON.stringify(chunk)}\r\n\r\n`], { toolNames });
    const message = await accumulateWithSdk(sse);
    expect(message).toEqual(expectedMessage([{ type: 'tool_use', id: expect.stringMatching(/^toolu_oss_/), name: longName, input: {} }], 'tool_use', usage(0, 0)));
  });

  it('reports the final usage to onUsage', () => {
    const { usage: reported } = translateStream([fixtureText('wire/gemini-stream-usage-metadata-changes.sse')], { target: geminiTarget('gemini-2.0-flash') });
    expect(reported).toEqual({ input_tokens: 79, output_tokens: 12, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
  });
});
