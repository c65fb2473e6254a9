// Edge cases 32–38 (reference/edge-cases.md), OpenAI Chat requests: Claude Code's system prompt and history
// become OpenAI messages: system blocks, system messages mid-conversation, tool results paired with their calls,
// empty assistant turns. Claude Code captures from test/fixtures/claude-code and recorded requests from
// ../shared/fixtures/wire; own-fixtures-openai.test.ts covers 33 and 34 without ../shared.
import { describe, expect, it } from 'vitest';
import type { AnthropicRequestLike } from '../../src/providers/openai-chat/anthropic-input.js';
import { INTERRUPTED } from '../../src/providers/openai-chat/convert-tool-result.js';
import { transformToOpenAI } from '../../src/providers/openai-chat/transform-request.js';
import { itRecorded } from '../support/shared-fixtures.js';
import { OLLAMA, OPENAI, assistantOf, claudeCodeFixture, launcherRequest, wireFixture } from '../support/openai-stream-harness.js';

type Message = AnthropicRequestLike['messages'][number];

describe('OpenAI Chat: system prompt and history (edge cases 32–38)', () => {
  const launcher = launcherRequest();

  it('edge #32: system blocks are joined with blank lines, the billing-header block is dropped, cache_control is stripped', () => {
    const body = transformToOpenAI(launcher, OPENAI);
    const blocks = launcher.system as Array<{ text: string }>;
    expect(blocks[0]?.text.startsWith('x-anthropic-billing-header:')).toBe(true);
    expect(body.messages[0]).toEqual({ role: 'system', content: blocks.slice(1).map((b) => b.text).join('\n\n') });
    expect(body.messages[0]?.content).toMatch(/^You are a Claude agent, built on Anthropic's Claude Agent SDK\.\n\n\nYou are an agent/);
    expect(JSON.stringify(body)).not.toContain('x-anthropic-billing-header');
    expect(JSON.stringify(body)).not.toContain('cache_control');
  });

  itRecorded('edge #33: a role:"system" message inside messages stays at its position for hosted APIs (chosen), and is folded into the leading system message for Ollama and local servers', () => {
    const hostedMessages = transformToOpenAI(launcher, OPENAI).messages;
    expect(hostedMessages.map((m) => m.role).slice(0, 3)).toEqual(['system', 'user', 'system']);
    expect(hostedMessages[2]?.content).toBe(launcher.messages[1]?.content);
    const local = transformToOpenAI(launcher, OLLAMA).messages;
    expect(local).toEqual([{ role: 'system', content: `${String(hostedMessages[0]?.content)}\n\n${String(launcher.messages[1]?.content)}` }, hostedMessages[1]]);
    expect(String(local[0]?.content).includes('# Environment')).toBe(true);
    const recorded = JSON.parse(wireFixture('anthropic-request-system-role-inside-messages.json')) as AnthropicRequestLike;
    expect(transformToOpenAI(recorded, OPENAI).messages).toEqual([
      { role: 'system', content: 'You are a code reviewer.' },
      { role: 'user', content: 'Review `def add(a, b): return a + b`.' },
      { role: 'assistant', content: 'Looks fine.' },
      { role: 'user', content: 'Review it again.' },
      { role: 'system', content: 'From now on, every suggestion must include explicit type annotations.' },
    ]);
  });

  itRecorded('edge #34: results in completion order become tool messages in call order; a missing result is synthesised; a stray result is dropped', () => {
    const recorded = JSON.parse(wireFixture('anthropic-request-parallel-tool-results.json')) as AnthropicRequestLike;
    const results = recorded.messages[2]?.content as Array<{ tool_use_id?: string }>;
    const shuffled = [results[3], results[1], { type: 'tool_result', tool_use_id: 'toolu_not_in_the_turn', content: 'stray' }, results[0]];
    const request = { ...recorded, messages: [recorded.messages[0]!, recorded.messages[1]!, { role: 'user', content: shuffled } as Message] };
    const messages = transformToOpenAI(request, OPENAI).messages;
    const calls = assistantOf(messages).tool_calls?.map((c) => c.id) ?? [];
    const contents = ["alice is bob's wife", "bob is alice's husband", INTERRUPTED, "daisy is bob's daughter and charlie's younger sister"];
    expect(messages.filter((m) => m.role === 'tool')).toEqual(calls.map((id, i) => ({ role: 'tool', tool_call_id: id, content: contents[i] })));
    expect(JSON.stringify(messages)).not.toContain('stray');
  });

  it('edge #35: tool_result as string, as blocks (tool_reference → "tool: <name>"), empty → "(no output)", is_error → "Error: " prefix, images → a following user message', () => {
    const errors = claudeCodeFixture<{ bash_exit_3: Message }>('tool-result-errors.json');
    const search = claudeCodeFixture<{ request_2_messages_from_index_2: AnthropicRequestLike['messages'] }>('toolsearch-tool-reference.json');
    const errorId = (errors.bash_exit_3.content as Array<{ tool_use_id: string }>)[0]!.tool_use_id;
    const request: AnthropicRequestLike = {
      messages: [
        { role: 'user', content: 'go' },
        ...search.request_2_messages_from_index_2,
        {
          role: 'assistant',
          content: [
            { type: 'tool_use', id: errorId, name: 'Bash', input: { command: 'exit 3' } },
            { type: 'tool_use', id: 'toolu_empty', name: 'Bash', input: {} },
            { type: 'tool_use', id: 'toolu_shot', name: 'Screenshot', input: {} },
          ],
        },
        {
          role: 'user',
          content: [
            ...(errors.bash_exit_3.content as Message['content'] as never[]),
            { type: 'tool_result', tool_use_id: 'toolu_empty', content: [] },
            { type: 'tool_result', tool_use_id: 'toolu_shot', content: [{ type: 'text', text: 'captured' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } }] },
          ],
        },
      ],
    };
    const messages = transformToOpenAI(request, OPENAI).messages;
    expect(messages.filter((m) => m.role === 'tool').map((m) => m.content)).toEqual(['tool: CronList', 'Error: Exit code 3\noops', '(no output)', 'captured\n(the attachment follows in the next message)']);
    expect(messages[3]).toEqual({ role: 'user', content: 'Tool loaded.' });
    expect(messages.at(-1)).toEqual({ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR' } }] });
  });

  it('edge #37: a user turn after a tool_result turn stays a separate user message; tool messages stay right after their assistant message', () => {
    const request: AnthropicRequestLike = {
      messages: [
        { role: 'user', content: 'go' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_a', name: 'Bash', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_a', content: 'ok' }] },
        { role: 'user', content: 'and then?' },
      ],
    };
    expect(transformToOpenAI(request, OPENAI).messages).toEqual([
      { role: 'user', content: 'go' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_a', type: 'function', function: { name: 'Bash', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'toolu_a', content: 'ok' },
      { role: 'user', content: 'and then?' },
    ]);
  });

  it('edge #38: an assistant turn left empty after dropping thinking/server-tool blocks is dropped; a tool-only turn has content null', () => {
    const request: AnthropicRequestLike = {
      messages: [
        { role: 'user', content: 'a' },
        { role: 'assistant', content: [{ type: 'thinking', thinking: 'hmm', signature: 'x' }, { type: 'redacted_thinking' }, { type: 'server_tool_use', id: 'srv', name: 'web_search', input: {} }] },
        { role: 'user', content: 'b' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_b', name: 'Read', input: { file_path: '/a' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_b', content: 'x' }] },
      ],
    };
    expect(transformToOpenAI(request, OPENAI).messages).toEqual([
      { role: 'user', content: 'a' },
      { role: 'user', content: 'b' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_b', type: 'function', function: { name: 'Read', arguments: '{"file_path":"/a"}' } }] },
      { role: 'tool', tool_call_id: 'toolu_b', content: 'x' },
    ]);
  });
});
