// The routes Claude Code uses, as the proxy's Fastify app serves them, driven with inject(): no port, no
// socket, the real app with its guards, body parser and routes. What needs the wire (keep-alive, streams, a
// real claude, shutdown) is tested over loopback in test/proxy/model-proxy.test.ts and beside it.
import { afterAll, describe, expect, it } from 'vitest';
import { start } from '../support/scripted-anthropic-server.js';
import { anthropicError } from '../support/expected-messages.js';
import { injectableProxy, planFor, replyOf } from '../support/proxy-harness.js';

const claude = await start({ text: 'Hello from Claude.' });
afterAll(() => claude.close());
const proxy = injectableProxy({
  plan: planFor('openrouter/deepseek/deepseek-chat', { background: { model: 'ollama/llama3.2', source: 'user' } }),
  env: { ANTHROPIC_BASE_URL: claude.url },
});
/** An OpenAI route with no key, Claude off: the messages route's own answer, no upstream involved. */
const noKey = injectableProxy({ plan: planFor('openai/gpt-4o'), claudeAvailable: false });

describe('proxy routes', () => {
  it("lists the plan's models on GET /v1/models in Anthropic's shape, whatever the query", async () => {
    const response = await proxy.request({ method: 'GET', path: '/v1/models?limit=1000' });
    expect(replyOf(response, [])).toEqual({
      status: 200,
      body: {
        data: [
          { id: 'openrouter/deepseek/deepseek-chat', type: 'model', display_name: 'openrouter/deepseek/deepseek-chat' },
          { id: 'ollama/llama3.2', type: 'model', display_name: 'ollama/llama3.2' },
        ],
        has_more: false,
        first_id: 'openrouter/deepseek/deepseek-chat',
        last_id: 'ollama/llama3.2',
      },
    });
  });

  it('answers GET / and HEAD / as a health check under the secret', async () => {
    const get = await proxy.request({ method: 'GET', path: '/' });
    const head = await proxy.request({ method: 'HEAD', path: '/' });
    expect([replyOf(get, []), head.statusCode, head.body]).toEqual([{ status: 200, body: { status: 'ok' } }, 200, '']);
  });

  it('answers count_tokens locally with the tokenizer count instead of a 404', async () => {
    const request = { model: 'x', messages: [{ role: 'user', content: 'Hello there, how are you?' }] };
    const response = await proxy.request({ path: '/v1/messages/count_tokens?beta=true', payload: request });
    // o200k_base: 7 tokens of text, + 4 framing for the message + 3 reply priming.
    expect(replyOf(response, [])).toEqual({ status: 200, body: { input_tokens: 14 } });
    expect(claude.requests).toHaveLength(0);
  });

  it('answers a messages request for a provider with no key in Anthropic shape, when Claude is off', async () => {
    const response = await noKey.request({ path: '/v1/messages', payload: { model: 'openai/gpt-4o', max_tokens: 16, messages: [{ role: 'user', content: 'Hi' }] } });
    expect(replyOf(response)).toEqual({
      status: 401,
      'x-should-retry': 'false',
      body: anthropicError('authentication_error', 'no API key for openai: set OPENAI_API_KEY or run `oss models keys set openai`'),
    });
  });
});
