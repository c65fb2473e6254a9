// Recognises the request Claude Code sends when its WebSearch tool runs (captured in
// test/fixtures/claude-code/websearch-sub-request.json): one user message "Perform a web search for the
// query: <q>" and `tools: [{type: "web_search_20250305", name: "web_search", max_uses: 8}]`. Anthropic runs
// such "server tools" itself; no other back end knows them, so the proxy must route this request on purpose.
// Any other typed server tool (web_fetch_…, code_execution_…) is reported too, so it can be refused plainly.

export interface WebSearchRequest {
  /** What to search for. */
  query: string;
  /** `max_uses` of the tool, when given. */
  maxUses?: number;
  allowedDomains?: string[];
  blockedDomains?: string[];
}

interface TypedTool {
  type?: unknown;
  name?: unknown;
  input_schema?: unknown;
  max_uses?: unknown;
  allowed_domains?: unknown;
  blocked_domains?: unknown;
}

const QUERY_PREFIX = /^\s*Perform a web search for the query:\s*/i;

/** Server tools in `tools`: a `type` other than `custom` and no `input_schema`. */
export function serverToolsIn(body: { tools?: unknown }): TypedTool[] {
  if (!Array.isArray(body.tools)) return [];
  return (body.tools as TypedTool[]).filter(
    (tool) => tool && typeof tool.type === 'string' && tool.type !== 'custom' && tool.input_schema === undefined,
  );
}

export function isWebSearchTool(tool: TypedTool): boolean {
  return typeof tool.type === 'string' && tool.type.startsWith('web_search');
}

/**
 * The search a request asks for, when its only tools are server tools and one is web search (Claude Code's
 * sub-request). A main-loop request that merely lists a server tool among client tools is not one.
 */
export function webSearchRequestOf(body: { tools?: unknown; messages?: unknown }): WebSearchRequest | undefined {
  const tools = Array.isArray(body.tools) ? body.tools : [];
  const server = serverToolsIn(body);
  const search = server.find(isWebSearchTool);
  if (!search || server.length !== tools.length) return undefined;
  const query = lastUserText(body.messages).replace(QUERY_PREFIX, '').trim();
  return {
    query,
    ...(typeof search.max_uses === 'number' ? { maxUses: search.max_uses } : {}),
    ...(stringList(search.allowed_domains) ? { allowedDomains: stringList(search.allowed_domains) } : {}),
    ...(stringList(search.blocked_domains) ? { blockedDomains: stringList(search.blocked_domains) } : {}),
  };
}

function lastUserText(messages: unknown): string {
  if (!Array.isArray(messages)) return '';
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i] as { role?: unknown; content?: unknown };
    if (message?.role !== 'user') continue;
    if (typeof message.content === 'string') return message.content;
    if (!Array.isArray(message.content)) return '';
    return (message.content as Array<{ type?: unknown; text?: unknown }>)
      .flatMap((block) => (block?.type === 'text' && typeof block.text === 'string' ? [block.text] : []))
      .join('\n');
  }
  return '';
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
}
