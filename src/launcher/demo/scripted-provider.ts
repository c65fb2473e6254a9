// The built-in model `oss demo` talks to: a tiny OpenAI-compatible chat-completions server on loopback that
// plays a fixed script, so the demo needs no key and no network. First turn: it streams a `Write` tool call
// creating hello.txt in the demo folder. Once the conversation holds the tool's result: a short final answer.
// Usage is reported in the last chunk, as `stream_options.include_usage` asks, so the run has a cost line.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const DEMO_FILE_NAME = 'hello.txt';
export const DEMO_FILE_CONTENT = 'Hello from oss: a local scripted model wrote this file through Claude Code.\n';

export interface DemoToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

export interface DemoProvider {
  /** OpenAI-style base URL, `http://127.0.0.1:<port>/v1`. */
  baseUrl: string;
  /** Tool calls the scripted model made, in order. */
  toolCalls: DemoToolCall[];
  close(): Promise<void>;
}

interface ChatRequest {
  model?: string;
  stream?: boolean;
  messages?: Array<{ role?: string }>;
  tools?: Array<{ function?: { name?: string } }>;
}

export async function startDemoProvider(workDir: string): Promise<DemoProvider> {
  const toolCalls: DemoToolCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (req.method !== 'POST' || !req.url?.startsWith('/v1/chat/completions')) {
        sendJson(res, 404, { error: { message: `the demo model only answers POST /v1/chat/completions, not ${req.method} ${req.url}` } });
        return;
      }
      let request: ChatRequest;
      try {
        request = JSON.parse(raw) as ChatRequest;
      } catch {
        sendJson(res, 400, { error: { message: 'request body is not JSON' } });
        return;
      }
      const turn = nextTurn(request, workDir);
      if (turn.toolCall) toolCalls.push(turn.toolCall);
      const usage = { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: turn.completionTokens, total_tokens: 0 };
      usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
      if (request.stream) streamTurn(res, request.model ?? 'scripted', turn, usage);
      else sendJson(res, 200, completion(request.model ?? 'scripted', turn, usage));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    toolCalls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Turn {
  text?: string;
  toolCall?: DemoToolCall;
  completionTokens: number;
}

function nextTurn(request: ChatRequest, workDir: string): Turn {
  const toolAnswered = (request.messages ?? []).some((message) => message.role === 'tool');
  if (toolAnswered) {
    return { text: `Done: I created ${DEMO_FILE_NAME} with a greeting.`, completionTokens: 12 };
  }
  // The proxy may shorten tool names; use the name it advertised for Write.
  const name = (request.tools ?? []).map((tool) => tool.function?.name).find((n) => n === 'Write' || n?.endsWith('Write')) ?? 'Write';
  return {
    toolCall: { name, arguments: { file_path: join(workDir, DEMO_FILE_NAME), content: DEMO_FILE_CONTENT } },
    completionTokens: 40,
  };
}

type Usage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };

function streamTurn(res: ServerResponse, model: string, turn: Turn, usage: Usage): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}): void => {
    res.write(`data: ${JSON.stringify({ id: 'chatcmpl-demo', object: 'chat.completion.chunk', created: 0, model, choices, ...extra })}\n\n`);
  };
  if (turn.toolCall) {
    const args = JSON.stringify(turn.toolCall.arguments);
    const half = Math.floor(args.length / 2);
    chunk([{ index: 0, delta: { role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_demo_write', type: 'function', function: { name: turn.toolCall.name, arguments: '' } }] }, finish_reason: null }]);
    chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: args.slice(0, half) } }] }, finish_reason: null }]);
    chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: args.slice(half) } }] }, finish_reason: null }]);
    chunk([{ index: 0, delta: {}, finish_reason: 'tool_calls' }]);
  } else {
    chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
    for (const word of (turn.text ?? '').split(/(?<= )/)) chunk([{ index: 0, delta: { content: word }, finish_reason: null }]);
    chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]);
  }
  chunk([], { usage });
  res.end('data: [DONE]\n\n');
}

function completion(model: string, turn: Turn, usage: Usage): Record<string, unknown> {
  const message = turn.toolCall
    ? { role: 'assistant', content: null, tool_calls: [{ id: 'call_demo_write', type: 'function', function: { name: turn.toolCall.name, arguments: JSON.stringify(turn.toolCall.arguments) } }] }
    : { role: 'assistant', content: turn.text };
  return {
    id: 'chatcmpl-demo',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, message, finish_reason: turn.toolCall ? 'tool_calls' : 'stop' }],
    usage,
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
