// Seed Task 4.1 (proxy core), for this layout: the proxy starts on a kernel-chosen loopback port, routes
// /v1/messages (any query string) to the plan's main route over a real socket, and shutdown() frees the port
// even with a stream still open. Health, models and count_tokens are route-level: test/proxy/proxy-routes.test.ts.
import { describe, expect, it } from 'vitest';
import { OssError } from '../../src/errors.js';
import { ModelProxy } from '../../src/proxy/model-proxy.js';
import { start, type ScriptedHandler, type ScriptedServer } from '../support/scripted-anthropic-server.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { sdkMessage, usageEvent } from '../support/expected-messages.js';
import { closeAfterEach, HELLO, planFor, type StartedProxy, startProxy, until, withoutTimings } from '../support/proxy-harness.js';

const session = closeAfterEach<ScriptedServer>();

async function claudeProxy(handler?: ScriptedHandler): Promise<StartedProxy> {
  session.upstream = await start({ text: 'Hello from Claude.', ...(handler ? { handler } : {}) });
  session.running = await startProxy({ plan: planFor('claude'), env: { ANTHROPIC_BASE_URL: session.upstream.url } });
  return session.running;
}

describe('ModelProxy', () => {
  it('fails to start on a busy port with one line naming the port and the next step, leaving nothing open', async () => {
    const { proxy } = await claudeProxy();
    const busy = new ModelProxy({ plan: planFor('claude'), config: {}, env: {}, port: proxy.getPort() });
    await expect(busy.start()).rejects.toThrow(
      new OssError(`could not start the proxy on 127.0.0.1:${proxy.getPort()} (listen EADDRINUSE: address already in use 127.0.0.1:${proxy.getPort()}); pick another --port, or leave it out for a free one`),
    );
    expect(busy.isRunning()).toBe(false);
  });

  it('starts on a kernel-chosen port on 127.0.0.1 with the secret in the base URL', async () => {
    const { proxy } = await claudeProxy();
    expect(proxy.isRunning()).toBe(true);
    expect(proxy.getPort()).toBeGreaterThan(0);
    expect(proxy.baseUrl).toBe(`http://127.0.0.1:${proxy.getPort()}/${proxy.secret}`);
    expect(proxy.secret).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('routes POST /v1/messages?beta=true to the main route and streams its answer', async () => {
    const { post, usage } = await claudeProxy();
    const response = await post('/v1/messages?beta=true', HELLO, { 'x-api-key': 'sk-ant-user' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const message = await accumulateWithSdk(await response.text());
    expect(message).toEqual(sdkMessage('Hello from Claude.'));
    expect(session.upstream?.requests[0]?.url).toBe('/v1/messages?beta=true');
    expect(usage.map(withoutTimings)).toEqual([
      usageEvent('claude/claude-opus-5-5', 'claude', { input_tokens: 26, output_tokens: 7 }),
    ]);
  });

  it('frees the port on shutdown, cutting a request still waiting for its upstream', async () => {
    let release: () => void = () => {};
    const { proxy, post } = await claudeProxy(() => new Promise((resolve) => (release = () => resolve(undefined))));
    const port = proxy.getPort();
    const pending = post('/v1/messages', HELLO).then(
      (response) => response.text(),
      (error: unknown) => error,
    );
    await until(() => (session.upstream?.requests.length ?? 0) > 0, 'the upstream to get the request');
    await proxy.shutdown();
    release();
    expect(proxy.isRunning()).toBe(false);
    const cut = await pending;
    expect(cut).toEqual(new TypeError('fetch failed'));
    expect((cut as { cause?: { code?: string } }).cause?.code).toBe('UND_ERR_SOCKET');
    const after = await fetch(`http://127.0.0.1:${port}/`).then(() => undefined, (error: unknown) => error);
    expect((after as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });
});
