// With the `mid-conversation-tool-changes` beta (on under the launcher's ENABLE_TOOL_SEARCH=false environment)
// Claude Code may announce tools that appear or go away mid-session (an MCP server connecting late) as a
// `role:"system"` message holding `tool_addition` / `tool_removal` blocks instead of changing `tools`. No
// translated provider knows those blocks, so they are folded into the request's tool list before translation:
// an addition declares (or replaces) the tool, a removal withdraws it, in conversation order.
import { isObject } from './output-format.js';

interface ToolChangeSource {
  messages: ReadonlyArray<{ role: string; content: unknown }>;
  tools?: ReadonlyArray<unknown> | undefined;
}

/** The request with its tool changes applied to `tools` and removed from `messages`; the same object when it has none. */
export function foldToolChanges<R extends ToolChangeSource>(request: R): R {
  if (!request.messages.some((message) => message.role === 'system' && Array.isArray(message.content) && message.content.some(isToolChange))) {
    return request;
  }
  let tools = [...(request.tools ?? [])];
  const messages: Array<{ role: string; content: unknown }> = [];
  for (const message of request.messages) {
    if (message.role !== 'system' || !Array.isArray(message.content)) {
      messages.push(message);
      continue;
    }
    const kept: unknown[] = [];
    for (const block of message.content as unknown[]) {
      if (!isToolChange(block)) kept.push(block);
      else tools = applyChange(tools, block);
    }
    if (kept.length > 0) messages.push({ ...message, content: kept });
  }
  return { ...request, tools, messages };
}

function isToolChange(block: unknown): block is { type: string; tool?: unknown } {
  return isObject(block) && (block.type === 'tool_addition' || block.type === 'tool_removal');
}

function applyChange(tools: unknown[], change: { type: string; tool?: unknown }): unknown[] {
  const tool = isObject(change.tool) ? change.tool : {};
  if (change.type === 'tool_removal') return typeof tool.name === 'string' ? tools.filter((t) => nameOf(t) !== tool.name) : tools;
  const definition = tool.definition;
  if (!isObject(definition) || typeof definition.name !== 'string') return tools;
  return [...tools.filter((t) => nameOf(t) !== definition.name), definition];
}

function nameOf(tool: unknown): unknown {
  return isObject(tool) ? tool.name : undefined;
}
