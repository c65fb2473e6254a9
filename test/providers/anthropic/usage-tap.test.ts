// The usage tap reads Anthropic's own count of web searches from a relayed answer, so a search Claude ran
// can be priced with its per-search fee.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createUsageTap } from '../../../src/providers/anthropic/usage-tap.js';

describe('usage tap on a web search answer', () => {
  it('reads tokens and web_search_requests from an Anthropic web-search stream', () => {
    const tap = createUsageTap('text/event-stream');
    tap.push(readFileSync('test/fixtures/ours/anthropic/web-search-stream.sse'));
    tap.end();
    expect(tap.usage).toEqual({ input_tokens: 12957, output_tokens: 152, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, web_search_requests: 1 });
  });

  it('reads web_search_requests from a JSON message', () => {
    const tap = createUsageTap('application/json');
    tap.push(Buffer.from(JSON.stringify({ usage: { input_tokens: 10, output_tokens: 2, server_tool_use: { web_search_requests: 2 } } })));
    tap.end();
    expect(tap.usage).toEqual({ input_tokens: 10, output_tokens: 2, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, web_search_requests: 2 });
  });

  it('adds no search count to an answer without searches', () => {
    const tap = createUsageTap('application/json');
    tap.push(Buffer.from(JSON.stringify({ usage: { input_tokens: 10, output_tokens: 2, server_tool_use: { web_search_requests: 0 } } })));
    tap.end();
    expect(tap.usage).toEqual({ input_tokens: 10, output_tokens: 2, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
  });
});
