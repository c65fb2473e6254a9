// Anthropic wire shapes, taken from the official SDK as type-only imports (no runtime cost).
// Everything in providers/ imports Anthropic shapes from here, so the SDK path lives in one place.
export type {
  Message as AnthropicMessage,
  MessageCreateParams as AnthropicRequest,
  MessageParam as AnthropicMessageParam,
  ContentBlock as AnthropicContentBlock,
  ContentBlockParam as AnthropicContentBlockParam,
  TextBlockParam as AnthropicTextBlockParam,
  ToolResultBlockParam as AnthropicToolResultBlockParam,
  ToolUseBlockParam as AnthropicToolUseBlockParam,
  Tool as AnthropicTool,
  ToolChoice as AnthropicToolChoice,
  RawMessageStreamEvent as AnthropicStreamEvent,
  StopReason as AnthropicStopReason,
  Usage as AnthropicUsage,
} from '@anthropic-ai/sdk/resources/messages/messages';
