// What a browser or a broken HTTP client gets: a request with an Origin header or a non-JSON body is refused
// before it is parsed (a web page can send a text/plain POST without asking first), and the errors Node's
// HTTP parser raises (431 oversized headers, a malformed request) come back in Anthropic's shape like every
// other error. The proxy keeps serving after each.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type ScriptedServer } from '../support/scripted-anthropic-server.js';
import { HELLO, planFor, startProxy, type StartedProxy } from '../support/proxy-harness.js';

let claude: ScriptedServer;
let running: StartedProxy;

beforeAll(async () => {
  claude = await start({ text: 'From Claude.' });
  running = await startProxy({ plan: planFor('claude'), env: { ANTHROPIC_BASE_URL: claude.url } });
});

afterAll(async () => {
  await running.proxy.shutdown();
  await claude.close();
});

/** Raw bytes to the proxy, and the whole answer back (status line, headers, body). */
function raw(request: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(running.proxy.getPort(), '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.end(request);
  });
}

async function stillServing(): Promise<void> {
  const response = await running.post('/v1/messages', { ...HELLO, stream: false });
  expect(response.status).toBe(200);
  await response.text();
}

describe('the HTTP door', () => {
  it('refuses a request carrying an Origin header with 403, before reaching Claude', async () => {
    const before = claude.requests.length;
    const response = await running.post('/v1/messages', HELLO, { origin: 'https://evil.example' });
    expect({ status: response.status, retry: response.headers.get('x-should-retry'), body: await response.json() }).toEqual({
      status: 403,
      retry: 'false',
      body: { type: 'error', error: { type: 'permission_error', message: 'oss proxy: requests from a web page (with an Origin header) are refused' } },
    });
    expect(claude.requests.length).toBe(before);
    await stillServing();
  });

  it('refuses a text/plain body (a browser form-style POST) with 415, before reaching Claude', async () => {
    const before = claude.requests.length;
    const response = await running.post('/v1/messages', HELLO, { 'content-type': 'text/plain' });
    expect({ status: response.status, retry: response.headers.get('x-should-retry'), body: await response.json() }).toEqual({
      status: 415,
      retry: 'false',
      body: { type: 'error', error: { type: 'invalid_request_error', message: 'oss proxy: the request body must be JSON (content-type: application/json), not text/plain' } },
    });
    expect(claude.requests.length).toBe(before);
  });

  it('accepts JSON with a charset', async () => {
    const response = await running.post('/v1/messages', { ...HELLO, stream: false }, { 'content-type': 'application/json; charset=utf-8' });
    expect(response.status).toBe(200);
    await response.text();
  });

  it('answers oversized headers with an Anthropic-shaped 431', async () => {
    const answer = await raw(`GET /${running.proxy.secret}/ HTTP/1.1\r\nhost: 127.0.0.1\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect({ status: answer.status, type: answer.headers['content-type'], retry: answer.headers['x-should-retry'], body: JSON.parse(answer.body) as unknown }).toEqual({
      status: 431,
      type: 'application/json',
      retry: 'false',
      body: { type: 'error', error: { type: 'request_too_large', message: 'oss proxy: the request headers are too large' } },
    });
    await stillServing();
  });

  it('answers a malformed request line with an Anthropic-shaped 400', async () => {
    const answer = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect({ status: answer.status, body: JSON.parse(answer.body) as unknown }).toEqual({
      status: 400,
      body: { type: 'error', error: { type: 'invalid_request_error', message: 'oss proxy: malformed HTTP request' } },
    });
  });

  it('answers an unsupported method on a known path with an Anthropic-shaped 404', async () => {
    const response = await fetch(`${running.proxy.baseUrl}/v1/messages`, { method: 'DELETE' });
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 404,
      body: { type: 'error', error: { type: 'not_found_error', message: 'oss proxy: no route DELETE /<secret>/v1/messages' } },
    });
  });
});
