// Local token counts for Anthropic requests.
// - countRequestTokens: a real tokenizer (gpt-tokenizer, o200k_base, the encoding of current OpenAI models)
//   over what a chat model reads: system text, message text, tool calls and results, and tool definitions,
//   plus the per-message and per-tool framing OpenAI's chat format adds. Serves POST
//   /v1/messages/count_tokens; test/providers/openai-chat/token-count.test.ts holds it to ±15% of the
//   prompt_tokens upstreams reported for recorded requests. Images and PDFs count as fixed estimates.
// - estimateTokensFromLength (token-estimate.ts): the cheap figure for message_start on every request, where
//   tokenizing ~50 KB per turn would cost more than it is worth; the real count follows in message_delta.
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

/** OpenAI's framing around each message (role, separators). */
const TOKENS_PER_MESSAGE = 4;
/** Framing around each tool definition. */
const TOKENS_PER_TOOL = 8;
/** The assistant reply header every prompt ends with. */
const REPLY_PRIMING = 3;
/** A typical image (OpenAI: 85 + 170 per 512px tile; ~4 tiles) when its size is unknown. */
const IMAGE_TOKENS = 765;
/** A PDF with no text to count. */
const DOCUMENT_TOKENS = 1500;

interface BlockLike {
  type?: string;
  text?: unknown;
  thinking?: unknown;
  name?: unknown;
  input?: unknown;
  content?: unknown;
  tool_name?: unknown;
  source?: unknown;
}

export interface CountableRequest {
  system?: unknown;
  messages?: ReadonlyArray<{ role?: unknown; content?: unknown }>;
  tools?: ReadonlyArray<{ name?: unknown; description?: unknown; input_schema?: unknown }>;
}

export function countRequestTokens(request: CountableRequest): number {
  let total = REPLY_PRIMING;
  const system = contentTokens(request.system);
  if (system > 0) total += system + TOKENS_PER_MESSAGE;
  for (const message of request.messages ?? []) total += TOKENS_PER_MESSAGE + contentTokens(message.content);
  for (const tool of request.tools ?? []) {
    total += TOKENS_PER_TOOL + text(tool.name) + text(tool.description);
    if (tool.input_schema && typeof tool.input_schema === 'object') total += countTokens(JSON.stringify(tool.input_schema));
  }
  return total;
}

/** Cheap estimate from the request body's length in characters (about 4 per token). */

function contentTokens(content: unknown): number {
  if (typeof content === 'string') return text(content);
  if (!Array.isArray(content)) return 0;
  let total = 0;
  for (const block of content as BlockLike[]) total += blockTokens(block);
  return total;
}

function blockTokens(block: BlockLike): number {
  switch (block.type) {
    case 'text':
      return text(block.text);
    case 'thinking':
      return text(block.thinking);
    case 'tool_use':
      return text(block.name) + countTokens(JSON.stringify(block.input ?? {}));
    case 'tool_result':
      return TOKENS_PER_MESSAGE + contentTokens(block.content);
    case 'tool_reference':
      return text(block.tool_name) + 2;
    case 'image':
      return IMAGE_TOKENS;
    case 'document':
      return documentTokens(block.source);
    case 'search_result':
      return contentTokens(block.content);
    default:
      return 0;
  }
}

function documentTokens(source: unknown): number {
  const s = (source ?? {}) as { type?: string; data?: unknown; content?: unknown };
  if (s.type === 'text') return text(s.data);
  if (s.type === 'content') return contentTokens(s.content);
  return DOCUMENT_TOKENS;
}

function text(value: unknown): number {
  return typeof value === 'string' && value !== '' ? countTokens(value) : 0;
}
