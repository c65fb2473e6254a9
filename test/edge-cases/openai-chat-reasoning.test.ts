// Edge cases 26, 27 and 31 (reference/edge-cases.md), OpenAI Chat: reasoning in streams becomes thinking blocks,
// thinking in history goes back in the form each provider wants, and a thinking request becomes the provider's
// reasoning control. Recorded fixtures from ../shared/fixtures/wire and Claude Code captures from
// test/fixtures/claude-code; own-fixtures-openai.test.ts covers each case without ../shared.
import { describe, expect, it } from 'vitest';
import type { AnthropicRequestLike } from '../../src/providers/openai-chat/anthropic-input.js';
import { SYNTHETIC_SIGNATURE_PREFIX } from '../../src/providers/common/anthropic-stream-writer.js';
import { transformToOpenAI } from '../../src/providers/openai-chat/transform-request.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { itRecorded } from '../support/shared-fixtures.js';
import { SIGNED } from '../support/openai-chat-expected.js';
import {
  DEEPSEEK,
  OPENAI,
  assistantOf,
  claudeCodeFixture,
  eventTypes,
  jsonlAsSse,
  launcherRequest,
  openAITarget,
  openRouter,
  reasoningOf,
  runStream,
  wireFixture,
} from '../support/openai-stream-harness.js';

describe('OpenAI Chat: reasoning (edge cases 26, 27, 31)', () => {
  itRecorded('edge #26: DeepSeek/xAI reasoning_content, OpenRouter reasoning and Groq reasoning all become thinking blocks closed by a signature', async () => {
    const streams: Array<[string, string]> = [
      [jsonlAsSse(wireFixture('deepseek-stream-reasoning-tool-call.jsonl')), reasoningOf(wireFixture('deepseek-stream-reasoning-tool-call.jsonl'))],
      [jsonlAsSse(wireFixture('xai-stream-reasoning-content-tool-call.jsonl')), reasoningOf(wireFixture('xai-stream-reasoning-content-tool-call.jsonl'))],
      [wireFixture('openrouter-stream-reasoning-with-comments.sse'), 'This is a simple arithmetic question. 2+2 equals 4.'],
    ];
    for (const [body, reasoning] of streams) {
      const run = runStream([body]);
      const types = eventTypes(run.events);
      expect(types.slice(1, 3)).toEqual(['start:thinking', 'delta:thinking_delta']);
      const stop = types.indexOf('content_block_stop');
      expect(types[stop - 1]).toBe('delta:signature_delta');
      const message = await accumulateWithSdk(run.sse);
      expect(message.content[0]).toEqual({ type: 'thinking', thinking: reasoning, signature: SIGNED });
    }
    const groq = runStream([wireFixture('groq-stream-error-event-tool-use-failed.sse')]);
    expect(groq.events[1]).toEqual({ type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } });
  });

  itRecorded("edge #26: OpenRouter's encrypted reasoning_details (no text) ride in the thinking block's signature and come back on replay", async () => {
    const run = runStream([wireFixture('openrouter-stream-encrypted-reasoning-o3.sse')]);
    const message = await accumulateWithSdk(run.sse);
    const thinking = message.content[0];
    expect(thinking).toEqual({ type: 'thinking', thinking: '', signature: expect.stringMatching(new RegExp(`^${SYNTHETIC_SIGNATURE_PREFIX.replace('.', '\\.')}or\\.`)) as unknown });
    const replay = transformToOpenAI(
      { messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: message.content as AnthropicRequestLike['messages'][number]['content'] }, { role: 'user', content: 'more' }] },
      openRouter('openai/o3', { reasoning: true }),
    );
    const recorded = wireFixture('openrouter-stream-encrypted-reasoning-o3.sse')
      .split('\n')
      .filter((line) => line.includes('"reasoning_details":[{'))
      .flatMap((line) => (JSON.parse(line.slice('data: '.length)) as { choices: Array<{ delta: { reasoning_details: unknown[] } }> }).choices[0]?.delta.reasoning_details ?? []);
    expect(recorded).toHaveLength(1);
    expect(assistantOf(replay.messages).reasoning_details).toEqual(recorded);
  });

  it('edge #27: thinking blocks in history are dropped for OpenAI, sent as reasoning_content for DeepSeek, as reasoning_details for OpenRouter', () => {
    const turn = claudeCodeFixture<{ request_2_messages_from_index_2: AnthropicRequestLike['messages'] }>('tool-loop-write-thinking-second-request.json');
    const request: AnthropicRequestLike = { messages: [{ role: 'user', content: 'write the file' }, ...turn.request_2_messages_from_index_2] };
    const toolCalls = [{ id: 'toolu_mockwrite01', type: 'function', function: { name: 'Write', arguments: '{"file_path":"<project>/probe-out.txt","content":"hello from the mock\\n"}' } }];
    expect(assistantOf(transformToOpenAI(request, OPENAI).messages)).toEqual({ role: 'assistant', content: 'I will write the file now.', tool_calls: toolCalls });
    expect(assistantOf(transformToOpenAI(request, DEEPSEEK).messages)).toEqual({ role: 'assistant', content: 'I will write the file now.', tool_calls: toolCalls, reasoning_content: 'I should write the file.' });
    const withoutThinking: AnthropicRequestLike = { messages: request.messages.map((m) => (m.role === 'assistant' && Array.isArray(m.content) ? { ...m, content: m.content.filter((b) => b.type !== 'thinking') } : m)) };
    expect(assistantOf(transformToOpenAI(withoutThinking, DEEPSEEK).messages).reasoning_content).toBe('');
    expect(assistantOf(transformToOpenAI(request, openRouter('anthropic/claude-sonnet-4.5')).messages).reasoning_details).toBeUndefined();
  });

  itRecorded('edge #31: adaptive thinking + effort → reasoning_effort (OpenAI/Ollama/DeepSeek), budget → OpenRouter reasoning.max_tokens, nothing for models that cannot think', () => {
    const launcher = launcherRequest();
    expect(transformToOpenAI(launcher, openAITarget('openai', 'gpt-5.1', { reasoning: true, reasoningModel: true })).reasoning_effort).toBe('high');
    expect(transformToOpenAI(launcher, openAITarget('ollama', 'gpt-oss:20b', { reasoning: true })).reasoning_effort).toBe('high');
    const deepseek = transformToOpenAI(launcher, DEEPSEEK);
    expect([deepseek.reasoning_effort, deepseek.thinking]).toEqual(['high', { type: 'enabled' }]);
    expect(transformToOpenAI(launcher, openRouter('openai/gpt-5.1', { reasoning: true })).reasoning).toEqual({ effort: 'high' });
    const enabled = JSON.parse(wireFixture('anthropic-request-thinking-enabled.json')) as AnthropicRequestLike;
    expect(transformToOpenAI(enabled, openRouter('anthropic/claude-sonnet-4.5', { reasoning: true })).reasoning).toEqual({ max_tokens: 1024 });
    expect(transformToOpenAI(enabled, openAITarget('openai', 'o3', { reasoning: true, reasoningModel: true })).reasoning_effort).toBe('low');
    const plain = transformToOpenAI(launcher, OPENAI);
    expect([plain.reasoning_effort, plain.reasoning, plain.thinking]).toEqual([undefined, undefined, undefined]);
    expect(transformToOpenAI({ ...enabled, thinking: { type: 'disabled' } }, openAITarget('openai', 'o3', { reasoning: true })).reasoning_effort).toBeUndefined();
  });
});
