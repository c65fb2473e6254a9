// The OpenAI-side edge cases (reference/edge-cases.md) on fixtures written for this project
// (test/fixtures/ours/openai/, see ours/README.md), so a clone without ../shared still tests every case.
// The recorded variants in edge-cases/openai-chat-*.test.ts add real provider bytes when ../shared is present;
// edge case 56 on our bodies is in test/providers/openai-chat/decode-error.test.ts.
import { describe, expect, it } from 'vitest';
import type { OpenAIResponse } from '../../src/providers/openai-chat/openai-chat-api.js';
import { transformToOpenAI } from '../../src/providers/openai-chat/transform-request.js';
import { transformFromOpenAIWithUsage } from '../../src/providers/openai-chat/transform-response.js';
import type { AnthropicRequestLike } from '../../src/providers/openai-chat/anthropic-input.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { ownFixtureText } from '../support/shared-fixtures.js';
import { INCOMPLETE_STREAM, OURS_WEATHER, RETRY_HINT, SIGNED, TOOLU, errorEvent, expectedMessage } from '../support/openai-chat-expected.js';
import { OLLAMA, OPENAI, TEST_TARGET, eventTypes, inputJsonDeltas, jsonlAsSse, openAITarget as target, runStream } from '../support/openai-stream-harness.js';

const ours = (name: string): string => ownFixtureText(`openai/${name}`);

