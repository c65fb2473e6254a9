// Claude pass-through: the user's own credentials go to the Anthropic upstream exactly as Claude Code sent
// them, and nowhere else; an `anthropic`-type provider gets its own key and the upstream model name.
import { afterEach, describe, expect, it } from 'vitest';
import { start, type ScriptedServer } from '../support/scripted-anthropic-server.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { HELLO, planFor, startProxy, type StartedProxy } from '../support/proxy-harness.js';
import { CLAUDE_FALLBACK_MODEL } from '../../src/providers/anthropic/pass-through.js';

const servers: ScriptedServer[] = [];
let running: StartedProxy | undefined;

afterEach(async () => {
  await running?.proxy.shutdown();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  running = undefined;
});

async function server(text: string): Promise<ScriptedServer> {
  const started = await start({ text });
  servers.push(started);
  return started;
}

const USER_HEADERS = {
  'x-api-key': 'sk-ant-user-key',
  authorization: 'Bearer user-oauth-token',
  'anthropic-beta': 'claude-code-20250219,interleaved-thinking-2025-05-14',
  'x-custom-gateway': 'team-a',
};

describe('Claude pass-through', () => {
  it("forwards the user's credentials, betas and custom headers to the Claude upstream and its answer back", async () => {
    const claude = await server('From Claude.');
    running = await startProxy({ plan: planFor('claude'), env: { ANTHROPIC_BASE_URL: claude.url } });
    const response = await running.post('/v1/messages?beta=true', HELLO, USER_HEADERS);
    expect(await accumulateWithSdk(await response.text())).toMatchObject({ content: [{ type: 'text', text: 'From Claude.' }], stop_reason: 'end_turn' });
    const seen = claude.requests[0]!;
    expect(seen.url).toBe('/v1/messages?beta=true');
    expect(seen.headers).toMatchObject({
      'x-api-key': 'sk-ant-user-key',
      authorization: 'Bearer user-oauth-token',
      'anthropic-version': '2023-06-01',
      'anthropic-beta': 'claude-code-20250219,interleaved-thinking-2025-05-14',
      'x-custom-gateway': 'team-a',
    });
    expect(seen.headers.host).toBe(new URL(claude.url).host);
    expect(seen.body).toEqual(HELLO);
  });

  it('sends a claude/<id> route to Claude with that model id', async () => {
    const claude = await server('ok');
    running = await startProxy({ plan: planFor('claude/claude-haiku-4-5'), env: { ANTHROPIC_BASE_URL: claude.url } });
    await (await running.post('/v1/messages', HELLO, USER_HEADERS)).text();
    expect((claude.requests[0]?.body as { model: string }).model).toBe('claude-haiku-4-5');
  });

  it('edge #28: strips thinking blocks with oss-made signatures before Claude, keeps real ones', async () => {
    const claude = await server('ok');
    running = await startProxy({ plan: planFor('claude'), env: { ANTHROPIC_BASE_URL: claude.url } });
    const history = {
      ...HELLO,
      messages: [
        { role: 'user', content: 'one' },
        { role: 'assistant', content: [{ type: 'thinking', thinking: 'mine', signature: 'oss1.none' }, { type: 'text', text: 'A' }] },
        { role: 'user', content: 'two' },
        { role: 'assistant', content: [{ type: 'thinking', thinking: 'real', signature: 'EqQBCkYIBxgCKkD' }, { type: 'text', text: 'B' }] },
        { role: 'assistant', content: [{ type: 'thinking', thinking: 'only', signature: 'oss1.none' }] },
        { role: 'user', content: 'three' },
      ],
    };
    await (await running.post('/v1/messages', history, USER_HEADERS)).text();
    expect((claude.requests[0]?.body as { messages: unknown[] }).messages).toEqual([
      { role: 'user', content: 'one' },
      { role: 'assistant', content: [{ type: 'text', text: 'A' }] },
      { role: 'user', content: 'two' },
      { role: 'assistant', content: [{ type: 'thinking', thinking: 'real', signature: 'EqQBCkYIBxgCKkD' }, { type: 'text', text: 'B' }] },
      { role: 'user', content: 'three' },
    ]);
  });

  it("gives an anthropic-type provider its own key and model name, never the user's Anthropic credentials", async () => {
    const claude = await server('From Claude.');
    const gateway = await server('From the gateway.');
    running = await startProxy({
      plan: planFor('gateway/deepseek-chat'),
      config: { providers: { gateway: { type: 'anthropic', baseUrl: gateway.url, apiKeyEnv: 'GATEWAY_KEY' } } },
      env: { ANTHROPIC_BASE_URL: claude.url, GATEWAY_KEY: 'gw-secret' },
    });
    const response = await running.post('/v1/messages?beta=true', HELLO, USER_HEADERS);
    expect(await accumulateWithSdk(await response.text())).toMatchObject({ content: [{ type: 'text', text: 'From the gateway.' }] });
    expect(claude.requests).toHaveLength(0);
    const seen = gateway.requests[0]!;
    expect(seen.url).toBe('/v1/messages?beta=true');
    expect(seen.headers['x-api-key']).toBe('gw-secret');
    expect(seen.headers.authorization).toBe('Bearer gw-secret');
    expect(seen.headers['anthropic-beta']).toBe(USER_HEADERS['anthropic-beta']);
    expect(seen.headers['x-custom-gateway']).toBeUndefined();
    expect(JSON.stringify(seen.headers)).not.toContain('sk-ant-user-key');
    expect(JSON.stringify(seen.headers)).not.toContain('user-oauth-token');
    expect((seen.body as { model: string }).model).toBe('deepseek-chat');
    expect(running.usage[0]).toMatchObject({ model: 'gateway/deepseek-chat', provider: 'gateway', fallback: false, outcome: 'ok' });
  });

  it('sends a Claude model id to Claude when the request named another provider (fallback)', async () => {
    const claude = await server('ok');
    running = await startProxy({
      plan: planFor('gateway/x'),
      config: { providers: { gateway: { type: 'anthropic', baseUrl: 'http://127.0.0.1:9', apiKeyEnv: 'GATEWAY_KEY' } } },
      env: { ANTHROPIC_BASE_URL: claude.url, GATEWAY_KEY: 'gw' },
    });
    await (await running.post('/v1/messages', { ...HELLO, model: 'gateway/x' }, USER_HEADERS)).text();
    expect((claude.requests[0]?.body as { model: string }).model).toBe(CLAUDE_FALLBACK_MODEL);
  });
});
