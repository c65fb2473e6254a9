// Edge cases 22 (replayed ids), 43 and 45–49 (reference/edge-cases.md), OpenAI Chat requests: the fields beside
// the messages: tool-call ids a Mistral-backed model accepts, the tools offered and their names, tool_choice,
// the output limit, sampling parameters and stop sequences, per target.
import { describe, expect, it } from 'vitest';
import type { AnthropicRequestLike } from '../../src/providers/openai-chat/anthropic-input.js';
import { toolNameMapForRequest } from '../../src/providers/openai-chat/tool-name-map.js';
import { transformToOpenAI } from '../../src/providers/openai-chat/transform-request.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { TOOLU } from '../support/openai-chat-expected.js';
import { OLLAMA, OPENAI, assistantOf, claudeCodeFixture, launcherRequest, openAITarget, openRouter, runStream } from '../support/openai-stream-harness.js';

describe('OpenAI Chat: request fields per target (edge cases 22, 43, 45–49)', () => {
  const launcher = launcherRequest();

  it('edge #22: replayed to a Mistral-backed OpenRouter model, ids become 9 alphanumerics, the same for the call and its result', () => {
    const request: AnthropicRequestLike = {
      messages: [
        { role: 'user', content: 'divide' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_oss_AbCdEfGhIjKlMnOpQrStUvWx', name: 'divide', input: { numerator: 1 } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_oss_AbCdEfGhIjKlMnOpQrStUvWx', content: '0.5' }] },
      ],
    };
    const body = transformToOpenAI(request, openRouter('mistralai/mistral-small'));
    expect(body.messages).toEqual([
      { role: 'user', content: 'divide' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'HwByoilFk', type: 'function', function: { name: 'divide', arguments: '{"numerator":1}' } }] },
      { role: 'tool', tool_call_id: 'HwByoilFk', content: '0.5' },
    ]);
    expect(assistantOf(body.messages).tool_calls?.[0]?.id).toMatch(/^[a-zA-Z0-9]{9}$/);
    expect(transformToOpenAI(request, openRouter('mistralai/mistral-small')).messages).toEqual(body.messages);
    expect(assistantOf(transformToOpenAI(request, OPENAI).messages).tool_calls?.[0]?.id).toBe('toolu_oss_AbCdEfGhIjKlMnOpQrStUvWx');
  });

  it('edge #43: server tools and DeferredToolPlaceholder are dropped; loaded deferred tools and $schema schemas are kept', () => {
    const tools = [
      { type: 'web_search_20250305', name: 'web_search' },
      { name: 'DeferredToolPlaceholder', defer_loading: true, description: 'x', input_schema: { type: 'object' } },
      { name: 'CronList', defer_loading: true, description: 'List crons', input_schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: {} } },
    ];
    const body = transformToOpenAI({ messages: [{ role: 'user', content: 'x' }], tools }, OPENAI);
    expect(body.tools).toEqual([{ type: 'function', function: { name: 'CronList', description: 'List crons', parameters: { type: 'object', properties: {} } } }]);
    const search = claudeCodeFixture<{ request_2_tools: AnthropicRequestLike['tools'] }>('toolsearch-tool-reference.json');
    const names = transformToOpenAI({ messages: [], tools: search.request_2_tools }, OPENAI).tools?.map((t) => t.function.name);
    expect(names).toEqual(['Agent', 'Bash', 'CronList', 'Edit', 'ListAgents', 'Read', 'ReportFindings', 'ScheduleWakeup', 'Skill', 'ToolSearch', 'Workflow', 'Write']);
  });

  it('edge #45: an MCP tool name over 64 characters is shortened deterministically and mapped back in the stream', async () => {
    const longName = `mcp__${'very_long_server_name_'.repeat(3)}__create_issue_with_labels`;
    const request: AnthropicRequestLike = { messages: [{ role: 'user', content: 'x' }], tools: [{ name: longName, input_schema: { type: 'object' } }] };
    const sent = transformToOpenAI(request, OPENAI).tools?.[0]?.function.name ?? '';
    expect(sent).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(sent).toBe('mcp__very_long_server_name_very_long_server_name_very_l_f14169b6');
    expect(transformToOpenAI(request, OPENAI).tools?.[0]?.function.name).toBe(sent);
    const body = [
      `data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"${sent}","arguments":"{}"}}]}}]}\n\n`,
      'data: {"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}\n\n',
      'data: [DONE]\n\n',
    ].join('');
    const message = await accumulateWithSdk(runStream([body], { toolNames: toolNameMapForRequest(request) }).sse);
    expect(message.content).toEqual([{ type: 'tool_use', id: TOOLU, name: longName, input: {} }]);
  });

  it('edge #46: tool_choice any → required, tool → named, none → none, disable_parallel_tool_use → parallel_tool_calls:false; omitted for Ollama and without tools', () => {
    const base: AnthropicRequestLike = { messages: [{ role: 'user', content: 'x' }], tools: [{ name: 'Read', input_schema: { type: 'object' } }] };
    const read = [{ type: 'function', function: { name: 'Read', parameters: { type: 'object' } } }];
    const fields = (request: AnthropicRequestLike, target = OPENAI) => {
      const { tools, tool_choice, parallel_tool_calls } = transformToOpenAI(request, target);
      return { tools, tool_choice, parallel_tool_calls };
    };
    expect(fields({ ...base, tool_choice: { type: 'any', disable_parallel_tool_use: true } })).toEqual({ tools: read, tool_choice: 'required', parallel_tool_calls: false });
    expect(fields({ ...base, tool_choice: { type: 'tool', name: 'Read' } })).toEqual({ tools: read, tool_choice: { type: 'function', function: { name: 'Read' } }, parallel_tool_calls: undefined });
    expect(fields({ ...base, tool_choice: { type: 'none' } })).toEqual({ tools: read, tool_choice: 'none', parallel_tool_calls: undefined });
    expect(fields({ ...base, tool_choice: { type: 'any' } }, OLLAMA)).toEqual({ tools: read, tool_choice: undefined, parallel_tool_calls: undefined });
    expect(fields({ ...base, tool_choice: { type: 'none' } }, OLLAMA)).toEqual({ tools: undefined, tool_choice: undefined, parallel_tool_calls: undefined });
    expect(fields({ messages: base.messages, tool_choice: { type: 'auto' } })).toEqual({ tools: undefined, tool_choice: undefined, parallel_tool_calls: undefined });
  });

  it('edge #47: max_tokens is clamped to the output limit; reasoning models get max_completion_tokens; Ollama gets max_tokens', () => {
    expect(transformToOpenAI(launcher, { ...OPENAI, maxOutputTokens: 16384 }).max_tokens).toBe(16384);
    const reasoning = transformToOpenAI(launcher, openAITarget('openai', 'gpt-5.1', { reasoningModel: true }, { maxOutputTokens: 128000 }));
    expect([reasoning.max_completion_tokens, reasoning.max_tokens]).toEqual([32000, undefined]);
    expect(transformToOpenAI(launcher, OLLAMA).max_tokens).toBe(32000);
  });

  it('edge #48: reasoning models lose temperature/top_p and get a developer message; top_k goes to OpenRouter only', () => {
    const request = { ...launcher, temperature: 1, top_p: 0.9, top_k: 40 };
    const o3 = transformToOpenAI(request, openAITarget('openai', 'o3', { reasoningModel: true }));
    expect([o3.temperature, o3.top_p, o3.top_k, o3.messages[0]?.role]).toEqual([undefined, undefined, undefined, 'developer']);
    const gpt = transformToOpenAI(request, OPENAI);
    expect([gpt.temperature, gpt.top_p, gpt.top_k]).toEqual([1, 0.9, undefined]);
    expect(transformToOpenAI(request, openRouter('meta-llama/llama-3.3-70b-instruct')).top_k).toBe(40);
  });

  it('edge #49: stop_sequences are cut to 4 (none for OpenAI reasoning models); OpenAI cannot say which matched, so the stop reason is end_turn (chosen)', async () => {
    const request: AnthropicRequestLike = { messages: [{ role: 'user', content: 'x' }], stop_sequences: ['a', 'b', 'c', 'd', 'e'] };
    expect(transformToOpenAI(request, OPENAI).stop).toEqual(['a', 'b', 'c', 'd']);
    expect(transformToOpenAI(request, openAITarget('openai', 'o3', { reasoningModel: true })).stop).toBeUndefined();
    const body = ['data: {"choices":[{"index":0,"delta":{"content":"ok"}}]}\n\n', 'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n', 'data: [DONE]\n\n'].join('');
    expect((await accumulateWithSdk(runStream([body]).sse)).stop_reason).toBe('end_turn');
    const vllm = body.replace('"finish_reason":"stop"', '"finish_reason":"stop","stop_reason":"d"');
    const message = await accumulateWithSdk(runStream([vllm]).sse);
    expect([message.stop_reason, message.stop_sequence]).toEqual(['stop_sequence', 'd']);
  });
});
