// Every bad input gets an Anthropic-shaped error with the right status, and the proxy keeps serving.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type ScriptedServer } from '../support/scripted-anthropic-server.js';
import { HELLO, planFor, startProxy, type StartedProxy } from '../support/proxy-harness.js';

let upstream: ScriptedServer;
let running: StartedProxy;

beforeAll(async () => {
  upstream = await start();
  running = await startProxy({ plan: planFor('claude'), env: { ANTHROPIC_BASE_URL: upstream.url } });
});

afterAll(async () => {
  await running.proxy.shutdown();
  await upstream.close();
});

async function expectError(response: Response, status: number, type: string, message: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual({ type: 'error', error: { type, message } });
}

const WRONG_PATH_OR_HOST = 'oss proxy: wrong path or host for this proxy';

/** The scripted Claude's JSON answer, as the proxy relays it; the id is random. */
function claudeAnswer(inputTokens: number) {
  return {
    id: expect.stringMatching(/^msg_/) as unknown,
    type: 'message',
    role: 'assistant',
    model: 'claude-opus-5-5',
    content: [{ type: 'text', text: 'Hello from the scripted server.' }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: inputTokens, output_tokens: 7, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

async function stillServing(): Promise<void> {
  const response = await running.post('/v1/messages', { ...HELLO, stream: false });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual(claudeAnswer(27));
}

/** A raw request, so the Host header can be anything. */
function rawGet(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: running.proxy.getPort(), path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('bad inputs', () => {
  it('answers malformed JSON with 400 invalid_request_error', async () => {
    await expectError(await running.post('/v1/messages', '{"model": "x", "messages": ['), 400, 'invalid_request_error', 'oss proxy: the request body is not valid JSON');
    await stillServing();
  });

  it('answers a body without messages with 400 invalid_request_error', async () => {
    await expectError(await running.post('/v1/messages', { model: 'claude-opus-5-5', max_tokens: 10 }), 400, 'invalid_request_error', 'messages: Field required');
    await stillServing();
  });

  it('answers a 40 MB body with 413 request_too_large', async () => {
    const huge = { ...HELLO, messages: [{ role: 'user', content: 'x'.repeat(40 * 1024 * 1024) }] };
    await expectError(await running.post('/v1/messages', huge), 413, 'request_too_large', 'oss proxy: request body larger than 33 MB');
    await stillServing();
  });

  it('accepts a 30 MB body, which Claude Code may send with images', async () => {
    const big = { ...HELLO, stream: false, messages: [{ role: 'user', content: 'x'.repeat(30 * 1024 * 1024) }] };
    const response = await running.post('/v1/messages', big);
    expect(response.status).toBe(200);
    // The scripted Claude estimates ~4 bytes per token: the whole 30 MB reached it.
    expect(await response.json()).toEqual(claudeAnswer(7864345));
    expect(upstream.requests.at(-1)?.body).toEqual(big);
  });

  it('answers an unknown model id with 404 not_found_error that Claude Code must not retry', async () => {
    const response = await running.post('/v1/messages', { ...HELLO, model: 'nosuchprovider/some-model' });
    expect(response.headers.get('x-should-retry')).toBe('false');
    await expectError(response, 404, 'not_found_error', 'oss: unknown model "nosuchprovider/some-model": use <provider>/<model> with a built-in or configured provider (see `oss models list`)');
    await stillServing();
  });

  it('answers a wrong secret with 403 permission_error, without echoing the path', async () => {
    const response = await fetch(`http://127.0.0.1:${running.proxy.getPort()}/not-the-secret/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(HELLO),
    });
    await expectError(response, 403, 'permission_error', WRONG_PATH_OR_HOST);
    await stillServing();
  });

  it('answers a missing secret with 403 permission_error', async () => {
    const response = await fetch(`http://127.0.0.1:${running.proxy.getPort()}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(HELLO),
    });
    await expectError(response, 403, 'permission_error', WRONG_PATH_OR_HOST);
  });

  it('answers a foreign Host header with 403, even with the right secret', async () => {
    const answer = await rawGet(`/${running.proxy.secret}/`, 'evil.example:80');
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toEqual({ type: 'error', error: { type: 'permission_error', message: WRONG_PATH_OR_HOST } });
    const ok = await rawGet(`/${running.proxy.secret}/`, `127.0.0.1:${running.proxy.getPort()}`);
    expect(ok).toEqual({ status: 200, body: '{"status":"ok"}' });
  });

  it('answers an unknown path under the secret with 404 not_found_error that hides the secret', async () => {
    await expectError(await running.post('/v1/complete', HELLO), 404, 'not_found_error', 'oss proxy: no route POST /<secret>/v1/complete');
  });
});
