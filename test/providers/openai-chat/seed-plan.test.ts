// The seed plan's tests (Tasks 3.1, 3.2, 4.3), written for this layout.
import { describe, expect, it } from 'vitest';
import { transformToOpenAI } from '../../../src/providers/openai-chat/transform-request.js';
import { transformFromOpenAIWithUsage } from '../../../src/providers/openai-chat/transform-response.js';
import { accumulateWithSdk } from '../../support/sdk-accumulate.js';
import { runStream } from '../../support/openai-stream-harness.js';

describe('ApiTransformer - Anthropic to OpenAI', () => {
  it('should transform message format', () => {
    const anthropicRequest = { model: 'claude-3-opus', messages: [{ role: 'user', content: 'Hello' }], max_tokens: 1024 };
    const openaiRequest = transformToOpenAI(anthropicRequest);
    expect(openaiRequest.messages[0]?.role).toBe('user');
    expect(openaiRequest.messages[0]?.content).toBe('Hello');
  });

  it('should transform tool_use to function_call', () => {
    const anthropicRequest = {
      messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 'tool_1', name: 'get_weather', input: { city: 'London' } }] }],
    };
    const openaiRequest = transformToOpenAI(anthropicRequest);
    const first = openaiRequest.messages[0];
    expect(first?.role === 'assistant' ? first.tool_calls?.[0]?.function.name : undefined).toBe('get_weather');
  });

  it('should drop anthropic-specific parameters', () => {
    const anthropicRequest = { model: 'claude-3-opus', messages: [], metadata: { user_id: 'xxx' } };
    const openaiRequest = transformToOpenAI(anthropicRequest);
    expect((openaiRequest as unknown as Record<string, unknown>).metadata).toBeUndefined();
  });
});

describe('ApiTransformer - OpenAI to Anthropic Response', () => {
  it('should transform response format', () => {
    const openaiResponse = { choices: [{ message: { role: 'assistant', content: 'Hello!' } }], usage: { prompt_tokens: 10, completion_tokens: 5 } };
    const anthropicResponse = transformFromOpenAIWithUsage(openaiResponse).message;
    const first = anthropicResponse.content[0];
    expect(first?.type === 'text' ? first.text : undefined).toBe('Hello!');
    expect(anthropicResponse.usage.input_tokens).toBe(10);
    expect(anthropicResponse.usage.output_tokens).toBe(5);
  });

  it('should transform function_call to tool_use', () => {
    const openaiResponse = {
      choices: [{ message: { role: 'assistant', tool_calls: [{ id: 'call_1', function: { name: 'search', arguments: '{"q":"test"}' } }] } }],
    };
    const anthropicResponse = transformFromOpenAIWithUsage(openaiResponse).message;
    const first = anthropicResponse.content[0];
    expect(first?.type).toBe('tool_use');
    expect(first?.type === 'tool_use' ? first.name : undefined).toBe('search');
  });

  it('should handle streaming SSE chunks', () => {
    const { events } = runStream(['data: {"choices":[{"delta":{"content":"Hi"}}]}\n\n']);
    expect(events.find((event) => event.type === 'content_block_delta')).toEqual({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } });
  });
});

describe('OpenAI stream translator (seed 4.3, StreamTransformer)', () => {
  it('should transform OpenAI SSE to Anthropic SSE', async () => {
    const openaiChunks = ['data: {"choices":[{"delta":{"content":"Hello"}}]}\n\n', 'data: {"choices":[{"delta":{"content":" world"}}]}\n\n', 'data: [DONE]\n\n'];
    // The whole stream, as Claude Code's SDK accumulates it: one text block, the stream's end as end_turn.
    const message = await accumulateWithSdk(runStream(openaiChunks).sse);
    expect([message.model, message.content, message.stop_reason]).toEqual(['test/model', [{ type: 'text', text: 'Hello world' }], 'end_turn']);
  });

  it('should handle partial chunks', async () => {
    const message = await accumulateWithSdk(runStream(['data: {"choices":[{"del', 'ta":{"content":"Hi"}}]}\n\n', 'data: [DONE]\n\n']).sse);
    expect([message.content, message.stop_reason]).toEqual([[{ type: 'text', text: 'Hi' }], 'end_turn']);
  });
});
