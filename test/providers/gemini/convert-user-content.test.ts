import { describe, expect, it } from 'vitest';
import type { AnthropicContentBlockParam } from '../../../src/providers/common/anthropic-types.js';
import { toolResultContent, userBlockParts } from '../../../src/providers/gemini/convert-user-content.js';

const PNG = { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' };
const parts = (block: Record<string, unknown>) => userBlockParts(block as unknown as AnthropicContentBlockParam);

describe('userBlockParts', () => {
  it('sends text as a text part and drops an empty text block', () => {
    expect([parts({ type: 'text', text: 'hi' }), parts({ type: 'text', text: '' })]).toEqual([[{ text: 'hi' }], []]);
  });

  it('sends base64 images as inlineData, with image/png when no media type is given', () => {
    expect([parts({ type: 'image', source: { ...PNG, media_type: 'image/webp' } }), parts({ type: 'image', source: { type: 'base64', data: 'AAAA' } })]).toEqual([
      [{ inlineData: { mimeType: 'image/webp', data: 'iVBORw0KGgo=' } }],
      [{ inlineData: { mimeType: 'image/png', data: 'AAAA' } }],
    ]);
  });

  it('sends URL images and PDFs as fileData without fetching, the MIME type read from the extension (query ignored) or defaulted', () => {
    const urls = ['https://x.test/cat.JPG?size=2', 'https://x.test/a.gif#top', 'https://x.test/photo'];
    expect(urls.map((url) => parts({ type: 'image', source: { type: 'url', url } }))).toEqual([
      [{ fileData: { mimeType: 'image/jpeg', fileUri: 'https://x.test/cat.JPG?size=2' } }],
      [{ fileData: { mimeType: 'image/gif', fileUri: 'https://x.test/a.gif#top' } }],
      [{ fileData: { mimeType: 'image/png', fileUri: 'https://x.test/photo' } }],
    ]);
    expect(parts({ type: 'document', source: { type: 'url', url: 'https://x.test/spec' } })).toEqual([{ fileData: { mimeType: 'application/pdf', fileUri: 'https://x.test/spec' } }]);
  });

  it('sends a base64 PDF document as inlineData', () => {
    expect(parts({ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' } })).toEqual([
      { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0=' } },
    ]);
  });

  it('replaces Files API content, which Gemini cannot fetch, with a line saying it was left out', () => {
    expect([parts({ type: 'image', source: { type: 'file', file_id: 'file_011' } }), parts({ type: 'document', source: { type: 'file' } })]).toEqual([
      [{ text: '[image file_011 omitted: Anthropic Files API content cannot be sent to Gemini]' }],
      [{ text: '[document omitted: Anthropic Files API content cannot be sent to Gemini]' }],
    ]);
  });

  it('turns text documents into text under their title, and content documents into their inner blocks', () => {
    expect([
      parts({ type: 'document', title: 'notes.md', source: { type: 'text', media_type: 'text/plain', data: '# Notes' } }),
      parts({ type: 'document', source: { type: 'content', content: 'plain body' } }),
      parts({ type: 'document', title: 'Mixed', source: { type: 'content', content: [{ type: 'text', text: 'one' }, { type: 'image', source: PNG }] } }),
      parts({ type: 'document', source: { type: 'content' } }),
    ]).toEqual([
      [{ text: 'notes.md\n# Notes' }],
      [{ text: 'plain body' }],
      [{ text: 'one' }, { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } }],
      [],
    ]);
  });

  it('flattens a search_result to its title, source and texts, and a tool_reference to a line naming the tool', () => {
    const searchResult = { type: 'search_result', title: 'Docs', source: 'https://x.test/docs', content: [{ type: 'text', text: 'first' }, { type: 'text', text: 'second' }] };
    expect([parts(searchResult), parts({ type: 'tool_reference', tool_name: 'CronList' })]).toEqual([
      [{ text: 'Docs\nhttps://x.test/docs\nfirst\nsecond' }],
      [{ text: 'Tool loaded: CronList' }],
    ]);
  });

  it('drops blocks that carry nothing for Gemini (thinking, tool_use, unknown types) instead of forwarding them raw', () => {
    const dropped = [{ type: 'thinking', thinking: 'x', signature: 's' }, { type: 'tool_use', id: 't', name: 'n', input: {} }, { type: 'container_upload', file_id: 'f' }];
    expect(dropped.map(parts)).toEqual([[], [], []]);
  });
});

describe('toolResultContent', () => {
  it('gives the text of a string result and an empty text for a result without content', () => {
    expect([toolResultContent('done'), toolResultContent(undefined)]).toEqual([
      { text: 'done', attachments: [] },
      { text: '', attachments: [] },
    ]);
  });

  it('joins the texts of block content with newlines and sends images and PDFs as attachments', () => {
    expect(
      toolResultContent([
        { type: 'text', text: 'screenshot:' },
        { type: 'image', source: PNG as never },
        { type: 'text', text: 'see above' },
        { type: 'document', source: { type: 'url', url: 'https://x.test/r.pdf' } } as never,
      ]),
    ).toEqual({
      text: 'screenshot:\nsee above',
      attachments: [
        { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
        { fileData: { mimeType: 'application/pdf', fileUri: 'https://x.test/r.pdf' } },
      ],
    });
  });

  it('reads a tool_reference inside a result (ToolSearch) as text', () => {
    expect(toolResultContent([{ type: 'tool_reference', tool_name: 'WebFetch' } as never])).toEqual({ text: 'Tool loaded: WebFetch', attachments: [] });
  });
});
