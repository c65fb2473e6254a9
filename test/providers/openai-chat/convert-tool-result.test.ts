// convertToolResult: an Anthropic tool_result as the text of an OpenAI tool message plus the media that must follow it.
import { describe, expect, it } from 'vitest';
import { INTERRUPTED, NO_OUTPUT, convertToolResult } from '../../../src/providers/openai-chat/convert-tool-result.js';
import { traitsOf } from '../../../src/providers/openai-chat/target-traits.js';
import { openAITarget } from '../../support/openai-stream-harness.js';

const OPENAI = traitsOf(openAITarget('openai', 'gpt-4o'));
const DEEPSEEK = traitsOf(openAITarget('deepseek', 'deepseek-chat'));
const image = (data: string) => ({ type: 'image', source: { type: 'base64', media_type: 'image/png', data } });
const result = (content: unknown, isError?: boolean) => ({ type: 'tool_result', tool_use_id: 'toolu_1', content, ...(isError !== undefined ? { is_error: isError } : {}) });

describe('convertToolResult', () => {
  it('sends string content as the tool text, and empty or missing content as "(no output)"', () => {
    expect([convertToolResult(result('file a'), OPENAI), convertToolResult(result(''), OPENAI), convertToolResult(result([]), OPENAI), convertToolResult(result(undefined), OPENAI)]).toEqual([
      { text: 'file a', media: [] },
      { text: NO_OUTPUT, media: [] },
      { text: NO_OUTPUT, media: [] },
      { text: NO_OUTPUT, media: [] },
    ]);
  });

  it('joins text, tool references and search results one per line, dropping blocks with nothing to say', () => {
    const content = [{ type: 'text', text: 'first' }, { type: 'tool_reference', tool_name: 'CronList' }, { type: 'redacted_thinking' }, { type: 'search_result', title: 'T', content: [{ type: 'text', text: 'found' }] }];
    expect(convertToolResult(result(content), OPENAI)).toEqual({ text: 'first\ntool: CronList\nT\nfound', media: [] });
  });

  it('prefixes an error result with "Error: "', () => {
    expect([convertToolResult(result('Exit code 3', true), OPENAI), convertToolResult(result([], true), OPENAI), convertToolResult(result('fine', false), OPENAI)]).toEqual([
      { text: 'Error: Exit code 3', media: [] },
      { text: `Error: ${NO_OUTPUT}`, media: [] },
      { text: 'fine', media: [] },
    ]);
  });

  it('moves images out of the tool text into media for the next user message, and says so', () => {
    expect([convertToolResult(result([{ type: 'text', text: 'captured' }, image('AAA')]), OPENAI), convertToolResult(result([image('AAA'), image('BBB')]), OPENAI)]).toEqual([
      { text: 'captured\n(the attachment follows in the next message)', media: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAA' } }] },
      {
        text: '(the attachments follow in the next message)',
        media: [
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAA' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,BBB' } },
        ],
      },
    ]);
  });

  it("keeps an image's placeholder in the tool text for a target without vision", () => {
    expect(convertToolResult(result([{ type: 'text', text: 'captured' }, image('AAA')]), DEEPSEEK)).toEqual({ text: 'captured\n[image omitted: this model does not accept images]', media: [] });
  });

  it('words the stand-in for a call that got no result as an error', () => {
    expect(INTERRUPTED).toBe('Error: the tool call was interrupted before it returned a result.');
  });
});
