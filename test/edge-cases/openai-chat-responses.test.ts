// Edge cases 22 and 57–59 (reference/edge-cases.md), OpenAI Chat: a non-streaming chat.completion becomes a whole
// Anthropic message: fresh ids, the oss model id, usage with cache reads and writes apart and the provider's cost
// kept for the ledger. Recorded answers from ../shared/fixtures/wire; own-fixtures-openai.test.ts covers each
// case without ../shared.
import { describe, expect } from 'vitest';
import type { OpenAIResponse } from '../../src/providers/openai-chat/openai-chat-api.js';
import { transformFromOpenAIWithUsage } from '../../src/providers/openai-chat/transform-response.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { itRecorded } from '../support/shared-fixtures.js';
import { TOOLU } from '../support/openai-chat-expected.js';
import { DEEPSEEK, OPENAI, TEST_TARGET, openRouter, runStream, wireFixture } from '../support/openai-stream-harness.js';

const recorded = <T = OpenAIResponse>(name: string): T => JSON.parse(wireFixture(name)) as T;

describe('OpenAI Chat: whole answers (edge cases 22, 57–59)', () => {
  itRecorded('edge #22: upstream ids (OpenAI call_…, DeepSeek call_00_…, Ollama call_xxxxxxxx, Mistral 9 chars) become unique toolu_ ids', () => {
    const fixtures = ['openai-response-tool-call.json', 'deepseek-response-reasoning-tool-call.json', 'ollama-v1-response-reasoning-tool-call.json', 'openrouter-response-mistral-tool-call.json'];
    const blocks = fixtures.map((name) => transformFromOpenAIWithUsage(recorded(name), OPENAI).message.content.find((b) => b.type === 'tool_use'));
    for (const block of blocks) expect(block).toMatchObject({ type: 'tool_use', id: TOOLU });
    expect(new Set(blocks.map((b) => (b?.type === 'tool_use' ? b.id : ''))).size).toBe(4);
  });

  itRecorded('edge #57: input_tokens = prompt − cached (− OpenRouter cache writes); cache reads reported apart; OpenRouter cost kept for the ledger', () => {
    const deepseek = transformFromOpenAIWithUsage(recorded('deepseek-response-reasoning-tool-call.json'), DEEPSEEK);
    expect(deepseek.message.usage).toEqual({ input_tokens: 19, output_tokens: 92, cache_read_input_tokens: 320, cache_creation_input_tokens: 0 });
    const cost = transformFromOpenAIWithUsage(recorded('openrouter-response-usage-cost.json'), openRouter('openai/gpt-5-mini'));
    expect(cost.usage).toEqual({ input_tokens: 17, output_tokens: 2177, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, provider_cost_usd: 0.00435825 });
    expect(cost.message.usage).toEqual({ input_tokens: 17, output_tokens: 2177, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
    const writes = recorded<OpenAIResponse & { usage: { prompt_tokens: number; prompt_tokens_details: Record<string, number> } }>('openrouter-response-reasoning-details.json');
    writes.usage.prompt_tokens = 1000;
    writes.usage.prompt_tokens_details = { cached_tokens: 600, cache_write_tokens: 300 };
    expect(transformFromOpenAIWithUsage(writes, openRouter('anthropic/claude-sonnet-4.5')).message.usage).toEqual({ input_tokens: 100, output_tokens: 92, cache_read_input_tokens: 600, cache_creation_input_tokens: 300 });
  });

  itRecorded('edge #58: a non-streaming chat.completion becomes a whole Anthropic message with toolu_ ids, stop_reason and usage', () => {
    const message = transformFromOpenAIWithUsage(recorded('openai-response-tool-call.json'), OPENAI).message;
    expect(message).toEqual({
      id: expect.stringMatching(/^msg_/) as unknown,
      type: 'message',
      role: 'assistant',
      model: 'openai/gpt-4o',
      content: [{ type: 'tool_use', id: TOOLU, name: 'read_file', input: { path: 'README.md' } }],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 60, output_tokens: 15, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    });
    const withReasoning = recorded<OpenAIResponse & { choices: Array<{ message: { reasoning: string } }> }>('openrouter-response-reasoning-details.json');
    const reasoning = transformFromOpenAIWithUsage(withReasoning, openRouter('openai/gpt-5-mini')).message;
    expect(reasoning.content).toEqual([
      { type: 'thinking', thinking: withReasoning.choices[0]?.message.reasoning, signature: expect.stringMatching(/^oss1\.or\./) as unknown },
      { type: 'text', text: 'Hello! How can I help you today?' },
    ]);
    expect(withReasoning.choices[0]?.message.reasoning.startsWith('**Crafting a friendly greeting**')).toBe(true);
  });

  itRecorded('edge #59: upstream ids (chatcmpl-, gen-) are replaced by msg_ ids and the model is the oss id asked for, not the serving provider', async () => {
    const response = transformFromOpenAIWithUsage(recorded('openrouter-response-mistral-tool-call.json'), openRouter('mistralai/mistral-small')).message;
    expect(response.id).toMatch(/^msg_oss_/);
    expect(response.model).toBe('openrouter/mistralai/mistral-small');
    const run = runStream([wireFixture('openrouter-stream-reasoning-with-comments.sse')]);
    expect(run.events[0]).toMatchObject({ type: 'message_start', message: { id: 'msg_test', model: TEST_TARGET.id } });
    expect((await accumulateWithSdk(run.sse)).model).toBe(TEST_TARGET.id);
  });
});
