import { describe, expect, it } from 'vitest';
import { AnthropicStreamWriter, formatSseEvent, isSyntheticSignature, type WireDelta, type WireEvent } from '../../../src/providers/common/anthropic-stream-writer.js';
import { accumulateWithSdk } from '../../support/sdk-accumulate.js';

function record(model = 'openai/gpt-4o') {
  const events: WireEvent[] = [];
  const writer = new AnthropicStreamWriter((e) => events.push(e), { model, inputTokenEstimate: 42, messageId: 'msg_test' });
  return { events, writer, sse: () => events.map(formatSseEvent).join('') };
}

describe('AnthropicStreamWriter', () => {
  it('produces a stream the official SDK accumulates into text, thinking and tool_use blocks', async () => {
    const { writer, sse } = record();
    writer.thinking('let me think');
    writer.text('Hello');
    writer.text(' world');
    writer.toolUse('toolu_1', 'Write');
    writer.toolInput('{"file_path":"a.txt",');
    writer.toolInput('"content":"hi"}');
    writer.finish('tool_use', { input_tokens: 10, output_tokens: 5, cache_read_input_tokens: 2, cache_creation_input_tokens: 0 });
    const message = await accumulateWithSdk(sse());
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'let me think', signature: expect.any(String) },
      { type: 'text', text: 'Hello world' },
      { type: 'tool_use', id: 'toolu_1', name: 'Write', input: { file_path: 'a.txt', content: 'hi' } },
    ]);
    expect(message.stop_reason).toBe('tool_use');
    expect(message.usage).toMatchObject({ input_tokens: 10, output_tokens: 5, cache_read_input_tokens: 2 });
    expect(isSyntheticSignature((message.content[0] as { signature: string }).signature)).toBe(true);
  });

  it('gives a tool call without arguments the input {} through an input_json_delta', async () => {
    const { writer, events, sse } = record();
    writer.toolUse('toolu_2', 'TodoRead');
    writer.finish('tool_use', { input_tokens: 1, output_tokens: 1, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
    expect(events.filter((e) => e.type === 'content_block_delta')).toEqual([
      { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{}' } },
    ]);
    const message = await accumulateWithSdk(sse());
    expect(message.content).toEqual([{ type: 'tool_use', id: 'toolu_2', name: 'TodoRead', input: {} }]);
  });

  it('writes an event: line for every event and closes every block it opens', () => {
    const { writer, events, sse } = record();
    writer.text('a');
    writer.toolUse('t', 'Bash');
    writer.text('b');
    writer.finish('end_turn', { input_tokens: 1, output_tokens: 1, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
    const starts = events.filter((e) => e.type === 'content_block_start').map((e) => (e as { index: number }).index);
    const stops = events.filter((e) => e.type === 'content_block_stop').map((e) => (e as { index: number }).index);
    expect(starts).toEqual([0, 1, 2]);
    expect(stops).toEqual([0, 1, 2]);
    for (const frame of sse().trim().split('\n\n')) expect(frame).toMatch(/^event: [a-z_]+\ndata: \{/);
  });

  it('ends with an error frame and no message_stop after a mid-stream failure', () => {
    const { writer, events } = record();
    writer.text('partial');
    writer.error('overloaded_error', 'upstream overloaded');
    writer.text('ignored');
    expect(events.map((e) => e.type)).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'error']);
  });
});

describe('formatSseEvent', () => {
  // The per-token deltas are framed by hand for speed; the bytes must stay exactly JSON.stringify's.
  const awkward = ['', 'plain', 'quote " backslash \\ slash /', 'line\nbreak\ttab\r\u0000\u001f', 'é 中文 😀', '\ud800 lone surrogate', '{"a":[1,2]}'];
  const deltas: WireDelta[] = awkward.flatMap((value) => [
    { type: 'text_delta', text: value },
    { type: 'input_json_delta', partial_json: value },
    { type: 'thinking_delta', thinking: value },
    { type: 'signature_delta', signature: value },
  ]);

  it('frames every kind of content_block_delta with the same bytes as encoding the whole event', () => {
    for (const [index, delta] of deltas.entries()) {
      const event = { type: 'content_block_delta' as const, index, delta };
      expect(formatSseEvent(event)).toBe(`event: content_block_delta\ndata: ${JSON.stringify(event)}\n\n`);
    }
  });
});
