// Issue 9 (7): what the proxy returns to Claude Code and the notices it prints carry no secret, over loopback:
// a provider that echoes the rejected key in its 401 body, a base URL with user:pass@ and ?api_key=.
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';
import { closedPortUrl } from '../support/closed-port.js';
import { HELLO, planFor, startProxy, type StartedProxy } from '../support/proxy-harness.js';
import { start } from '../support/scripted-anthropic-server.js';
import { startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';

const KEY = 'sk-live-echoed-0123456789abcdef';
let upstream: ScriptedUpstream | undefined;
let started: StartedProxy | undefined;

afterEach(async () => {
  await started?.proxy.shutdown();
  await upstream?.close();
  started = undefined;
  upstream = undefined;
});

function echoingUpstream(): Promise<ScriptedUpstream> {
  return startOpenAIUpstream((request) => ({
    kind: 'json',
    status: 401,
    body: { error: { message: `Incorrect API key provided: ${request.headers.authorization?.slice('Bearer '.length) ?? ''}`, type: 'invalid_request_error', code: 'invalid_api_key' } },
  }));
}

describe('redaction of proxy replies and notices', () => {
  it('a 401 body echoing the key reaches Claude Code without the key', async () => {
    upstream = await echoingUpstream();
    const config = { providers: { echo: { type: 'openai' as const, baseUrl: `${upstream.url}/v1`, apiKeyEnv: 'ECHO_KEY' } } };
    started = await startProxy({ plan: planFor('echo/m1', { fallback: false }), config, env: { ECHO_KEY: KEY } });
    const response = await started.post('/v1/messages', HELLO);
    expect(upstream.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      type: 'error',
      error: { type: 'authentication_error', message: 'echo/m1 (echo): the API key was rejected (Incorrect API key provided: [redacted]); set a working key with `oss models keys set echo`' },
    });
  });

  it('the error reply and the fallback notice drop user:pass@ and ?api_key= from the base URL they name', async () => {
    const port = new URL(await closedPortUrl()).port;
    const config = { providers: { hidden: { type: 'openai' as const, baseUrl: `http://alice:pa55word@127.0.0.1:${port}/v1?api_key=qwerty123456` } } };
    const expected = `hidden/m1 at http://[redacted]@127.0.0.1:${port}/v1?api_key=[redacted] cannot connect (ECONNREFUSED); check the provider's base URL`;
    started = await startProxy({ plan: planFor('hidden/m1', { fallback: false }), config, env: {} });
    const response = await started.post('/v1/messages', { ...HELLO, stream: false });
    expect(await response.json()).toEqual({ type: 'error', error: { type: 'api_error', message: expected } });
    await started.proxy.shutdown();

    const claude = await start({ text: 'From Claude.' });
    try {
      started = await startProxy({ plan: planFor('hidden/m1'), config, env: { ANTHROPIC_BASE_URL: claude.url } });
      await (await started.post('/v1/messages', { ...HELLO, stream: false }, { 'x-api-key': 'sk-ant-user' })).text();
      expect(started.fallbacks).toEqual([`oss: hidden/m1 failed (${expected}): falling back to Claude`]);
    } finally {
      await claude.close();
    }
  });

  it('oss models test --json shows the echoed key redacted', async () => {
    upstream = await echoingUpstream();
    const cio = capturedIO({ HOME: process.env.HOME, OSS_HOME: process.env.OSS_HOME, OPENAI_BASE_URL: `${upstream.url}/v1`, OPENAI_API_KEY: KEY }, process.env.HOME!);
    expect(await main(['models', 'test', 'openai/gpt-4o', '--json'], cio)).toBe(1);
    const result = JSON.parse(cio.stdoutText()) as Record<string, unknown>;
    expect({ ...result, latency_ms: '<n>' }).toEqual({
      model: 'openai/gpt-4o',
      ok: false,
      latency_ms: '<n>',
      error: { type: 'authentication_error', status: 401, message: 'openai/gpt-4o (openai): the API key was rejected (Incorrect API key provided: [redacted]); set a working key with `oss models keys set openai`' },
    });
  });
});
