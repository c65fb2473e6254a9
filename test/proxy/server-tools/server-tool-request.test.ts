// Which requests are Claude Code's server-tool sub-requests, and the search each one asks for.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serverToolsIn, webSearchRequestOf } from '../../../src/proxy/server-tools/server-tool-request.js';

const captured = (JSON.parse(readFileSync('test/fixtures/claude-code/websearch-sub-request.json', 'utf8')) as { search_request: { body: Record<string, unknown> } })
  .search_request.body;

describe('server-tool requests', () => {
  it("reads the query out of Claude Code's captured WebSearch sub-request", () => {
    expect(webSearchRequestOf(captured)).toEqual({ query: 'oss proxy release date', maxUses: 8 });
  });

  it('keeps the domain filters of the web search tool', () => {
    const body = { ...captured, tools: [{ type: 'web_search_20250305', name: 'web_search', allowed_domains: ['example.com'], blocked_domains: ['spam.example'] }] };
    expect(webSearchRequestOf(body)).toEqual({ query: 'oss proxy release date', allowedDomains: ['example.com'], blockedDomains: ['spam.example'] });
  });

  it('does not take a request that lists web search among client tools for a search sub-request', () => {
    const body = { ...captured, tools: [{ type: 'web_search_20250305', name: 'web_search' }, { name: 'Bash', input_schema: { type: 'object' } }] };
    expect(webSearchRequestOf(body)).toBeUndefined();
  });

  it('counts typed tools without a schema as server tools, and custom or schema tools as client tools', () => {
    const tools = [
      { type: 'web_fetch_20250910', name: 'web_fetch' },
      { type: 'custom', name: 'Mine', input_schema: { type: 'object' } },
      { name: 'Bash', input_schema: { type: 'object' } },
    ];
    expect(serverToolsIn({ tools })).toEqual([{ type: 'web_fetch_20250910', name: 'web_fetch' }]);
  });
});
