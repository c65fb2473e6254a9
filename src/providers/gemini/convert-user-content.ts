// User content blocks → Gemini parts (wire-reference.md §7.2; edge cases 35, 39, 40, 42). Images become inlineData
// (base64) or fileData (URL: no fetching here, translators do no I/O); PDFs likewise; text documents become text;
// Anthropic-only blocks are flattened to text or dropped; nothing is ever forwarded raw.
import type { AnthropicContentBlockParam, AnthropicToolResultBlockParam } from '../common/anthropic-types.js';
import type { GeminiPart } from './gemini-api.js';

/** Any content block, including types newer than the SDK's union (e.g. tool_reference inside tool results). */
type Block = AnthropicContentBlockParam | { type: string };

export interface ToolResultContent {
  /** The text Gemini gets in `response.output` / `response.error`. */
  text: string;
  /** Images and PDFs, sent as sibling parts in the same user turn. */
  attachments: GeminiPart[];
}

/** A non-tool_result user block as Gemini parts (none for blocks that carry nothing for Gemini). */
export function userBlockParts(block: Block): GeminiPart[] {
  const value = block as unknown as Record<string, unknown>;
  switch (block.type) {
    case 'text':
      return typeof value.text === 'string' && value.text ? [{ text: value.text }] : [];
    case 'image':
      return [sourcePart(value.source, 'image')];
    case 'document':
      return documentParts(value);
    case 'search_result':
      return [{ text: searchResultText(value) }];
    case 'tool_reference':
      return [{ text: `Tool loaded: ${String(value.tool_name)}` }];
    default:
      return [];
  }
}

export function toolResultContent(content: AnthropicToolResultBlockParam['content']): ToolResultContent {
  if (content === undefined) return { text: '', attachments: [] };
  if (typeof content === 'string') return { text: content, attachments: [] };
  const texts: string[] = [];
  const attachments: GeminiPart[] = [];
  for (const block of content) {
    for (const part of userBlockParts(block)) {
      if (part.text !== undefined) texts.push(part.text);
      else attachments.push(part);
    }
  }
  return { text: texts.join('\n'), attachments };
}

function documentParts(block: Record<string, unknown>): GeminiPart[] {
  const source = asRecord(block.source);
  const title = typeof block.title === 'string' && block.title ? `${block.title}\n` : '';
  if (source.type === 'text' && typeof source.data === 'string') return [{ text: `${title}${source.data}` }];
  if (source.type === 'content') {
    if (typeof source.content === 'string') return [{ text: `${title}${source.content}` }];
    if (Array.isArray(source.content)) return (source.content as Block[]).flatMap((inner) => userBlockParts(inner));
    return [];
  }
  return [sourcePart(source, 'document')];
}

function sourcePart(rawSource: unknown, kind: 'image' | 'document'): GeminiPart {
  const source = asRecord(rawSource);
  if (source.type === 'base64' && typeof source.data === 'string') {
    return { inlineData: { mimeType: typeof source.media_type === 'string' ? source.media_type : defaultMime(kind), data: source.data } };
  }
  if (source.type === 'url' && typeof source.url === 'string') {
    return { fileData: { mimeType: mimeFromUrl(source.url) ?? defaultMime(kind), fileUri: source.url } };
  }
  const id = typeof source.file_id === 'string' ? ` ${source.file_id}` : '';
  return { text: `[${kind}${id} omitted: Anthropic Files API content cannot be sent to Gemini]` };
}

function searchResultText(block: Record<string, unknown>): string {
  const content = Array.isArray(block.content) ? (block.content as Record<string, unknown>[]) : [];
  const body = content.map((inner) => (typeof inner.text === 'string' ? inner.text : '')).join('\n');
  return [block.title, block.source, body].filter((line) => typeof line === 'string' && line).join('\n');
}

function defaultMime(kind: 'image' | 'document'): string {
  return kind === 'image' ? 'image/png' : 'application/pdf';
}

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', pdf: 'application/pdf',
};

function mimeFromUrl(url: string): string | undefined {
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : MIME_BY_EXTENSION[extension];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
