// OpenAI Chat Completions wire shapes, declared once; every other file in this folder imports them.
// Requests use the official SDK's part and tool types where they fit, widened with the fields compatible
// servers add (DeepSeek `reasoning_content`, OpenRouter `reasoning`/`reasoning_details`/`cache_control`).
// Responses and chunks are declared loosely on purpose: a dozen servers answer in this format and each
// omits or adds fields (wire-reference.md §2.6), so nothing here is assumed present.
import type {
  ChatCompletionContentPartImage,
  ChatCompletionContentPartText,
  ChatCompletionFunctionTool,
  ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions';

export interface CacheControl {
  type: 'ephemeral';
  ttl?: '5m' | '1h';
}

/** A text part; `cache_control` only ever goes to OpenRouter. */
export type OpenAITextPart = ChatCompletionContentPartText & { cache_control?: CacheControl };

export interface OpenAIFilePart {
  type: 'file';
  file: { filename: string; file_data: string };
}

export type OpenAIUserPart = OpenAITextPart | ChatCompletionContentPartImage | OpenAIFilePart;

export interface OpenAIToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** OpenRouter `reasoning_details[]` item; kept opaque and sent back as received. */
export type ReasoningDetail = Record<string, unknown> & { type?: string; index?: number };

export type OpenAIMessage =
  | { role: 'system' | 'developer'; content: string | OpenAITextPart[] }
  | { role: 'user'; content: string | OpenAIUserPart[] }
  | {
      role: 'assistant';
      content: string | null;
      tool_calls?: OpenAIToolCall[];
      /** DeepSeek: the turn's reasoning, mandatory on tool-call turns in thinking mode. */
      reasoning_content?: string;
      /** OpenRouter: the turn's reasoning details, replayed to keep reasoning across turns. */
      reasoning_details?: ReasoningDetail[];
    }
  | { role: 'tool'; tool_call_id: string; content: string };

export type OpenAIAssistantMessage = Extract<OpenAIMessage, { role: 'assistant' }>;
export type OpenAIToolMessage = Extract<OpenAIMessage, { role: 'tool' }>;

export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';

export interface OpenAIChatRequest {
  model: string;
  messages: OpenAIMessage[];
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  top_p?: number;
  /** OpenRouter only. */
  top_k?: number;
  stop?: string[];
  stream?: boolean;
  stream_options?: { include_usage: boolean };
  tools?: ChatCompletionFunctionTool[];
  tool_choice?: ChatCompletionToolChoiceOption;
  parallel_tool_calls?: boolean;
  reasoning_effort?: ReasoningEffort;
  /** OpenRouter's reasoning control. */
  reasoning?: { effort?: ReasoningEffort; max_tokens?: number };
  /** DeepSeek's thinking toggle. */
  thinking?: { type: 'enabled' | 'disabled' };
  response_format?:
    | { type: 'json_object' }
    | { type: 'json_schema'; json_schema: { name: string; schema: Record<string, unknown>; strict: boolean } };
}

export interface OpenAIUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null; cache_write_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
  /** DeepSeek. */
  prompt_cache_hit_tokens?: number | null;
  /** OpenRouter: the request's cost in USD credits. */
  cost?: number | null;
}

export interface OpenAIToolCallDelta {
  index?: number;
  id?: string | null;
  type?: string | null;
  function?: { name?: string | null; arguments?: string | null } | null;
}

/** Answer content: a string, or (Mistral's native API) an array of text and thinking parts. */
export type OpenAIContent = string | Array<{ type?: string; text?: string; thinking?: string | Array<{ type?: string; text?: string } | null> } | null>;

export interface OpenAIDelta {
  role?: string | null;
  content?: OpenAIContent | null;
  refusal?: string | null;
  reasoning_content?: string | null;
  reasoning?: string | null;
  reasoning_details?: ReasoningDetail[] | null;
  tool_calls?: OpenAIToolCallDelta[] | null;
}

/** Error object as the various servers send it (`code` a string, a number or null; `message` maybe absent). */
export interface OpenAIErrorObject {
  message?: unknown;
  type?: unknown;
  code?: unknown;
  param?: unknown;
  status_code?: unknown;
  metadata?: { raw?: unknown; provider_name?: unknown } & Record<string, unknown>;
}

export interface OpenAIChunk {
  id?: string;
  model?: string;
  choices?: Array<{ index?: number; delta?: OpenAIDelta | null; finish_reason?: string | null; stop_reason?: unknown }> | null;
  usage?: OpenAIUsage | null;
  /** Groq repeats usage here. */
  x_groq?: { usage?: OpenAIUsage | null } | null;
  /** OpenRouter mid-stream error; OpenAI's bare `data: {"error":…}` too. */
  error?: OpenAIErrorObject | string | null;
}

export interface OpenAIResponseMessage {
  role?: string;
  content?: OpenAIContent | null;
  refusal?: string | null;
  reasoning_content?: string | null;
  reasoning?: string | null;
  reasoning_details?: ReasoningDetail[] | null;
  tool_calls?: Array<{ id?: string; type?: string; function?: { name?: string; arguments?: string | null } }> | null;
}

export interface OpenAIResponse {
  id?: string;
  model?: string;
  choices?: Array<{ index?: number; message?: OpenAIResponseMessage | null; finish_reason?: string | null; stop_reason?: unknown }> | null;
  usage?: OpenAIUsage | null;
  error?: OpenAIErrorObject | string | null;
}
