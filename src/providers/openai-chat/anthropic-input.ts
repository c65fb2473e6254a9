// The Anthropic request as the translator reads it. Deliberately looser than the SDK's MessageCreateParams:
// Claude Code sends fields and block types newer than any SDK snapshot (`role:"system"` messages,
// `tool_reference`, `defer_loading`, `safeguards`…), and anything unknown must be ignored, never rejected.
// The SDK's request type is assignable to this one, so callers can pass either.

export interface AnthropicBlockLike {
  type: string;
  text?: string;
  id?: string;
  name?: string;
  input?: unknown;
  tool_use_id?: string;
  content?: unknown;
  is_error?: boolean | null;
  source?: unknown;
  title?: string | null;
  thinking?: string;
  signature?: string;
  tool_name?: string;
  cache_control?: unknown;
}

export interface AnthropicMessageLike {
  role: string;
  content: string | AnthropicBlockLike[];
}

export interface AnthropicToolLike {
  name?: string;
  type?: string | null;
  description?: string;
  input_schema?: unknown;
  defer_loading?: boolean;
  cache_control?: unknown;
}

export interface AnthropicRequestLike {
  model?: string;
  max_tokens?: number;
  messages: AnthropicMessageLike[];
  system?: string | AnthropicBlockLike[];
  tools?: AnthropicToolLike[];
  tool_choice?: { type: string; name?: string; disable_parallel_tool_use?: boolean };
  thinking?: { type: string; budget_tokens?: number };
  output_config?: { effort?: string | null; format?: unknown } | null;
  stop_sequences?: string[];
  stream?: boolean | null;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  metadata?: unknown;
}

/** Blocks of a message, whether its content is a string or an array. */
export function blocksOf(content: string | AnthropicBlockLike[]): AnthropicBlockLike[] {
  return typeof content === 'string' ? [{ type: 'text', text: content }] : content;
}
