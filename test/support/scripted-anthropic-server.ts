// A scripted fake Anthropic Messages API on loopback, port 0, for tests that run the real `claude` binary
// (or any Anthropic client) against it. Every request is recorded; a handler chooses each reply.
//
//   const server = await start({ handler: (req) => ({ kind: 'message', content: [{ type: 'text', text: 'hi' }] }) });
//   ... ANTHROPIC_BASE_URL=server.url ...
//   server.requests[0].body; await server.close();
//
// With no handler (or when it returns undefined) `/v1/messages` answers a plain text message, streaming with
// proper `event:` lines when the request asks for a stream; `/v1/messages/count_tokens` answers an estimate,
// `/v1/models` a one-model list, anything else a 404 in Anthropic error shape.
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { startRecordingServer, type RecordingServer, type UpstreamRequest } from './scripted-upstream.js';

/** A request as the server received it (see scripted-upstream.ts). */
export type RecordedRequest = UpstreamRequest;

export interface MessageBody {
  model?: string;
  stream?: boolean;
  messages?: unknown[];
  [key: string]: unknown;
}

export type ScriptedReply =
  | {
      kind: 'message';
      content: Array<Record<string, unknown>>;
      stop_reason?: string;
      usage?: { input_tokens?: number; output_tokens?: number };
      model?: string;
    }
  | { kind: 'error'; status: number; type: string; message: string; headers?: Record<string, string> }
  | { kind: 'json'; status?: number; body: unknown; headers?: Record<string, string> }
  /** Raw SSE: each event is [name, data]; `destroyAfter` drops the socket instead of ending cleanly. */
  | { kind: 'sse'; events: Array<[string, unknown]>; destroyAfter?: boolean }
  | { kind: 'destroy' };

export type ScriptedHandler = (request: RecordedRequest) => ScriptedReply | undefined | Promise<ScriptedReply | undefined>;

/** The running server: `url` (no trailing slash), `port`, every request received in order, `close()`. */
export type ScriptedServer = RecordingServer;

export interface StartOptions {
  handler?: ScriptedHandler;
  /** Text of the default answer. */
  text?: string;
}

export async function start(options: StartOptions = {}): Promise<ScriptedServer> {
  return startRecordingServer((recorded, res) => void answer(recorded, options, res));
}

/** The text of every text block (or string content) of every message, joined by newlines. */
export function messagesText(body: unknown): string {
  const messages = (body as MessageBody | undefined)?.messages ?? [];
  const parts: string[] = [];
  for (const message of messages as Array<{ content?: unknown }>) {
    if (typeof message.content === 'string') parts.push(message.content);
    else if (Array.isArray(message.content)) {
      for (const block of message.content as Array<{ type?: string; text?: string }>) {
        if (block.type === 'text' && typeof block.text === 'string') parts.push(block.text);
      }
    }
  }
  return parts.join('\n');
}

async function answer(request: RecordedRequest, options: StartOptions, res: ServerResponse): Promise<void> {
  let reply: ScriptedReply | undefined;
  try {
    reply = await options.handler?.(request);
  } catch (error) {
    reply = { kind: 'error', status: 500, type: 'api_error', message: `scripted handler threw: ${String(error)}` };
  }
  send(res, reply ?? defaultReply(request, options), request.body as MessageBody | undefined);
}

function defaultReply(request: RecordedRequest, options: StartOptions): ScriptedReply {
  if (request.path === '/v1/messages/count_tokens') {
    return { kind: 'json', body: { input_tokens: estimateTokens(request.body) } };
  }
  if (request.path === '/v1/messages' && request.method === 'POST') {
    return { kind: 'message', content: [{ type: 'text', text: options.text ?? 'Hello from the scripted server.' }] };
  }
  if (request.path === '/v1/models') {
    return {
      kind: 'json',
      body: {
        data: [{ type: 'model', id: 'scripted-model', display_name: 'Scripted', created_at: '2025-01-01T00:00:00Z' }],
        has_more: false,
        first_id: 'scripted-model',
        last_id: 'scripted-model',
      },
    };
  }
  return { kind: 'error', status: 404, type: 'not_found_error', message: `no route ${request.method} ${request.path}` };
}

