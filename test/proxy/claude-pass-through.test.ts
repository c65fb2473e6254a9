// Claude pass-through: the user's own credentials go to the Anthropic upstream exactly as Claude Code sent
// them, and nowhere else; an `anthropic`-type provider gets its own key and the upstream model name.
import { describe, expect, it } from 'vitest';
import type { ScriptedServer } from '../support/scripted-anthropic-server.js';
import { sdkMessage, usageEvent } from '../support/expected-messages.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { closeAfterEach, HELLO, planFor, withoutTimings, type StartedProxy } from '../support/proxy-harness.js';
import { CLAUDE_FALLBACK_MODEL } from '../../src/providers/anthropic/pass-through.js';

const session = closeAfterEach();
let running: StartedProxy | undefined;

function server(text: string): Promise<ScriptedServer> {
  return session.anthropic({ text });
}

/** The usage event for one successful request, timings as placeholders. */
function usageOf(model: string, provider: string, [input_tokens, output_tokens]: [number, number]) {
  return usageEvent(model, provider, { input_tokens, output_tokens });
}

const USER_HEADERS = {
  'x-api-key': 'sk-ant-user-key',
  authorization: 'Bearer user-oauth-token',
  'anthropic-beta': 'claude-code-20250219,interleaved-thinking-2025-05-14',
  'x-custom-gateway': 'team-a',
};

/** A message the scripted Claude server streams, as the SDK accumulates it. */
function streamed(text: string, model: string, inputTokens: number) {
  return sdkMessage(text, { model, usage: [inputTokens, 7] });
}

describe('Claude pass-through', () => {
  it("forwards the user's credentials, betas and custom headers to the Claude upstream and its answer back", async () => {
    const claude = await server('From Claude.');
    running = await session.startProxy({ plan: planFor('claude'), env: { ANTHROPIC_BASE_URL: claude.url } });
    const response = await running.post('/v1/messages?beta=true', HELLO, USER_HEADERS);
    expect(await accumulateWithSdk(await response.text())).toEqual(streamed('From Claude.', 'claude-opus-5-5', 26));
    const seen = claude.requests[0]!;
    expect(seen.url).toBe('/v1/messages?beta=true');
    // Every header Claude Code's fetch sent goes on as it was, with only the connection-level ones rewritten.
    expect(seen.headers).toEqual({
      'x-api-key': 'sk-ant-user-key',
      authorization: 'Bearer user-oauth-token',
      'anthropic-version': '2023-06-01',
      'anthropic-beta': 'claude-code-20250219,interleaved-thinking-2025-05-14',
      'x-custom-gateway': 'team-a',
      accept: '*/*',
      'accept-language': '*',
      'sec-fetch-mode': 'cors',
      'user-agent': 'node',
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(JSON.stringify(HELLO))),
      connection: 'keep-alive',
      host: new URL(claude.url).host,
    });
    expect(seen.body).toEqual(HELLO);
  });

  it('sends a claude/<id> route to Claude with that model id and reports usage under it', async () => {
    const claude = await server('ok');
    running = await session.startProxy({ plan: planFor('claude/claude-haiku-4-5'), env: { ANTHROPIC_BASE_URL: claude.url } });
    const message = await accumulateWithSdk(await (await running.post('/v1/messages', HELLO, USER_HEADERS)).text());
    expect(message).toEqual(streamed('ok', 'claude-haiku-4-5', 27));
    expect(claude.requests[0]?.body).toEqual({ ...HELLO, model: 'claude-haiku-4-5' });
    expect(running.usage.map(withoutTimings)).toEqual([usageOf('claude/claude-haiku-4-5', 'claude', [27, 7])]);
  });

  it('edge #28: strips thinking blocks with oss-made signatures before Claude, keeps real ones', async () => {
    const claude = await server('ok');
    running = await session.startProxy({ plan: planFor('claude'), env: { ANTHROPIC_BASE_URL: claude.url } });
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
    expect(await accumulateWithSdk(await (await running.post('/v1/messages', history, USER_HEADERS)).text())).toEqual(streamed('ok', 'claude-opus-5-5', 89));
    expect(claude.requests[0]?.body).toEqual({
      ...HELLO,
      messages: [
        { role: 'user', content: 'one' },
        { role: 'assistant', content: [{ type: 'text', text: 'A' }] },
        { role: 'user', content: 'two' },
        { role: 'assistant', content: [{ type: 'thinking', thinking: 'real', signature: 'EqQBCkYIBxgCKkD' }, { type: 'text', text: 'B' }] },
        { role: 'user', content: 'three' },
      ],
    });
  });

  it("gives an anthropic-type provider its own key and model name, never the user's Anthropic credentials", async () => {
    const claude = await server('From Claude.');
    const gateway = await server('From the gateway.');
    running = await session.startProxy({
      plan: planFor('gateway/deepseek-chat'),
      config: { providers: { gateway: { type: 'anthropic', baseUrl: gateway.url, apiKeyEnv: 'GATEWAY_KEY' } } },
      env: { ANTHROPIC_BASE_URL: claude.url, GATEWAY_KEY: 'gw-secret' },
    });
    const response = await running.post('/v1/messages?beta=true', HELLO, USER_HEADERS);
    expect(await accumulateWithSdk(await response.text())).toEqual(streamed('From the gateway.', 'deepseek-chat', 26));
    expect(claude.requests).toHaveLength(0);
    const seen = gateway.requests[0]!;
    expect(seen.url).toBe('/v1/messages?beta=true');
    expect(seen.headers).toEqual({
      'x-api-key': 'gw-secret',
      authorization: 'Bearer gw-secret',
      'anthropic-version': '2023-06-01',
      'anthropic-beta': USER_HEADERS['anthropic-beta'],
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(JSON.stringify({ ...HELLO, model: 'deepseek-chat' }))),
      connection: 'keep-alive',
      host: new URL(gateway.url).host,
    });
    expect(JSON.stringify(seen)).not.toContain('sk-ant-user-key');
    expect(JSON.stringify(seen)).not.toContain('user-oauth-token');
    expect(seen.body).toEqual({ ...HELLO, model: 'deepseek-chat' });
    expect(running.usage.map(withoutTimings)).toEqual([usageOf('gateway/deepseek-chat', 'gateway', [26, 7])]);
  });

  it('on fallback, sends Claude its fallback model id (not the oss id the request named) and tells the user why', async () => {
    const claude = await server('ok');
    running = await session.startProxy({
      plan: planFor('gateway/x'),
      config: { providers: { gateway: { type: 'anthropic', baseUrl: 'http://127.0.0.1:9', apiKeyEnv: 'GATEWAY_KEY' } } },
      env: { ANTHROPIC_BASE_URL: claude.url, GATEWAY_KEY: 'gw' },
    });
    const message = await accumulateWithSdk(await (await running.post('/v1/messages', { ...HELLO, model: 'gateway/x' }, USER_HEADERS)).text());
    expect(message).toEqual(streamed('ok', CLAUDE_FALLBACK_MODEL, 27));
    expect(claude.requests[0]?.body).toEqual({ ...HELLO, model: CLAUDE_FALLBACK_MODEL });
    expect(running.usage.map(withoutTimings)).toEqual([{ ...usageOf(`claude/${CLAUDE_FALLBACK_MODEL}`, 'claude', [27, 7]), fallback: true }]);
    expect(running.fallbacks).toEqual(["oss: gateway/x failed (gateway at http://127.0.0.1:9: cannot connect (ECONNREFUSED); check the provider's base URL): falling back to Claude"]);
  });
});
