// Anthropic `tools` + `tool_choice` → OpenAI `tools`, `tool_choice`, `parallel_tool_calls`
// (wire-reference.md §7.3; edge cases 43, 45, 46).
import type { ChatCompletionFunctionTool, ChatCompletionToolChoiceOption } from 'openai/resources/chat/completions';
import type { TargetModel } from '../common/target.js';
import type { ToolNameMap } from '../common/tool-names.js';
import type { AnthropicRequestLike, AnthropicToolLike } from './anthropic-input.js';

/** Claude Code's stand-in for tools it has not loaded yet (advanced-tool-use beta); never a real tool. */
const DEFERRED_PLACEHOLDER = 'DeferredToolPlaceholder';

export interface PreparedTools {
  tools?: ChatCompletionFunctionTool[];
  tool_choice?: ChatCompletionToolChoiceOption;
  parallel_tool_calls?: boolean;
}

export function prepareTools(request: AnthropicRequestLike, target: TargetModel, toolNames: ToolNameMap): PreparedTools {
  const tools = (request.tools ?? []).filter(isClientTool).map((tool) => toFunctionTool(tool, toolNames));
  const choice = request.tool_choice;
  if (tools.length === 0) return {};
  if (target.capabilities.noToolChoice) {
    // Ollama /v1 rejects tool_choice; "none" can only be honoured by not offering the tools.
    return choice?.type === 'none' ? {} : { tools };
  }
  const prepared: PreparedTools = { tools };
  if (choice?.type === 'auto') prepared.tool_choice = 'auto';
  else if (choice?.type === 'any') prepared.tool_choice = 'required';
  else if (choice?.type === 'none') prepared.tool_choice = 'none';
  else if (choice?.type === 'tool' && choice.name) prepared.tool_choice = { type: 'function', function: { name: toolNames.toUpstream(choice.name) } };
  if (choice?.disable_parallel_tool_use === true && choice.type !== 'none') prepared.parallel_tool_calls = false;
  return prepared;
}

/** A tool the model may call: named, not a server tool (`web_search_…` has a `type` and no schema), not the placeholder. */
function isClientTool(tool: AnthropicToolLike): tool is AnthropicToolLike & { name: string } {
  if (!tool.name || tool.name === DEFERRED_PLACEHOLDER) return false;
  if (tool.type && tool.type !== 'custom') return false;
  return tool.input_schema !== undefined;
}

function toFunctionTool(tool: AnthropicToolLike & { name: string }, toolNames: ToolNameMap): ChatCompletionFunctionTool {
  const fn: ChatCompletionFunctionTool['function'] = { name: toolNames.toUpstream(tool.name), parameters: parametersOf(tool.input_schema) };
  if (tool.description) fn.description = tool.description;
  return { type: 'function', function: fn };
}

/** The schema without `$schema` (meaningless upstream); an object schema with no properties if it is not an object. */
function parametersOf(schema: unknown): Record<string, unknown> {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return { type: 'object', properties: {} };
  const { $schema: _ignored, ...rest } = schema as Record<string, unknown>;
  return rest;
}