function estimateTokens(body: unknown): number {
  return Math.max(1, Math.round(JSON.stringify(body ?? {}).length / 4));
}

function send(res: ServerResponse, reply: ScriptedReply, body: MessageBody | undefined): void {
  switch (reply.kind) {
    case 'destroy':
      res.socket?.destroy();
      return;
    case 'error':
      res.writeHead(reply.status, { 'content-type': 'application/json', 'request-id': id('req'), ...reply.headers });
      res.end(JSON.stringify({ type: 'error', error: { type: reply.type, message: reply.message } }));
      return;
    case 'json':
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body));
      return;
    case 'sse':
      writeSse(res, reply.events, reply.destroyAfter ?? false);
      return;
    case 'message':
      if (body?.stream) writeSse(res, messageEvents(reply, body), false);
      else {
        res.writeHead(200, { 'content-type': 'application/json', 'request-id': id('req') });
        res.end(JSON.stringify(messageJson(reply, body)));
      }
  }
}

function writeSse(res: ServerResponse, events: Array<[string, unknown]>, destroyAfter: boolean): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'request-id': id('req') });
  for (const [name, data] of events) res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  if (destroyAfter) res.socket?.destroy();
  else res.end();
}

type MessageReply = Extract<ScriptedReply, { kind: 'message' }>;

function usageOf(reply: MessageReply, body: MessageBody | undefined): { input_tokens: number; output_tokens: number } {
  return {
    input_tokens: reply.usage?.input_tokens ?? estimateTokens(body),
    output_tokens: reply.usage?.output_tokens ?? 7,
  };
}

function messageJson(reply: MessageReply, body: MessageBody | undefined): Record<string, unknown> {
  return {
    id: id('msg'),
    type: 'message',
    role: 'assistant',
    model: reply.model ?? body?.model ?? 'scripted-model',
    content: reply.content,
    stop_reason: reply.stop_reason ?? 'end_turn',
    stop_sequence: null,
    usage: { ...usageOf(reply, body), cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

function messageEvents(reply: MessageReply, body: MessageBody): Array<[string, unknown]> {
  const usage = usageOf(reply, body);
  const events: Array<[string, unknown]> = [
    [
      'message_start',
      {
        type: 'message_start',
        message: {
          id: id('msg'),
          type: 'message',
          role: 'assistant',
          model: reply.model ?? body.model ?? 'scripted-model',
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: usage.input_tokens, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
        },
      },
    ],
    ['ping', { type: 'ping' }],
  ];
  reply.content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push(['content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } }]);
      events.push(['content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: String(block.text ?? '') } }]);
    } else if (block.type === 'tool_use') {
      events.push([
        'content_block_start',
        { type: 'content_block_start', index, content_block: { type: 'tool_use', id: block.id ?? id('toolu'), name: block.name, input: {} } },
      ]);
      events.push([
        'content_block_delta',
        { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input ?? {}) } },
      ]);
    } else {
      events.push(['content_block_start', { type: 'content_block_start', index, content_block: block }]);
    }
    events.push(['content_block_stop', { type: 'content_block_stop', index }]);
  });
  events.push([
    'message_delta',
    { type: 'message_delta', delta: { stop_reason: reply.stop_reason ?? 'end_turn', stop_sequence: null }, usage: { output_tokens: usage.output_tokens } },
  ]);
  events.push(['message_stop', { type: 'message_stop' }]);
  return events;
}

function id(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
}

/** An Anthropic web-search stream (test/fixtures/ours/anthropic/web-search-stream.sse), as [event, data] pairs for the scripted Anthropic server. */
export function recordedSearchEvents(): Array<[string, unknown]> {
  const text = readFileSync('test/fixtures/ours/anthropic/web-search-stream.sse', 'utf8');
  return text
    .split(/\n\n/)
    .filter((block) => block.trim() !== '')
    .map((block) => [/^event: (.*)$/m.exec(block)?.[1] ?? '', JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as unknown]);
}
