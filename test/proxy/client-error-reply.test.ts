// Errors Node's HTTP parser raises before Fastify sees a request come back in Anthropic's shape like every other
// error, and the proxy keeps serving. This is about bytes on a socket, so the proxy listens on real loopback
// and the requests are written raw; the reply writer itself is also driven on a socket pair.
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientErrorReply } from '../../src/proxy/client-error-reply.js';
import { start, type ScriptedServer } from '../support/scripted-anthropic-server.js';
import { anthropicError, jsonMessage } from '../support/expected-messages.js';
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

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The whole answer read from a socket until it closes: status line, headers and the JSON body. */
function readAnswer(socket: Socket): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body === '' ? '' : (JSON.parse(body) as unknown) });
    });
  });
}

/** Raw bytes to the proxy, and the whole answer back. */
function raw(request: string): Promise<RawAnswer> {
  const socket = connect(running.proxy.getPort(), '127.0.0.1');
  const answer = readAnswer(socket);
  socket.end(request);
  return answer;
}

async function stillServing(): Promise<void> {
  const response = await running.post('/v1/messages', { ...HELLO, stream: false });
  expect([response.status, await response.json()]).toEqual([200, jsonMessage('From Claude.', { usage: [27, 7] })]);
}

/** The server side of a fresh loopback connection, with the client side's answer. */
async function socketPair(): Promise<{ server: Socket; answer: Promise<RawAnswer>; close: () => Promise<void> }> {
  const listener = createServer();
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const accepted = new Promise<Socket>((resolve) => listener.once('connection', resolve));
  const client = connect((listener.address() as AddressInfo).port, '127.0.0.1');
  const answer = readAnswer(client);
  const server = await accepted;
  server.on('error', () => undefined);
  return { server, answer, close: () => new Promise((resolve) => listener.close(() => resolve())) };
}

/** The headers the reply writes before a body. */
function replyHeaders(body: unknown, retryable = false): Record<string, string> {
  return {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(JSON.stringify(body))),
    ...(retryable ? {} : { 'x-should-retry': 'false' }),
    connection: 'close',
  };
}

function errorWithCode(code: string): Error & { code: string } {
  return Object.assign(new Error(code), { code });
}

describe('client error reply', () => {
  it.each([
    ['oversized headers', `GET /<secret>/ HTTP/1.1\r\nhost: 127.0.0.1\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'request_too_large', 'oss proxy: the request headers are too large'],
    ['a malformed request line', 'NOT HTTP AT ALL\r\n\r\n', 400, 'invalid_request_error', 'oss proxy: malformed HTTP request'],
  ])('answers %s with an Anthropic-shaped, non-retryable error and keeps serving', async (_name, request, status, type, message) => {
    const answer = await raw(request.replace('<secret>', running.proxy.secret));
    expect(answer).toEqual({ status, headers: replyHeaders(anthropicError(type, message)), body: anthropicError(type, message) });
    await stillServing();
  });

  it('answers a request too slow to arrive with a retryable 408 and closes the socket', async () => {
    const pair = await socketPair();
    clientErrorReply(errorWithCode('ERR_HTTP_REQUEST_TIMEOUT'), pair.server);
    expect(await pair.answer).toEqual({
      status: 408,
      headers: replyHeaders(anthropicError('timeout_error', 'oss proxy: the request took too long to arrive'), true),
      body: anthropicError('timeout_error', 'oss proxy: the request took too long to arrive'),
    });
    expect(pair.server.destroyed).toBe(true);
    await pair.close();
  });

  it('writes nothing to a client that reset the connection itself', async () => {
    const pair = await socketPair();
    clientErrorReply(errorWithCode('ECONNRESET'), pair.server);
    pair.server.destroy();
    expect(await pair.answer).toEqual({ status: NaN, headers: {}, body: '' });
    await pair.close();
  });
});
