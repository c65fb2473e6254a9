// Serves a recorded provider answer (a peer fixture from ../shared/fixtures/peer, framed as its SOURCES.md
// says) on 127.0.0.1 at the provider's real path only, written in uneven byte pieces with a pause between
// them, so the proxy's readers meet multi-byte characters and events cut at arbitrary places. Any other path
// gets a 404 naming it, so a request sent to the wrong endpoint fails the test.
import type { ServerResponse } from 'node:http';
import { startRecordingServer, type RecordingServer } from './scripted-upstream.js';

export interface PeerFixture {
  name: string;
  wire: 'openai' | 'gemini';
  provider: string;
  model: string;
  mode: 'stream' | 'json';
  status: number;
  file: string;
  /** `jsonl`: one data payload a line, as the shared wire/ streams keep them (framed like `chunks`, no [DONE] added). */
  framing: 'chunks' | 'jsonl' | 'raw' | 'json' | 'json-array' | 'json-as-sse';
  contentType?: string;
  request: { prompt: string; system?: string; thinking?: boolean; tools?: Array<{ name: string; description?: string; input_schema: unknown }> };
  notes: string;
}

/** The response body as the provider sent it on the wire (SOURCES.md: "How bodies are stored and served"). */
export function wireBody(fixture: PeerFixture, stored: string): string {
  const separator = fixture.wire === 'gemini' ? '\r\n\r\n' : '\n\n';
  switch (fixture.framing) {
    case 'chunks':
    case 'jsonl': {
      const events = stored.split('\n').filter((line) => line.trim() !== '').map((line) => `data: ${line}${separator}`);
      return events.join('') + (fixture.wire === 'openai' && fixture.framing === 'chunks' ? `data: [DONE]${separator}` : '');
    }
    case 'json-array':
      return (JSON.parse(stored) as unknown[]).map((event) => `data: ${JSON.stringify(event)}${separator}`).join('');
    case 'json-as-sse':
      return `data: ${JSON.stringify(JSON.parse(stored))}${separator}`;
    case 'raw':
    case 'json':
      return stored;
  }
}

/** The path (and, for Gemini, the query) the provider's real API serves this request on. */
export function realPath(fixture: PeerFixture): string {
  if (fixture.wire === 'gemini') {
    return fixture.mode === 'stream'
      ? `/v1beta/models/${fixture.model}:streamGenerateContent?alt=sse`
      : `/v1beta/models/${fixture.model}:generateContent`;
  }
  if (fixture.provider === 'openrouter') return '/api/v1/chat/completions';
  return '/v1/chat/completions';
}

/** The base URL to configure for the provider, so that its adapter lands on realPath(). */
export function baseUrlFor(fixture: PeerFixture, server: RecordingServer): string {
  if (fixture.wire === 'gemini') return `${server.url}/v1beta`;
  if (fixture.provider === 'openrouter') return `${server.url}/api/v1`;
  if (fixture.provider === 'ollama') return server.url;
  return `${server.url}/v1`;
}

/** Piece sizes cycle through these (1 to 97 bytes): small enough to cut every multi-byte character somewhere. */
const PIECES = [1, 7, 3, 29, 2, 97, 5, 13, 1, 41, 11, 4];

export function unevenPieces(bytes: Buffer): Buffer[] {
  const pieces: Buffer[] = [];
  let offset = 0;
  for (let i = 0; offset < bytes.length; i += 1) {
    const size = PIECES[i % PIECES.length] as number;
    pieces.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return pieces;
}

export async function startReplay(fixture: PeerFixture, stored: string): Promise<RecordingServer> {
  const body = Buffer.from(wireBody(fixture, stored), 'utf8');
  const contentType = fixture.contentType ?? (fixture.mode === 'stream' && fixture.status === 200 ? 'text/event-stream' : 'application/json');
  const expected = realPath(fixture);
  return startRecordingServer((request, res) => {
    if (request.method !== 'POST' || request.url !== expected) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`replay of ${fixture.name} serves POST ${expected} only, not ${request.method} ${request.url}`);
      return;
    }
    res.writeHead(fixture.status, { 'content-type': contentType });
    res.socket?.setNoDelay(true);
    void writeInPieces(res, unevenPieces(body));
  });
}

async function writeInPieces(res: ServerResponse, pieces: Buffer[]): Promise<void> {
  for (const piece of pieces) {
    if (res.destroyed) return;
    res.write(piece);
    // Let each piece leave on its own before the next is written.
    await new Promise((resolve) => setImmediate(resolve));
  }
  res.end();
}
