import { describe, expect, it } from 'vitest';
import { accumulateWithSdk } from '../../support/sdk-accumulate.js';
import { expectedMessage, fixtureText, geminiTarget, jsonlAsSse, translateStream, usage } from './gemini-test-kit.js';
import { itRecorded } from '../../support/shared-fixtures.js';

describe('Gemini stream translator', () => {
  itRecorded('translates a recorded text stream into text deltas with the last usage snapshot', async () => {
    const { sse, events } = translateStream([fixtureText('wire/gemini-stream-text-after-function-response.sse')]);
    const message = await accumulateWithSdk(sse);
    expect(message).toEqual(expectedMessage([{ type: 'text', text: 'The capital of Mexico is Mexico City.' }], 'end_turn', usage(257, 8)));
    expect(events.map((event) => event.type)).toEqual([
      'message_start', 'content_block_start', 'content_block_delta', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop',
    ]);
  });

  itRecorded('emits a function call as one tool_use block with its whole input and stop_reason tool_use', async () => {
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

  itRecorded("reports Gemini's own final usage figures", () => {
    const { usage: reported } = translateStream([fixtureText('wire/gemini-stream-usage-metadata-changes.sse')], { target: geminiTarget('gemini-2.0-flash') });
    expect(reported).toEqual({ input_tokens: 79, output_tokens: 12, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
  });

  itRecorded('ends with an Anthropic error event, not a fake end_turn, when the body ends without a finishReason', async () => {
    const raw = fixtureText('wire/gemini-stream-text-after-function-response.sse');
    const cut = raw.slice(0, raw.lastIndexOf('data:'));
    const { sse, events } = translateStream([cut]);
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: { type: 'api_error', message: 'gemini model gemini-3-pro-preview ended the stream without a finish reason; the answer may be incomplete. Retry the request.' },
    });
    expect(events.some((event) => event.type === 'message_stop' || event.type === 'message_delta')).toBe(false);
    await expect(accumulateWithSdk(sse)).rejects.toThrow(/without a finish reason/);
  });

  itRecorded('turns a data: {"error":…} event into an error event of the matching type and stops translating', async () => {
    const raw = fixtureText('wire/gemini-stream-text-after-function-response.sse');
    const first = raw.slice(0, raw.indexOf('data:', 5));
    const error = 'data: {"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}\r\n\r\n';
    const { sse, events } = translateStream([first, error, raw.slice(raw.indexOf('data:', 5))]);
    expect(events.map((event) => event.type)).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'error']);
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'gemini/gemini-3-pro-preview (gemini): overloaded (The model is overloaded. Please try again later.); Claude Code retries on its own, or pick another model with --model' },
    });
    await expect(accumulateWithSdk(sse)).rejects.toThrow(/overloaded/);
  });

  it('streams thoughts as a thinking block before the answer text, each block closed before the next opens', async () => {
    const chunks = [
      { candidates: [{ content: { role: 'model', parts: [{ text: 'Let me think', thought: true }] } }] },
      { candidates: [{ content: { role: 'model', parts: [{ text: ' about it.', thought: true }, { text: 'Answer: 4' }] } }] },
      { candidates: [{ content: { role: 'model', parts: [{ text: '.' }] }, finishReason: 'STOP' }], usageMetadata: { promptTokenCount: 7, candidatesTokenCount: 3, thoughtsTokenCount: 9 } },
    ].map((chunk) => `data: ${JSON.stringify(chunk)}\r\n\r\n`);
    const { sse } = translateStream(chunks);
    expect(await accumulateWithSdk(sse)).toEqual(
      expectedMessage(
        [
          { type: 'thinking', thinking: 'Let me think about it.', signature: 'oss1.none' },
          { type: 'text', text: 'Answer: 4.' },
        ],
        'end_turn',
        usage(7, 12),
      ),
    );
  });

  it('carries a 2,000-chunk text stream through intact', async () => {
    const pieces = Array.from({ length: 2000 }, (_, index) => `w${index} `);
    const chunks = pieces.map((text, index) =>
      `data: ${JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ text }] }, ...(index === 1999 ? { finishReason: 'STOP' } : {}) }], usageMetadata: { promptTokenCount: 5, candidatesTokenCount: index + 1 } })}\r\n\r\n`,
    );
    const { sse } = translateStream(chunks);
    expect(await accumulateWithSdk(sse)).toEqual(expectedMessage([{ type: 'text', text: pieces.join('') }], 'end_turn', usage(5, 2000)));
  });

  it('reports max_tokens on a truncated answer even when a call was emitted', async () => {
    const chunk = {
      candidates: [{ content: { role: 'model', parts: [{ functionCall: { name: 'Read', args: { file_path: '/a' } } }] }, finishReason: 'MAX_TOKENS' }],
      usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 4 },
    };
    const { sse } = translateStream([`data: ${JSON.stringify(chunk)}\r\n\r\n`]);
    expect(await accumulateWithSdk(sse)).toEqual(
      expectedMessage([{ type: 'tool_use', id: expect.stringMatching(/^toolu_oss_/), name: 'Read', input: { file_path: '/a' } }], 'max_tokens', usage(3, 4)),
    );
  });
});