describe('A. stream framing (our fixtures)', () => {
  it('edge #02: the stream cut into two pieces at every byte (through °, ö, ÷ and ’) gives the identical SSE body', () => {
    const bytes = new TextEncoder().encode(ours('text-then-fragmented-call.sse'));
    const whole = runStream([bytes]).sse.replace(/toolu_oss_\w+/g, 'toolu');
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(runStream([bytes.slice(0, cut), bytes.slice(cut)]).sse.replace(/toolu_oss_\w+/g, 'toolu')).toBe(whole);
    }
  });

  it('edge #03: a body that ends after the finish chunk without [DONE] completes normally; one cut before any finish is an api_error, never a fake end_turn', async () => {
    const complete = runStream([jsonlAsSse(ours('interleaved-calls.jsonl'))]);
    expect(eventTypes(complete.events).slice(-2)).toEqual(['message_delta', 'message_stop']);
    const cut = runStream([ours('cut-before-finish.sse')]);
    expect(cut.events.at(-1)).toEqual(INCOMPLETE_STREAM);
    await expect(accumulateWithSdk(cut.sse)).rejects.toThrow(/ended before the model finished/);
  });

  it('edge #05: an empty leading chunk (role, content "", refusal null) and DeepSeek\'s (content null, reasoning_content "") open no block', () => {
    expect(eventTypes(runStream([ours('text-then-fragmented-call.sse')]).events).slice(0, 2)).toEqual(['message_start', 'start:text']);
    expect(eventTypes(runStream([jsonlAsSse(ours('reasoning-content-then-call.jsonl'))]).events).slice(0, 3)).toEqual(['message_start', 'start:thinking', 'delta:thinking_delta']);
  });

  it('edge #06: `role` on every delta is not a block boundary: one text block, then the tool', async () => {
    const run = runStream([ours('text-then-fragmented-call.sse')]);
    expect(run.events.filter((e) => e.type === 'content_block_start').map((e) => (e.type === 'content_block_start' ? e.content_block.type : ''))).toEqual(['text', 'tool_use']);
    expect(await accumulateWithSdk(run.sse)).toEqual(OURS_WEATHER);
  });

  it('edge #07: usage after the finish (choices:[]), inside the finish chunk, or in a later chunk with finish_reason null all land in message_delta, and the late chunk reopens nothing', async () => {
    expect(await accumulateWithSdk(runStream([ours('text-then-fragmented-call.sse')]).sse)).toEqual(OURS_WEATHER);
    const inFinish = await accumulateWithSdk(runStream([jsonlAsSse(ours('interleaved-calls.jsonl'))]).sse);
    expect(inFinish.usage).toEqual({ input_tokens: 31, output_tokens: 17, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
    const late = runStream([ours('reasoning-field-with-comments.sse')]);
    expect(eventTypes(late.events)).toEqual(['message_start', 'start:thinking', 'delta:thinking_delta', 'delta:thinking_delta', 'delta:signature_delta', 'content_block_stop', 'start:text', 'delta:text_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(await accumulateWithSdk(late.sse)).toEqual(
      expectedMessage([{ type: 'thinking', thinking: 'Two plus two is four.', signature: SIGNED }, { type: 'text', text: '4' }], 'end_turn', { input_tokens: 15, output_tokens: 9 }),
    );
  });

  it('edge #08: with no usage at all, message_start carries the input estimate and message_delta the output estimate (11 characters → 3)', async () => {
    const run = runStream([ours('text-no-usage.sse')], { inputTokenEstimate: 120 });
    expect(run.events.find((e) => e.type === 'message_delta')).toEqual({ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { input_tokens: 120, output_tokens: 3, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 } });
    expect((await accumulateWithSdk(run.sse)).usage).toEqual({ input_tokens: 120, output_tokens: 3, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
  });

  it('edge #09: message_start carries the estimate and message_delta the real input and cache figures', () => {
    const run = runStream([ours('text-then-fragmented-call.sse')], { inputTokenEstimate: 40 });
    const start = run.events[0];
    expect(start?.type === 'message_start' ? start.message.usage : undefined).toEqual({ input_tokens: 40, output_tokens: 1, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
    expect(run.events.find((e) => e.type === 'message_delta')).toEqual({ type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { input_tokens: 30, output_tokens: 12, cache_read_input_tokens: 20, cache_creation_input_tokens: 0 } });
  });
});

describe('B. tool calls in streams (our fixtures)', () => {
  it('edge #13: argument fragments that cut keys, strings and escapes are forwarded in order as input_json_delta', () => {
    const run = runStream([ours('text-then-fragmented-call.sse')]);
    const partials = inputJsonDeltas(run.events);
    expect(partials).toEqual(['{"ci', 'ty": "Bue', 'nos \\"Aires\\"', '"}']);
  });

  it('edge #14/#15/#16/#17: calls keyed by index (first is 1), an interleaved whole call buffered until the live one closes, a blank name and repeated type ignored', async () => {
    const run = runStream([jsonlAsSse(ours('interleaved-calls.jsonl'))]);
    const starts = run.events.flatMap((e) => (e.type === 'content_block_start' ? [[e.index, e.content_block.type === 'tool_use' ? e.content_block.name : e.content_block.type]] : []));
    expect(starts).toEqual([
      [0, 'text'],
      [1, 'read_file'],
      [2, 'list_dir'],
    ]);
    const listDir = inputJsonDeltas(run.events, 2);
    expect(listDir).toEqual(['{}']);
    expect(await accumulateWithSdk(run.sse)).toEqual(
      expectedMessage(
        [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: TOOLU, name: 'read_file', input: { path: 'notes.txt' } },
          { type: 'tool_use', id: TOOLU, name: 'list_dir', input: {} },
        ],
        'tool_use',
        { input_tokens: 31, output_tokens: 17 },
      ),
    );
  });

  it('edge #18: a call whose arguments are "" throughout emits partial_json "{}" and input {}', async () => {
    const run = runStream([ours('no-arg-call.sse')]);
    expect(inputJsonDeltas(run.events)).toEqual(['{}']);
    expect(await accumulateWithSdk(run.sse)).toEqual(expectedMessage([{ type: 'tool_use', id: TOOLU, name: 'current_time', input: {} }], 'tool_use', { input_tokens: 9, output_tokens: 5 }));
  });

  it('edge #21: reasoning → tool call switches blocks with strictly increasing indices', async () => {
    const run = runStream([jsonlAsSse(ours('reasoning-content-then-call.jsonl'))]);
    expect(run.events.flatMap((e) => (e.type === 'content_block_start' ? [[e.index, e.content_block.type]] : []))).toEqual([
      [0, 'thinking'],
      [1, 'tool_use'],
    ]);
    expect(await accumulateWithSdk(run.sse)).toEqual(
      expectedMessage(
        [
          { type: 'thinking', thinking: 'The user wants the time.', signature: SIGNED },
          { type: 'tool_use', id: TOOLU, name: 'current_time', input: { tz: 'UTC' } },
        ],
        'tool_use',
        { input_tokens: 8, output_tokens: 30, cache_read_input_tokens: 32 },
      ),
    );
  });
});

describe('C. reasoning (our fixtures)', () => {
  it('edge #26: reasoning_content (DeepSeek/xAI) and reasoning (OpenRouter/Groq/Ollama) both become thinking blocks closed by a signature', async () => {
    const deepseek = await accumulateWithSdk(runStream([jsonlAsSse(ours('reasoning-content-then-call.jsonl'))]).sse);
    const openrouter = await accumulateWithSdk(runStream([ours('reasoning-field-with-comments.sse')]).sse);
    expect([deepseek.content[0], openrouter.content[0]]).toEqual([
      { type: 'thinking', thinking: 'The user wants the time.', signature: SIGNED },
      { type: 'thinking', thinking: 'Two plus two is four.', signature: SIGNED },
    ]);
  });

  it('<think>…</think> opening the content is thinking even with both tags split across chunks; a later "<think>" stays text; leading blank lines after it are dropped', async () => {
    const run = runStream([ours('think-tags-split.sse')]);
    expect(await accumulateWithSdk(run.sse)).toEqual(
      expectedMessage([{ type: 'thinking', thinking: '\nThe sum is 4.', signature: SIGNED }, { type: 'text', text: 'Four. No <think> here.' }], 'end_turn', { input_tokens: 8, output_tokens: 14 }),
    );
    const whole = transformFromOpenAIWithUsage(JSON.parse(ours('think-tags-response.json')) as OpenAIResponse, OPENAI).message;
    expect(whole.content).toEqual([{ type: 'thinking', thinking: 'Short sum.', signature: SIGNED }, { type: 'text', text: 'Four.' }]);
  });

  it('Mistral content arrays: thinking parts become a thinking block and text parts text, streamed or not (never "[object Object]")', async () => {
    const streamed = await accumulateWithSdk(runStream([ours('mistral-thinking-parts.sse')]).sse);
    expect(streamed).toEqual(
      expectedMessage([{ type: 'thinking', thinking: 'Look left, then right.', signature: SIGNED }, { type: 'text', text: 'Look both ways.' }], 'end_turn', { input_tokens: 10, output_tokens: 20 }),
    );
    const whole = transformFromOpenAIWithUsage(JSON.parse(ours('mistral-thinking-parts.json')) as OpenAIResponse, target('mistral', 'magistral-x')).message;
    expect(whole.content).toEqual([{ type: 'thinking', thinking: 'Check the current.', signature: SIGNED }, { type: 'text', text: 'Use the bridge.' }]);
  });

  it('reasoning tokens reported beside completion_tokens (total = prompt + completion + reasoning, as xAI does) are counted as output', async () => {
    const run = runStream([jsonlAsSse(ours('reasoning-tokens-outside-completion.jsonl'))]);
    expect(run.usage).toEqual({ input_tokens: 10, output_tokens: 341, cache_read_input_tokens: 2, cache_creation_input_tokens: 0 });
    // DeepSeek's reasoning_tokens are inside completion_tokens (70 = 40 + 30): not added again.
    expect(runStream([jsonlAsSse(ours('reasoning-content-then-call.jsonl'))]).usage?.output_tokens).toBe(30);
  });

  it('edge #31: enabled thinking with a budget → reasoning_effort for OpenAI reasoning models, reasoning.max_tokens for OpenRouter; disabled or a model that cannot think gets nothing', () => {
    const enabled: AnthropicRequestLike = { max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 1024 }, messages: [{ role: 'user', content: 'Think.' }] };
    expect(transformToOpenAI(enabled, target('openrouter', 'anthropic/claude-x', { reasoning: true })).reasoning).toEqual({ max_tokens: 1024 });
    expect(transformToOpenAI(enabled, target('openai', 'o3', { reasoning: true, reasoningModel: true })).reasoning_effort).toBe('low');
    const plain = transformToOpenAI(enabled, OPENAI);
    expect([plain.reasoning_effort, plain.reasoning, plain.thinking]).toEqual([undefined, undefined, undefined]);
    expect(transformToOpenAI({ ...enabled, thinking: { type: 'disabled' } }, target('openai', 'o3', { reasoning: true })).reasoning_effort).toBeUndefined();
  });
});

describe('D. request translation (our fixtures)', () => {
  const withInlineSystem: AnthropicRequestLike = {
    system: 'You review code.',
    messages: [
      { role: 'user', content: 'Review a.py.' },
      { role: 'assistant', content: 'Fine.' },
      { role: 'user', content: 'Again.' },
      { role: 'system', content: 'Always suggest type hints.' } as never,
    ],
  };

  it('edge #33: a role:"system" message inside messages stays at its position for hosted APIs, and is folded into the leading system message for Ollama', () => {
    // Plain-text turns pass through unchanged; only where the inline system message goes differs.
    const [review, fine, again, inline] = withInlineSystem.messages;
    expect(transformToOpenAI(withInlineSystem, OPENAI).messages).toEqual([{ role: 'system', content: 'You review code.' }, review, fine, again, inline]);
    expect(transformToOpenAI(withInlineSystem, OLLAMA).messages).toEqual([{ role: 'system', content: 'You review code.\n\nAlways suggest type hints.' }, review, fine, again]);
  });

  it('edge #34: results in completion order become tool messages in call order; a missing result is synthesised; a stray result is dropped', () => {
    const request: AnthropicRequestLike = {
      messages: [
        { role: 'user', content: 'Look up three people.' },
        {
          role: 'assistant',
          content: ['toolu_a', 'toolu_b', 'toolu_c'].map((id, i) => ({ type: 'tool_use', id, name: 'lookup', input: { n: i } })),
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_c', content: 'carol' },
            { type: 'tool_result', tool_use_id: 'toolu_elsewhere', content: 'stray' },
            { type: 'tool_result', tool_use_id: 'toolu_a', content: 'alice' },
          ],
        },
      ],
    };
    const messages = transformToOpenAI(request, OPENAI).messages;
    const tools = messages.filter((m) => m.role === 'tool').map((m) => (m.role === 'tool' ? [m.tool_call_id, m.content] : []));
    const calls = messages.flatMap((m) => (m.role === 'assistant' ? (m.tool_calls ?? []).map((c) => c.id) : []));
    expect(tools).toEqual([
      [calls[0], 'alice'],
      [calls[1], 'Error: the tool call was interrupted before it returned a result.'],
      [calls[2], 'carol'],
    ]);
    expect(JSON.stringify(messages)).not.toContain('stray');
  });
});

describe('E. responses, errors, stop reasons (our fixtures)', () => {
  it('edge #52: delta.refusal becomes a text block with stop_reason "refusal"', async () => {
    expect(await accumulateWithSdk(runStream([ours('refusal.sse')]).sse)).toEqual(expectedMessage([{ type: 'text', text: 'I can’t help with that.' }], 'refusal', { input_tokens: 21, output_tokens: 6 }));
  });

  it('edge #53: finish_reason "length" reports max_tokens; a repeated length chunk and a later error chunk are logged, not a second terminal event', async () => {
    const run = runStream([ours('length-then-error.sse')]);
    expect(run.events.filter((e) => e.type === 'error' || e.type === 'message_stop').map((e) => e.type)).toEqual(['message_stop']);
    expect(run.warnings).toEqual(['test/model: error after the model finished (length), ignored: Token limit reached']);
    expect(await accumulateWithSdk(run.sse)).toEqual(expectedMessage([{ type: 'text', text: 'Once upon a' }], 'max_tokens', { input_tokens: 11, output_tokens: 3 }));
  });

  it('edge #54: a bare data:{"error"}, a named event: error and a chunk with a top-level error each end the stream with event: error of a matching type, after closing the open block, without message_stop', () => {
    const shapes: Array<[string, string, string]> = [
      ['midstream-error-bare.sse', 'api_error', `test/model (openai): upstream error 500 (The server had an error while answering.)${RETRY_HINT}`],
      ['midstream-error-event.sse', 'api_error', `test/model (openai): upstream error 500 (tool call validation failed: bad args)${RETRY_HINT}`],
      ['midstream-error-chunk.sse', 'rate_limit_error', `test/model (openai): rate limited (Rate limit exceeded)${RETRY_HINT}`],
    ];
    for (const [file, type, message] of shapes) {
      const run = runStream([ours(file)]);
      expect(eventTypes(run.events), file).toEqual(['message_start', 'start:text', 'delta:text_delta', 'content_block_stop', 'error']);
      expect(run.events.at(-1), file).toEqual(errorEvent(type, message));
    }
  });

  it('edge #57: input_tokens = prompt − cached − cache writes; reads and writes reported apart; the provider\'s cost kept for the ledger only', () => {
    const { message, usage } = transformFromOpenAIWithUsage(JSON.parse(ours('response-usage-cache-write-cost.json')) as OpenAIResponse, target('openrouter', 'anthropic/claude-x'));
    expect(usage).toEqual({ input_tokens: 100, output_tokens: 92, cache_read_input_tokens: 600, cache_creation_input_tokens: 300, provider_cost_usd: 0.0042 });
    expect(message.usage).toEqual({ input_tokens: 100, output_tokens: 92, cache_read_input_tokens: 600, cache_creation_input_tokens: 300 });
    expect(runStream([jsonlAsSse(ours('reasoning-content-then-call.jsonl'))]).usage).toEqual({ input_tokens: 8, output_tokens: 30, cache_read_input_tokens: 32, cache_creation_input_tokens: 0 });
  });

  it('edge #58/#22: a non-streaming chat.completion becomes a whole Anthropic message with fresh toolu_ ids (for call_… and Mistral-style ids), stop_reason and usage', () => {
    const message = transformFromOpenAIWithUsage(JSON.parse(ours('response-tool-call.json')) as OpenAIResponse, OPENAI).message;
    expect(message).toEqual({
      id: expect.stringMatching(/^msg_oss_/) as unknown,
      type: 'message',
      role: 'assistant',
      model: 'openai/gpt-4o',
      content: [
        { type: 'tool_use', id: TOOLU, name: 'read_file', input: { path: 'README.md' } },
        { type: 'tool_use', id: TOOLU, name: 'list_dir', input: {} },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 60, output_tokens: 15, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    });
    const ids = message.content.map((block) => (block.type === 'tool_use' ? block.id : ''));
    expect(new Set(ids).size).toBe(2);
  });

  it('edge #59: upstream ids (chatcmpl-, gen-) become msg_ ids and the model is the oss id asked for, streamed or not', async () => {
    const response = transformFromOpenAIWithUsage(JSON.parse(ours('response-usage-cache-write-cost.json')) as OpenAIResponse, target('openrouter', 'anthropic/claude-x')).message;
    expect([response.id.startsWith('msg_oss_'), response.model]).toEqual([true, 'openrouter/anthropic/claude-x']);
    const run = runStream([ours('text-then-fragmented-call.sse')]);
    expect((await accumulateWithSdk(run.sse)).id).toBe('msg_test');
    expect((await accumulateWithSdk(run.sse)).model).toBe(TEST_TARGET.id);
  });
});
