// A subscriber's own credential through the proxy, with the headers the real Claude Code 2.1.332 sends for a
// claude.ai login (fixtures/claude-code/trimmed/subscriber-credentials.json): relayed whole to Anthropic for a Claude
// route and for fallback, never to another provider; the launcher's placeholder token never leaves the proxy.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claudeCredentialHeaders } from '../../src/proxy/claude-credential-headers.js';
import type { ScriptedHandler, ScriptedServer } from '../support/scripted-anthropic-server.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { closeAfterEach, HELLO, planFor, type StartedProxy } from '../support/proxy-harness.js';

interface Capture {
  claude_ai_login: { headers: Record<string, string> };
}
const captured = (JSON.parse(readFileSync(new URL('../fixtures/claude-code/trimmed/subscriber-credentials.json', import.meta.url), 'utf8')) as Capture).claude_ai_login.headers;
/** What Claude Code sends with a claude.ai login, as recorded. */
const SUBSCRIBER = { authorization: captured.authorization ?? '', 'anthropic-beta': captured['anthropic-beta'] ?? '' };
const BEARER = 'Bearer sk-ant-oat01-FAKE-ACCESS-TOKEN-FOR-TESTS';

const session = closeAfterEach();

function server(text: string, handler?: ScriptedHandler): Promise<ScriptedServer> {
  return session.anthropic({ text, ...(handler ? { handler } : {}) });
}

/** A scripted `anthropic`-type gateway as the main route (fallback on), the scripted Claude, and the proxy in front. */
async function gatewayRun(handler?: ScriptedHandler): Promise<{ gateway: ScriptedServer; claude: ScriptedServer; running: StartedProxy }> {
  const gateway = await server('From the gateway.', handler);
  const claude = await server('From Claude.');
  const running = await session.startProxy({
    plan: planFor('gateway/model-a'),
    config: { providers: { gateway: { type: 'anthropic', baseUrl: gateway.url, apiKeyEnv: 'GATEWAY_KEY' } } },
    env: { ANTHROPIC_BASE_URL: claude.url, GATEWAY_KEY: 'gw-key' },
  });
  return { gateway, claude, running };
}

describe('a subscriber\'s credential through the proxy', () => {
  it('recorded login headers are a bearer token with the oauth beta', () => {
    expect(SUBSCRIBER.authorization).toBe(BEARER);
    expect(SUBSCRIBER['anthropic-beta'].split(',')).toContain('oauth-2025-04-20');
  });

  it('relays the login bearer and betas to Anthropic for a Claude route', async () => {
    const claude = await server('From Claude.');
    const running = await session.startProxy({ plan: planFor('claude'), env: { ANTHROPIC_BASE_URL: claude.url } });
    const reply = await accumulateWithSdk(await (await running.post('/v1/messages?beta=true', HELLO, SUBSCRIBER)).text());
    expect(reply.content).toEqual([{ type: 'text', text: 'From Claude.' }]);
    expect(claude.requests.map((request) => [request.headers.authorization, request.headers['anthropic-beta'], request.headers['x-api-key']])).toEqual([
      [BEARER, SUBSCRIBER['anthropic-beta'], undefined],
    ]);
  });

  it('gives an Anthropic-compatible provider its own key, not the bearer, and the betas without the login\'s', async () => {
    const { gateway, claude, running } = await gatewayRun();
    await (await running.post('/v1/messages?beta=true', HELLO, SUBSCRIBER)).text();
    const sent = gateway.requests[0]?.headers;
    expect([sent?.authorization, sent?.['x-api-key']]).toEqual(['Bearer gw-key', 'gw-key']);
    expect(sent?.['anthropic-beta']).toBe(SUBSCRIBER['anthropic-beta'].split(',').filter((beta) => beta !== 'oauth-2025-04-20').join(','));
    expect(JSON.stringify(gateway.requests)).not.toContain('sk-ant-oat01');
    expect(claude.requests).toHaveLength(0);
  });

  it('falls back to Claude with the subscriber\'s bearer when the provider fails', async () => {
    const { claude, running } = await gatewayRun(() => ({ kind: 'error', status: 401, type: 'authentication_error', message: 'bad gateway key' }));
    const reply = await accumulateWithSdk(await (await running.post('/v1/messages?beta=true', HELLO, SUBSCRIBER)).text());
    expect(reply.content).toEqual([{ type: 'text', text: 'From Claude.' }]);
    expect(claude.requests.map((request) => request.headers.authorization)).toEqual([BEARER]);
    expect(running.fallbacks).toHaveLength(1);
  });

  it('with only the placeholder token, does not fall back and never forwards the placeholder', async () => {
    const { gateway, claude, running } = await gatewayRun(() => ({ kind: 'error', status: 401, type: 'authentication_error', message: 'bad gateway key' }));
    const placeholder = `Bearer ${running.proxy.secret}`;
    const response = await running.post('/v1/messages?beta=true', HELLO, { authorization: placeholder });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ type: 'error', error: { type: 'authentication_error', message: 'gateway/model-a (gateway): the API key was rejected (bad gateway key); set a working key with `oss models keys set gateway`' } });
    expect(claude.requests).toHaveLength(0);
    expect(JSON.stringify(gateway.requests)).not.toContain(running.proxy.secret);
  });
});

describe('claudeCredentialHeaders', () => {
  it('drops the placeholder and says Claude is out of reach when nothing else is there', () => {
    expect(claudeCredentialHeaders({ authorization: 'Bearer s3cret', 'x-app': 'cli' }, 's3cret')).toEqual({ headers: { 'x-app': 'cli' }, placeholderOnly: true });
  });

  it('keeps an API key sent beside the placeholder, without the placeholder', () => {
    expect(claudeCredentialHeaders({ authorization: 'Bearer s3cret', 'x-api-key': 'sk-ant-user' }, 's3cret')).toEqual({ headers: { 'x-api-key': 'sk-ant-user' }, placeholderOnly: false });
  });

  it('leaves the user\'s own bearer untouched', () => {
    const headers = { authorization: BEARER };
    expect(claudeCredentialHeaders(headers, 's3cret')).toEqual({ headers, placeholderOnly: false });
  });
});
