// A scripted HTTP upstream on 127.0.0.1, port 0, for proxy tests: each request is recorded (method, url,
// headers, body) and answered by a script. The provider-flavoured servers (scripted-openai-upstream.ts,
// scripted-gemini-upstream.ts, scripted-ollama-upstream.ts) build their replies on top of this one.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface UpstreamRequest {
  method: string;
  url: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text. */
  body: unknown;
  /** True once the client (the proxy) dropped the connection before the answer ended. */
  aborted: boolean;
}

export type UpstreamReply =
  /** SSE body: each string is written as one network chunk (write `data: …\n\n` yourself), after `delayMs` of silence. */
  | { kind: 'sse'; chunks: string[]; status?: number; headers?: Record<string, string>; delayMs?: number; gapMs?: number }
  | { kind: 'json'; body: unknown; status?: number; headers?: Record<string, string> }
  /** Write these chunks with 200 headers, then drop the connection. */
  | { kind: 'reset-mid-stream'; chunks: string[] }
  /** Accept the request and never answer. */
  | { kind: 'never-answer' }
  /** Send SSE headers (and these chunks, if any), then nothing more: a stream still in progress. */
  | { kind: 'silent-stream'; chunks?: string[] }
  /** Drop the connection without answering. */
  | { kind: 'destroy' };

export type UpstreamScript = (request: UpstreamRequest, index: number) => UpstreamReply;

export interface RecordingServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  requests: UpstreamRequest[];
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1, port 0, that records each request (its body read and parsed first) and hands
 * it to `respond`. The scripted servers in test/support/ are all built on it.
 */
export async function startRecordingServer(respond: (recorded: UpstreamRequest, res: ServerResponse) => void): Promise<RecordingServer> {
  const requests: UpstreamRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = req.url ?? '/';
      const recorded: UpstreamRequest = {
        method: req.method ?? 'GET',
        url,
        path: new URL(url, 'http://127.0.0.1').pathname,
        headers: req.headers,
        body: parse(raw),
        aborted: false,
      };
      res.on('close', () => {
        if (!res.writableEnded) recorded.aborted = true;
      });
      requests.push(recorded);
      respond(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type ScriptedUpstream = RecordingServer;

export async function startScriptedUpstream(script: UpstreamScript): Promise<ScriptedUpstream> {
  let index = 0;
  return startRecordingServer((recorded, res) => answer(res, script(recorded, index++)));
}

/** Parsed JSON body, or the raw text, or undefined when empty. */
function parse(raw: string): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function answer(res: ServerResponse, reply: UpstreamReply): void {
  switch (reply.kind) {
    case 'sse': {
      res.writeHead(reply.status ?? 200, { 'content-type': 'text/event-stream', ...reply.headers });
      res.flushHeaders();
      const write = (): void => {
        if (res.destroyed) return;
        if (reply.gapMs) {
          writeWithGaps(res, reply.chunks, reply.gapMs);
          return;
        }
        for (const chunk of reply.chunks) res.write(chunk);
        res.end();
      };
      if (reply.delayMs) setTimeout(write, reply.delayMs);
      else write();
      return;
    }
    case 'json':
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body));
      return;
    case 'reset-mid-stream':
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const chunk of reply.chunks) res.write(chunk);
      // Let the chunks leave before the socket is cut.
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    case 'never-answer':
      return;
    case 'silent-stream':
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.flushHeaders();
      for (const chunk of reply.chunks ?? []) res.write(chunk);
      return;
    case 'destroy':
      res.socket?.destroy();
  }
}

/** One chunk, then `gapMs` of silence, then the next; the body ends after the last. */
function writeWithGaps(res: ServerResponse, chunks: string[], gapMs: number): void {
  const [first, ...rest] = chunks;
  if (res.destroyed) return;
  if (first === undefined) {
    res.end();
    return;
  }
  res.write(first);
  setTimeout(() => writeWithGaps(res, rest, gapMs), gapMs);
}

/** `data: <json>\n\n` for each object. */
export function sseData(...events: unknown[]): string[] {
  return events.map((event) => `data: ${typeof event === 'string' ? event : JSON.stringify(event)}\n\n`);
}
