// The port `oss run` binds before the proxy's code has loaded: requests that arrive early wait, whole, for
// the proxy; a proxy that never comes answers them 503 and frees the port. Real HTTP on loopback.
import { request } from 'node:http';
import { createConnection } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HeldListener } from '../../src/proxy/held-listener.js';

function post(port: number, path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (part: string) => (text += part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const waitUntil = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
};

let listener: HeldListener | undefined;
afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

describe('HeldListener', () => {
  it('holds requests that arrive before the proxy is attached, then hands them over in order with their bodies', async () => {
    listener = await HeldListener.listen();
    const held = listener;
    let arrived = 0;
    held.server.on('request', () => (arrived += 1));
    const first = post(held.port, '/secret/v1/messages', '{"n":1}');
    const second = post(held.port, '/secret/v1/messages', '{"n":2}');
    await waitUntil(() => arrived === 2);

    const seen: string[] = [];
    held.attach((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (part: string) => (body += part));
      req.on('end', () => {
        seen.push(`${req.url} ${body}`);
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`answered ${body}`);
      });
    });

    expect(await first).toEqual({ status: 200, body: 'answered {"n":1}' });
    expect(await second).toEqual({ status: 200, body: 'answered {"n":2}' });
    expect(seen).toEqual(['/secret/v1/messages {"n":1}', '/secret/v1/messages {"n":2}']);
    // Once attached, a new request goes straight to the handler.
    expect(await post(held.port, '/secret/v1/messages', '{"n":3}')).toEqual({ status: 200, body: 'answered {"n":3}' });
  });

  it('answers a held request 503 when closed before any proxy was attached, and frees the port', async () => {
    listener = await HeldListener.listen();
    const held = listener;
    let arrived = 0;
    held.server.on('request', () => (arrived += 1));
    const answer = post(held.port, '/secret/v1/messages', '{}');
    await waitUntil(() => arrived === 1);
    const port = held.port;

    await held.close();
    listener = undefined;

    const reply = await answer.catch((error: unknown) => ({ status: -1, body: String(error) }));
    expect(reply).toEqual({
      status: 503,
      body: '{"type":"error","error":{"type":"api_error","message":"oss proxy: stopped before it was ready"}}',
    });
    expect(await isListening(port)).toBe(false);
  });
});
