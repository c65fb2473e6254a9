// Anthropic `tools` / `tool_choice` → Gemini `tools` / `toolConfig` (wire-reference.md §7.3; edge cases 43–46).
// Client tools become functionDeclarations with the raw input_schema as `parametersJsonSchema` (standard JSON
// Schema, accepted with $schema/additionalProperties), or a sanitised `parameters` when schemaMode asks for it.
// Server tools (no input_schema) and Claude Code's DeferredToolPlaceholder are dropped. Names follow Gemini's rules.
import type { AnthropicRequest } from '../common/anthropic-types.js';
import { GEMINI_TOOL_NAMES, buildToolNameMap, type ToolNameMap } from '../common/tool-names.js';
import type { GeminiFunctionDeclaration, GeminiTool, GeminiToolConfig } from './gemini-api.js';
import { sanitizeSchemaForGemini } from './sanitize-schema.js';

export type GeminiSchemaMode = 'parametersJsonSchema' | 'parameters';

/** Claude Code's stand-in for tools it has not loaded yet; not callable, so never declared upstream. */
const PLACEHOLDER_TOOLS = new Set(['DeferredToolPlaceholder']);

type ToolSource = Pick<AnthropicRequest, 'tools' | 'tool_choice' | 'messages'>;

interface ClientTool {
  name: string;
  description?: string;
  input_schema: unknown;
}

/** The two-way tool-name map for one request (declared tools and every tool_use in the history). */
export function geminiToolNameMap(request: Pick<AnthropicRequest, 'tools' | 'messages'>): ToolNameMap {
  const names = new Set<string>();
  for (const tool of request.tools ?? []) {
    const name = (tool as { name?: unknown }).name;
    if (typeof name === 'string') names.add(name);
  }
  for (const message of request.messages) {
    if (typeof message.content === 'string') continue;
    for (const block of message.content) if (block.type === 'tool_use') names.add(block.name);
  }
  return buildToolNameMap(names, GEMINI_TOOL_NAMES);
}

export function prepareGeminiTools(
  request: ToolSource,
  toolNames: ToolNameMap,
  schemaMode: GeminiSchemaMode,
): { tools?: GeminiTool[]; toolConfig?: GeminiToolConfig } {
  const declarations = clientTools(request).map((tool) => declaration(tool, toolNames, schemaMode));
  if (declarations.length === 0) return {};
  const toolConfig = functionCallingConfig(request.tool_choice, toolNames);
  return { tools: [{ functionDeclarations: declarations }], ...(toolConfig ? { toolConfig } : {}) };
}

function clientTools(request: ToolSource): ClientTool[] {
  const tools = (request.tools ?? []) as Array<Partial<ClientTool> & { type?: string }>;
  return tools.filter(
    (tool): tool is ClientTool =>
      typeof tool.name === 'string' && 'input_schema' in tool && (tool.type === undefined || tool.type === 'custom') && !PLACEHOLDER_TOOLS.has(tool.name),
  );
}

function declaration(tool: ClientTool, toolNames: ToolNameMap, schemaMode: GeminiSchemaMode): GeminiFunctionDeclaration {
  const out: GeminiFunctionDeclaration = { name: toolNames.toUpstream(tool.name) };
  if (tool.description) out.description = tool.description;
  if (schemaMode === 'parametersJsonSchema') {
    out.parametersJsonSchema = tool.input_schema;
  } else {
    const parameters = sanitizeSchemaForGemini(tool.input_schema);
    if (parameters) out.parameters = parameters;
  }
  return out;
}

function functionCallingConfig(choice: AnthropicRequest['tool_choice'], toolNames: ToolNameMap): GeminiToolConfig | undefined {
  switch (choice?.type) {
    case 'auto':
      return { functionCallingConfig: { mode: 'AUTO' } };
    case 'any':
      return { functionCallingConfig: { mode: 'ANY' } };
    case 'none':
      return { functionCallingConfig: { mode: 'NONE' } };
    case 'tool':
      return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [toolNames.toUpstream(choice.name)] } };
    default:
      return undefined;
  }
}
