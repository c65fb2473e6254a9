// Edge cases 39–42 (reference/edge-cases.md), OpenAI Chat requests: images, documents, cache_control and block
// types OpenAI has no equivalent for, translated per target (what it accepts, what becomes a short placeholder).
import { describe, expect, it } from 'vitest';
import type { AnthropicRequestLike } from '../../src/providers/openai-chat/anthropic-input.js';
import { transformToOpenAI } from '../../src/providers/openai-chat/transform-request.js';
import { DEEPSEEK, OLLAMA, OPENAI, launcherRequest, openAITarget, openRouter } from '../support/openai-stream-harness.js';

describe('OpenAI Chat: user content per target (edge cases 39–42)', () => {
  it('edge #39: images: base64 → data: URI, URL kept for OpenAI, a placeholder for Ollama URLs and for DeepSeek (no vision)', () => {
    const request: AnthropicRequestLike = {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } },
          ],
        },
      ],
    };
    expect(transformToOpenAI(request, OPENAI).messages[0]?.content).toEqual([
      { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/' } },
      { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
    ]);
    expect(transformToOpenAI(request, OLLAMA).messages[0]?.content).toEqual([
      { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/' } },
      { type: 'text', text: '[image at https://example.com/a.png omitted: this server takes inline images only]' },
    ]);
    expect(transformToOpenAI(request, openAITarget('deepseek', 'deepseek-chat')).messages[0]?.content).toBe(
      '[image omitted: this model does not accept images]\n\n[image omitted: this model does not accept images]',
    );
  });

  it('edge #40: documents: PDF → file part for OpenAI/OpenRouter, a placeholder elsewhere; text sources → text; file ids → placeholder', () => {
    const request: AnthropicRequestLike = {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'document', title: 'spec', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBER' } },
            { type: 'document', title: 'notes', source: { type: 'text', media_type: 'text/plain', data: 'plain words' } },
            { type: 'document', source: { type: 'file', file_id: 'file_1' } },
          ],
        },
      ],
    };
    expect(transformToOpenAI(request, OPENAI).messages[0]?.content).toEqual([
      { type: 'file', file: { filename: 'spec.pdf', file_data: 'data:application/pdf;base64,JVBER' } },
      { type: 'text', text: 'notes\n\nplain words' },
      { type: 'text', text: '[document "document" omitted: Anthropic file references cannot be read by this model]' },
    ]);
    expect(transformToOpenAI(request, OLLAMA).messages).toEqual([
      { role: 'user', content: '[PDF "spec" omitted: this model does not read PDF files]\n\nnotes\n\nplain words\n\n[document "document" omitted: Anthropic file references cannot be read by this model]' },
    ]);
  });

  it('edge #41: cache_control is stripped for OpenAI/DeepSeek/Ollama and passed through on content parts for OpenRouter', () => {
    const launcher = launcherRequest();
    expect(JSON.stringify(transformToOpenAI(launcher, DEEPSEEK))).not.toContain('cache_control');
    const routed = transformToOpenAI(launcher, openRouter('anthropic/claude-sonnet-4.5'));
    expect(routed.messages[0]?.content).toEqual([
      { type: 'text', text: "You are a Claude agent, built on Anthropic's Claude Agent SDK.", cache_control: { type: 'ephemeral' } },
      { type: 'text', text: (launcher.system as Array<{ text: string }>)[2]?.text, cache_control: { type: 'ephemeral' } },
    ]);
    const reminder = (launcher.messages[0]?.content as Array<{ text: string }>)[0]?.text;
    expect(reminder?.startsWith('<system-reminder>')).toBe(true);
    expect(routed.messages[1]?.content).toEqual([{ type: 'text', text: reminder }, { type: 'text', text: 'run echo hi', cache_control: { type: 'ephemeral' } }]);
  });

  it('edge #42: tool_reference → "tool: <name>"; server tool blocks, redacted thinking and unknown future types are dropped, never forwarded raw', () => {
    const body = transformToOpenAI(
      {
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'q' }, { type: 'container_upload' }, { type: 'some_future_block', text: 'x' } as never] },
          { role: 'assistant', content: [{ type: 'text', text: 'a' }, { type: 'web_search_tool_result', tool_use_id: 'srv', content: [] }] },
          { role: 'user', content: [{ type: 'search_result', title: 'T', content: [{ type: 'text', text: 'found' }] }, { type: 'tool_reference', tool_name: 'CronList' }] },
        ],
      },
      OPENAI,
    );
    expect(body.messages).toEqual([
      { role: 'user', content: 'q' },
      { role: 'assistant', content: 'a' },
      { role: 'user', content: 'T\nfound\n\ntool: CronList' },
    ]);
  });
});
