// User-side Anthropic blocks → OpenAI content parts (wire-reference.md §7.2; edge cases 35, 39–42).
// Images become `image_url` parts (a data: URI for base64), PDFs `file` parts where the target reads them,
// text documents text; what a target cannot take becomes a short text placeholder, never a raw block.
import type { AnthropicBlockLike } from './anthropic-input.js';
import type { CacheControl, OpenAIUserPart } from './openai-chat-api.js';
import type { TargetTraits } from './target-traits.js';

interface Source {
  type?: string;
  media_type?: string;
  data?: string;
  url?: string;
  file_id?: string;
  content?: unknown;
}

export function convertUserBlock(block: AnthropicBlockLike, traits: TargetTraits): OpenAIUserPart[] {
  switch (block.type) {
    case 'text':
      return block.text ? [textPart(block.text, traits.keepsCacheControl ? block.cache_control : undefined)] : [];
    case 'image':
      return [imagePart(asSource(block.source), traits)];
    case 'document':
      return documentParts(block, traits);
    default:
      return flattenUnknownBlock(block).map((text) => textPart(text));
  }
}

/** Text of a block that has no OpenAI equivalent (edge case 42): a readable rendering, or nothing. */
export function flattenUnknownBlock(block: AnthropicBlockLike): string[] {
  switch (block.type) {
    case 'tool_reference':
      return block.tool_name ? [`tool: ${block.tool_name}`] : [];
    case 'search_result': {
      const texts = Array.isArray(block.content) ? (block.content as AnthropicBlockLike[]).map((b) => b.text ?? '') : [];
      return [[block.title, ...texts].filter(Boolean).join('\n')];
    }
    case 'text':
      return block.text ? [block.text] : [];
    default:
      return [];
  }
}

function textPart(text: string, cacheControl?: unknown): OpenAIUserPart {
  return isCacheControl(cacheControl) ? { type: 'text', text, cache_control: cacheControl } : { type: 'text', text };
}

function imagePart(source: Source, traits: TargetTraits): OpenAIUserPart {
  if (!traits.acceptsImages) return { type: 'text', text: '[image omitted: this model does not accept images]' };
  if (source.type === 'base64' && source.data) {
    return { type: 'image_url', image_url: { url: `data:${source.media_type ?? 'image/png'};base64,${source.data}` } };
  }
  if (source.type === 'url' && source.url) {
    return traits.acceptsImageUrls
      ? { type: 'image_url', image_url: { url: source.url } }
      : { type: 'text', text: `[image at ${source.url} omitted: this server takes inline images only]` };
  }
  return { type: 'text', text: '[image omitted: Anthropic file references cannot be read by this model]' };
}

function documentParts(block: AnthropicBlockLike, traits: TargetTraits): OpenAIUserPart[] {
  const source = asSource(block.source);
  const title = block.title ?? 'document';
  if (source.type === 'text' && typeof source.data === 'string') return [textPart(withTitle(block.title, source.data))];
  if (source.type === 'content') {
    if (typeof source.content === 'string') return [textPart(withTitle(block.title, source.content))];
    if (Array.isArray(source.content)) return (source.content as AnthropicBlockLike[]).flatMap((b) => convertUserBlock(b, traits));
    return [];
  }
  if (source.type === 'base64' && source.media_type === 'application/pdf' && source.data) {
    if (traits.acceptsPdf) {
      const filename = title.toLowerCase().endsWith('.pdf') ? title : `${title}.pdf`;
      return [{ type: 'file', file: { filename, file_data: `data:application/pdf;base64,${source.data}` } }];
    }
    return [textPart(`[PDF "${title}" omitted: this model does not read PDF files]`)];
  }
  if (source.type === 'url' && source.url) return [textPart(`[document "${title}" at ${source.url}]`)];
  return [textPart(`[document "${title}" omitted: Anthropic file references cannot be read by this model]`)];
}

function withTitle(title: string | null | undefined, text: string): string {
  return title ? `${title}\n\n${text}` : text;
}

function asSource(source: unknown): Source {
  return source && typeof source === 'object' ? (source as Source) : {};
}

export function isCacheControl(value: unknown): value is CacheControl {
  return !!value && typeof value === 'object' && (value as { type?: unknown }).type === 'ephemeral';
}
