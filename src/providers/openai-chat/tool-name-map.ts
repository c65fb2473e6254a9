// The tool-name map for one request: every name declared in `tools` or used in history, shortened for
// OpenAI's `^[a-zA-Z0-9_-]{1,64}$` (edge case 45). The stream/response translators use it to map back.
import { OPENAI_TOOL_NAMES, buildToolNameMap, type ToolNameMap } from '../common/tool-names.js';
import { blocksOf, type AnthropicRequestLike } from './anthropic-input.js';

export function toolNameMapForRequest(request: Pick<AnthropicRequestLike, 'tools' | 'messages'>): ToolNameMap {
  const names: string[] = [];
  for (const tool of request.tools ?? []) if (tool.name) names.push(tool.name);
  for (const message of request.messages) {
    for (const block of blocksOf(message.content)) if (block.type === 'tool_use' && block.name) names.push(block.name);
  }
  return buildToolNameMap(names, OPENAI_TOOL_NAMES);
}
