// The proxy's routes as Fastify serves them, driven with inject(): no port, no socket, the real app with its
// guard, body parser and routes. What needs the wire (keep-alive, streams, a real claude) is tested elsewhere.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { geminiAdapter } from '../../src/providers/gemini/adapter.js';
import { openAIChatAdapter } from '../../src/providers/openai-chat/adapter.js';
import { buildServer } from '../../src/proxy/build-server.js';
import { DEFAULT_RETRY } from '../../src/proxy/fallback-policy.js';
import { RouteTargets } from '../../src/proxy/route-targets.js';
import { planModels } from '../../src/proxy/select-route.js';
import { planFor } from '../support/proxy-harness.js';

const SECRET = 's3cret-path';
const PORT = 41234;
const plan = planFor('openai/gpt-4o');
const dispatcher = new Agent();
const app = buildServer({
  secret: SECRET,
  port: () => PORT,
  plan,
  messages: {
    plan,
    knownModels: planModels(plan),
    targets: new RouteTargets({}, { OSS_HOME: mkdtempSync(join(tmpdir(), 'oss-routes-')) }, { openai: openAIChatAdapter, gemini: geminiAdapter }),
    dispatcher,
    claudeBaseUrl: 'http://127.0.0.1:9',
    claudeAvailable: false,
    secret: SECRET,
    retry: DEFAULT_RETRY,
    pingIntervalMs: 10_000,
    streamHeadersMs: 1000,
  },
});

afterAll(async () => {
  await app.close();
  await dispatcher.close();
});

const host = { host: `127.0.0.1:${PORT}` };

describe('proxy routes (inject)', () => {
  it("lists the plan's models at /v1/models in Anthropic's shape", async () => {
    const response = await app.inject({ method: 'GET', url: `/${SECRET}/v1/models`, headers: host });
    expect([response.statusCode, response.json()]).toEqual([
      200,
      { data: [{ id: 'openai/gpt-4o', type: 'model', display_name: 'openai/gpt-4o' }], has_more: false, first_id: 'openai/gpt-4o', last_id: 'openai/gpt-4o' },
    ]);
  });

  it('answers the health check at the secret root, for GET and HEAD', async () => {
    const get = await app.inject({ method: 'GET', url: `/${SECRET}/`, headers: host });
    const head = await app.inject({ method: 'HEAD', url: `/${SECRET}/`, headers: host });
    expect([get.statusCode, get.json(), head.statusCode]).toEqual([200, { status: 'ok' }, 200]);
  });

  it('refuses a wrong secret or a foreign Host with a non-retryable 403', async () => {
    const refused = { type: 'error', error: { type: 'permission_error', message: 'oss proxy: wrong path or host for this proxy' } };
    const answers = await Promise.all([
      app.inject({ method: 'GET', url: '/not-the-secret/v1/models', headers: host }),
      app.inject({ method: 'GET', url: `/${SECRET}/v1/models`, headers: { host: `evil.example:${PORT}` } }),
    ]);
    expect(answers.map((answer) => [answer.statusCode, answer.headers['x-should-retry'], answer.json()])).toEqual([
      [403, 'false', refused],
      [403, 'false', refused],
    ]);
  });

  it('checks a count_tokens request before loading the tokenizer: a malformed one is a 400', async () => {
    const response = await app.inject({ method: 'POST', url: `/${SECRET}/v1/messages/count_tokens`, headers: { ...host, 'content-type': 'application/json' }, payload: { model: 'x' } });
    expect([response.statusCode, response.headers['x-should-retry'], response.json().error.type]).toEqual([400, 'false', 'invalid_request_error']);
  });

  it('answers a messages request for a provider with no key in Anthropic shape, without a socket', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/${SECRET}/v1/messages`,
      headers: { ...host, 'content-type': 'application/json' },
      payload: { model: 'openai/gpt-4o', max_tokens: 16, messages: [{ role: 'user', content: 'Hi' }] },
    });
    expect([response.statusCode, response.headers['x-should-retry'], response.json()]).toEqual([
      401,
      'false',
      { type: 'error', error: { type: 'authentication_error', message: 'no API key for openai: set OPENAI_API_KEY or run `oss models keys set openai`' } },
    ]);
  });
});
