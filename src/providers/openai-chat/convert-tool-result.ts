// An Anthropic `tool_result` → the text of an OpenAI `tool` message plus any images, which OpenAI does not
// allow in tool messages and which therefore travel in the following `user` message (edge case 35).
import type { AnthropicBlockLike } from './anthropic-input.js';
import { convertUserBlock, flattenUnknownBlock } from './convert-user-content.js';
import type { OpenAIUserPart } from './openai-chat-api.js';
import type { TargetTraits } from './target-traits.js';

export const NO_OUTPUT = '(no output)';
export const INTERRUPTED = 'Error: the tool call was interrupted before it returned a result.';

export interface ConvertedToolResult {
  text: string;
  /** Image (and PDF) parts for the following user message. */
  media: OpenAIUserPart[];
}

export function convertToolResult(block: AnthropicBlockLike, traits: TargetTraits): ConvertedToolResult {
  const texts: string[] = [];
  const media: OpenAIUserPart[] = [];
  if (typeof block.content === 'string') {
    texts.push(block.content);
  } else if (Array.isArray(block.content)) {
    for (const item of block.content as AnthropicBlockLike[]) {
      if (item.type === 'image' || item.type === 'document') {
        const parts = convertUserBlock(item, traits);
        for (const part of parts) {
          if (part.type === 'text') texts.push(part.text);
          else media.push(part);
        }
      } else {
        texts.push(...flattenUnknownBlock(item));
      }
    }
  }
  let text = texts.filter((t) => t !== '').join('\n');
  if (media.length > 0) text = `${text}${text ? '\n' : ''}(${media.length === 1 ? 'the attachment follows' : 'the attachments follow'} in the next message)`;
  if (!text) text = NO_OUTPUT;
  if (block.is_error === true) text = `Error: ${text}`;
  return { text, media };
}
