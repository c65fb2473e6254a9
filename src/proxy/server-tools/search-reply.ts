// The answer Anthropic's own search gives, rebuilt from a provider's search: `server_tool_use` (the query),
// `web_search_tool_result` (each page's title and URL), then the provider's text. Claude Code turns exactly
// these blocks into the tool result its main model reads ("Web search results for query: …", `Links: [{title,
// url}]`, the text; see test/fixtures/claude-code/websearch-sub-request.json). Streamed in the order and
// framing Claude Code requires (claude-code-behavior.md §6), or as one JSON message for `stream: false`.
import type { ServerResponse } from 'node:http';
import { formatSseEvent, newMessageId, type StreamUsage } from '../../providers/common/anthropic-stream-writer.js';
import type { WebSearchAnswer } from '../../providers/common/web-search-answer.js';

export type SearchReplyBlock =
  | { type: 'server_tool_use'; id: string; name: 'web_search'; input: { query: string } }
  | {
      type: 'web_search_tool_result';
      tool_use_id: string;
      content: Array<{ type: 'web_search_result'; title: string; url: string; encrypted_content: string; page_age: string | null }>;
    }
  | { type: 'text'; text: string };

export function searchReplyBlocks(query: string, answer: WebSearchAnswer, id = newServerToolUseId()): SearchReplyBlock[] {
  const blocks: SearchReplyBlock[] = [
    { type: 'server_tool_use', id, name: 'web_search', input: { query } },
    {
      type: 'web_search_tool_result',
      tool_use_id: id,
      // encrypted_content is Anthropic's opaque page copy; Claude Code only reads titles and URLs from here.
      content: answer.results.map((result) => ({ type: 'web_search_result', title: result.title, url: result.url, encrypted_content: '', page_age: result.pageAge ?? null })),
    },
  ];
  if (answer.text) blocks.push({ type: 'text', text: answer.text });
  return blocks;
}

export interface SearchReply {
  /** The model named to Claude Code (the oss id that searched). */
  model: string;
  blocks: SearchReplyBlock[];
  usage: StreamUsage;
  stream: boolean;
}

export function writeSearchReply(res: ServerResponse, reply: SearchReply): void {
  const usage = { ...reply.usage, server_tool_use: { web_search_requests: 1 } };
  const message = { id: newMessageId(), type: 'message', role: 'assistant', model: reply.model, stop_sequence: null };
  if (!reply.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ...message, content: reply.blocks, stop_reason: 'end_turn', usage }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const events: object[] = [{ type: 'message_start', message: { ...message, content: [], stop_reason: null, usage: { ...reply.usage, output_tokens: 1 } } }];
  reply.blocks.forEach((block, index) => {
    if (block.type === 'server_tool_use') {
      events.push(
        { type: 'content_block_start', index, content_block: { ...block, input: {} } },
        { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) } },
      );
    } else if (block.type === 'text') {
      events.push(
        { type: 'content_block_start', index, content_block: { type: 'text', text: '' } },
        { type: 'content_block_delta', index, delta: { type: 'text_delta', text: block.text } },
      );
    } else {
      events.push({ type: 'content_block_start', index, content_block: block });
    }
    events.push({ type: 'content_block_stop', index });
  });
  events.push({ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage }, { type: 'message_stop' });
  res.end(events.map((event) => formatSseEvent(event as Parameters<typeof formatSseEvent>[0])).join(''));
}

function newServerToolUseId(): string {
  return `srvtoolu_oss_${newMessageId().slice('msg_oss_'.length)}`;
}
