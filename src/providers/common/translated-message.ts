// The Anthropic message oss returns for a non-streaming request, whatever the upstream format.
import type { StreamUsage } from './anthropic-stream-writer.js';
import type { AnthropicStopReason } from './anthropic-types.js';

export type TranslatedContentBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export interface TranslatedMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: TranslatedContentBlock[];
  stop_reason: AnthropicStopReason;
  stop_sequence: string | null;
  usage: StreamUsage;
}
