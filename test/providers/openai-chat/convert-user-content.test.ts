// convertUserBlock and friends: user-side Anthropic blocks as OpenAI content parts, per what the target accepts.
import { describe, expect, it } from 'vitest';
import { convertUserBlock, flattenUnknownBlock, isCacheControl } from '../../../src/providers/openai-chat/convert-user-content.js';
import { traitsOf } from '../../../src/providers/openai-chat/target-traits.js';
import { openAITarget } from '../../support/openai-stream-harness.js';

const OPENAI = traitsOf(openAITarget('openai', 'gpt-4o'));
const OPENROUTER = traitsOf(openAITarget('openrouter', 'anthropic/claude-sonnet-4.5'));
const OLLAMA = traitsOf(openAITarget('ollama', 'llama3.2'));
const NO_VISION = traitsOf(openAITarget('openai', 'gpt-3.5-turbo', { vision: false }));
const CACHED = { type: 'ephemeral' };

describe('convertUserBlock', () => {
  it('keeps cache_control on text only for a target that applies it, and sends empty text as nothing', () => {
    const block = { type: 'text', text: 'run echo hi', cache_control: CACHED };
    expect([convertUserBlock(block, OPENROUTER), convertUserBlock(block, OPENAI), convertUserBlock({ type: 'text', text: '' }, OPENAI)]).toEqual([
      [{ type: 'text', text: 'run echo hi', cache_control: CACHED }],
      [{ type: 'text', text: 'run echo hi' }],
      [],
    ]);
  });

  it('sends a base64 image as a data: URI (PNG when the type is missing) and a URL as is, or a placeholder where the target cannot take it', () => {
    const base64 = { type: 'image', source: { type: 'base64', data: 'iVBOR' } };
    const url = { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } };
    const file = { type: 'image', source: { type: 'file', file_id: 'file_1' } };
    expect([convertUserBlock(base64, OPENAI), convertUserBlock(url, OPENAI), convertUserBlock(url, OLLAMA), convertUserBlock(base64, NO_VISION), convertUserBlock(file, OPENAI)]).toEqual([
      [{ type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR' } }],
      [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }],
      [{ type: 'text', text: '[image at https://example.com/a.png omitted: this server takes inline images only]' }],
      [{ type: 'text', text: '[image omitted: this model does not accept images]' }],
      [{ type: 'text', text: '[image omitted: Anthropic file references cannot be read by this model]' }],
    ]);
  });

  it('sends a PDF as a file part named after its title where the target reads PDFs, else a placeholder', () => {
    const pdf = { type: 'document', title: 'Spec.PDF', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBER' } };
    expect([convertUserBlock(pdf, OPENROUTER), convertUserBlock(pdf, OLLAMA)]).toEqual([
      [{ type: 'file', file: { filename: 'Spec.PDF', file_data: 'data:application/pdf;base64,JVBER' } }],
      [{ type: 'text', text: '[PDF "Spec.PDF" omitted: this model does not read PDF files]' }],
    ]);
  });

  it('sends text and content documents as text (under the title when there is one), and a document URL as a reference', () => {
    const blocks = [
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'plain words' } },
      { type: 'document', title: 'notes', source: { type: 'content', content: 'inline words' } },
      { type: 'document', source: { type: 'content', content: [{ type: 'text', text: 'part one' }, { type: 'image', source: { type: 'base64', media_type: 'image/gif', data: 'R0lG' } }] } },
      { type: 'document', source: { type: 'content', content: 42 } },
      { type: 'document', title: 'paper', source: { type: 'url', url: 'https://example.com/p.pdf' } },
    ];
    expect(blocks.map((block) => convertUserBlock(block, OPENAI))).toEqual([
      [{ type: 'text', text: 'plain words' }],
      [{ type: 'text', text: 'notes\n\ninline words' }],
      [
        { type: 'text', text: 'part one' },
        { type: 'image_url', image_url: { url: 'data:image/gif;base64,R0lG' } },
      ],
      [],
      [{ type: 'text', text: '[document "paper" at https://example.com/p.pdf]' }],
    ]);
  });

  it('renders blocks with no OpenAI equivalent readably, or drops them', () => {
    expect([
      convertUserBlock({ type: 'tool_reference', tool_name: 'CronList' }, OPENAI),
      convertUserBlock({ type: 'search_result', title: 'T', content: [{ type: 'text', text: 'found' }] }, OPENAI),
      convertUserBlock({ type: 'container_upload' }, OPENAI),
    ]).toEqual([[{ type: 'text', text: 'tool: CronList' }], [{ type: 'text', text: 'T\nfound' }], []]);
  });
});

describe('flattenUnknownBlock', () => {
  it('gives a tool reference, a search result (title and texts) or text as text, and nothing for anything else', () => {
    expect([
      flattenUnknownBlock({ type: 'tool_reference', tool_name: 'Skill' }),
      flattenUnknownBlock({ type: 'tool_reference' }),
      flattenUnknownBlock({ type: 'search_result', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] }),
      flattenUnknownBlock({ type: 'text', text: 'x' }),
      flattenUnknownBlock({ type: 'text', text: '' }),
      flattenUnknownBlock({ type: 'redacted_thinking' }),
    ]).toEqual([['tool: Skill'], [], ['a\nb'], ['x'], [], []]);
  });
});

describe('isCacheControl', () => {
  it('accepts only an object of type ephemeral', () => {
    expect([CACHED, { type: 'ephemeral', ttl: '1h' }, { type: 'persistent' }, 'ephemeral', null, undefined].map(isCacheControl)).toEqual([true, true, false, false, false, false]);
  });
});
