// Claude Code's WebSearch sub-request (as captured from the real claude, test/fixtures/claude-code/
// websearch-sub-request.json) through the proxy: where it goes on each kind of route, what the provider
// receives, and the Anthropic answer Claude Code gets back (checked with the official SDK accumulator).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { recordedSearchEvents, start as startAnthropic, type ScriptedServer } from '../../support/scripted-anthropic-server.js';
import { startOpenAIUpstream, openAIError, type ScriptedUpstream } from '../../support/scripted-openai-upstream.js';
import { startGeminiUpstream } from '../../support/scripted-gemini-upstream.js';
import { planFor, startProxy, withoutTimings, type StartedProxy } from '../../support/proxy-harness.js';
import { accumulateWithSdk } from '../../support/sdk-accumulate.js';

const capture = JSON.parse(readFileSync('test/fixtures/claude-code/websearch-sub-request.json', 'utf8')) as {
  search_request: { body: Record<string, unknown> };
};
/** As Claude Code sends it under oss: `model` is the main route's id (ANTHROPIC_MODEL). */
function searchFor(main: string): Record<string, unknown> {
  return { ...capture.search_request.body, model: main };
}
const QUERY = 'oss proxy release date';
const SEARCH_SYSTEM =
  'You run a web search for another model, which is waiting on the result. Search once, then reply with a brief summary of what the results say.';
/** What a provider's own search is asked: the search instruction and Claude Code's query. */
const SEARCH_MESSAGES = [
  { role: 'system', content: SEARCH_SYSTEM },
  { role: 'user', content: QUERY },
];

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function openAIUpstream(script: Parameters<typeof startOpenAIUpstream>[0]): Promise<ScriptedUpstream> {
  const upstream = await startOpenAIUpstream(script);
  cleanups.push(() => upstream.close());
  return upstream;
}

async function proxyFor(options: Parameters<typeof startProxy>[0]): Promise<StartedProxy> {
  const running = await startProxy(options);
  cleanups.push(() => running.proxy.shutdown());
  return running;
}

/** The headers Claude Code sends when the user has no Claude credential (the launcher gave it the secret). */
function secretHeaders(running: StartedProxy): Record<string, string> {
  return { authorization: `Bearer ${running.proxy.secret}` };
}

function annotated(text: string, pages: Array<{ title: string; url: string }>, usage: Record<string, number> = { prompt_tokens: 900, completion_tokens: 40 }): unknown {
  return {
    id: 'gen-1',
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: text,
          annotations: pages.map((page) => ({ type: 'url_citation', url_citation: { ...page, content: 'excerpt', start_index: 0, end_index: 5 } })),
        },
        finish_reason: 'stop',
      },
    ],
    usage,
  };
}

function expectedBlocks(pages: Array<{ title: string; url: string; page_age?: string | null }>, text: string): unknown[] {
  return [
    { type: 'server_tool_use', id: expect.stringMatching(/^srvtoolu_oss_/), name: 'web_search', input: { query: QUERY } },
    {
      type: 'web_search_tool_result',
      tool_use_id: expect.stringMatching(/^srvtoolu_oss_/),
      content: pages.map((page) => ({ type: 'web_search_result', title: page.title, url: page.url, encrypted_content: '', page_age: page.page_age ?? null })),
    },
    { type: 'text', text },
  ];
}

const PAGES = [
  { title: 'OSS 1.0 released', url: 'https://example.com/oss-1-0' },
  { title: 'OSS changelog', url: 'https://example.org/changelog' },
];

describe('WebSearch through the proxy', () => {
  it('searches with the OpenRouter web plugin on an OpenRouter route and answers with server_tool_use and web_search_tool_result blocks', async () => {
    const upstream = await openAIUpstream(() => ({ kind: 'json', body: annotated('OSS 1.0 came out on November 1.', PAGES, { prompt_tokens: 900, completion_tokens: 40, cost: 0.0213 }) }));
    const running = await proxyFor({ plan: planFor('openrouter/deepseek/deepseek-chat'), env: { OPENROUTER_BASE_URL: upstream.url, OPENROUTER_API_KEY: 'sk-or-key' }, claudeAvailable: false });

    const response = await running.post('/v1/messages?beta=true', searchFor('openrouter/deepseek/deepseek-chat'), secretHeaders(running));
    const message = await accumulateWithSdk(await response.text());

    expect(response.status).toBe(200);
    expect(message.content).toEqual(expectedBlocks(PAGES, 'OSS 1.0 came out on November 1.'));
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.server_tool_use).toEqual({ web_search_requests: 1 });
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer sk-or-key');
    expect(upstream.requests[0]?.body).toEqual({
      model: 'deepseek/deepseek-chat',
      messages: SEARCH_MESSAGES,
      stream: false,
      max_tokens: 4096,
      plugins: [{ id: 'web', max_results: 5 }],
      usage: { include: true },
    });
    expect(running.usage.map(withoutTimings)).toEqual([
      {
        prompt: 'oss:ship',
        model: 'openrouter/deepseek/deepseek-chat',
        provider: 'openrouter',
        input_tokens: 900,
        output_tokens: 40,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        provider_cost_usd: 0.0213,
        web_search_requests: 1,
        fallback: false,
        latency_ms: '<ms>',
        ttfb_ms: '<ms>',
        outcome: 'ok',
        at: '<time>',
      },
    ]);
  });

  it('prices the OpenRouter web plugin at $4 per 1000 results when OpenRouter reports no cost', async () => {
    const upstream = await openAIUpstream(() => ({ kind: 'json', body: annotated('Found it.', PAGES) }));
    const running = await proxyFor({ plan: planFor('openrouter/deepseek/deepseek-chat'), env: { OPENROUTER_BASE_URL: upstream.url, OPENROUTER_API_KEY: 'sk-or-key' }, claudeAvailable: false });

    await (await running.post('/v1/messages', searchFor('openrouter/deepseek/deepseek-chat'), secretHeaders(running))).text();

    expect(running.usage[0]?.search_fee_usd).toBe(0.008);
    expect(running.usage[0]?.provider_cost_usd).toBeUndefined();
  });

  it('searches with Google Search grounding on a Gemini route and lists the grounding chunks as results', async () => {
    const upstream = await startGeminiUpstream(() => ({
      kind: 'json',
      body: {
        candidates: [
          {
            content: { role: 'model', parts: [{ text: 'OSS 1.0 shipped ' }, { text: 'on November 1.' }] },
            finishReason: 'STOP',
            groundingMetadata: {
              webSearchQueries: [QUERY],
              groundingChunks: [{ web: { uri: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/abc', title: 'example.com' } }],
            },
          },
        ],
        usageMetadata: { promptTokenCount: 30, candidatesTokenCount: 12, toolUsePromptTokenCount: 400, totalTokenCount: 442 },
      },
    }));
    cleanups.push(() => upstream.close());
    const running = await proxyFor({ plan: planFor('gemini/gemini-2.5-flash'), env: { GEMINI_BASE_URL: upstream.url, GEMINI_API_KEY: 'g-key' }, claudeAvailable: false });

    const message = await accumulateWithSdk(await (await running.post('/v1/messages', searchFor('gemini/gemini-2.5-flash'), secretHeaders(running))).text());

    expect(message.content).toEqual(expectedBlocks([{ title: 'example.com', url: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/abc' }], 'OSS 1.0 shipped on November 1.'));
    expect(upstream.requests[0]?.path).toBe('/models/gemini-2.5-flash:generateContent');
    expect(upstream.requests[0]?.headers['x-goog-api-key']).toBe('g-key');
    expect(upstream.requests[0]?.body).toEqual({
      systemInstruction: { parts: [{ text: SEARCH_SYSTEM }] },
      contents: [{ role: 'user', parts: [{ text: QUERY }] }],
      tools: [{ google_search: {} }],
      generationConfig: { maxOutputTokens: 4096 },
    });
  });

  it("sends an OpenAI route's search to OpenAI's search model with web_search_options when Claude Code sent no Claude credentials", async () => {
    const upstream = await openAIUpstream(() => ({ kind: 'json', body: annotated('Released November 1.', PAGES.slice(0, 1)) }));
    const running = await proxyFor({ plan: planFor('openai/gpt-4o'), env: { OPENAI_BASE_URL: upstream.url, OPENAI_API_KEY: 'sk-openai' }, claudeAvailable: false });

    const message = await accumulateWithSdk(await (await running.post('/v1/messages', searchFor('openai/gpt-4o'), secretHeaders(running))).text());

    expect(message.content).toEqual(expectedBlocks(PAGES.slice(0, 1), 'Released November 1.'));
    expect(upstream.requests[0]?.body).toEqual({
      model: 'gpt-4o-mini-search-preview',
      messages: SEARCH_MESSAGES,
      stream: false,
      web_search_options: {},
      max_completion_tokens: 4096,
    });
    expect(running.usage[0]?.model).toBe('openai/gpt-4o-mini-search-preview');
  });

  it('follows models.search to a Perplexity model, which always searches, and reads its search_results', async () => {
    const upstream = await openAIUpstream(() => ({
      kind: 'json',
      body: {
        choices: [{ index: 0, message: { role: 'assistant', content: 'November 1.' }, finish_reason: 'stop' }],
        search_results: [{ title: 'OSS 1.0 released', url: 'https://example.com/oss-1-0', date: '2026-11-01' }],
        citations: ['https://example.com/oss-1-0', 'https://example.net/news'],
        usage: { prompt_tokens: 20, completion_tokens: 5, cost: 0.0051 },
      },
    }));
    const plan = planFor('ollama/llama3.2', { search: { model: 'openrouter/perplexity/sonar', source: 'project', file: '/p/.oss/config.json' } });
    const running = await proxyFor({ plan, env: { OPENROUTER_BASE_URL: upstream.url, OPENROUTER_API_KEY: 'sk-or-key' }, claudeAvailable: false });

    const message = await accumulateWithSdk(await (await running.post('/v1/messages', searchFor('ollama/llama3.2'), secretHeaders(running))).text());

    expect(message.content).toEqual(
      expectedBlocks(
        [
          { title: 'OSS 1.0 released', url: 'https://example.com/oss-1-0', page_age: '2026-11-01' },
          { title: 'https://example.net/news', url: 'https://example.net/news' },
        ],
        'November 1.',
      ),
    );
    const sent = upstream.requests[0]?.body as Record<string, unknown>;
    expect(sent.model).toBe('perplexity/sonar');
    expect(sent.plugins).toBeUndefined();
    expect(running.usage[0]?.model).toBe('openrouter/perplexity/sonar');
  });

  it("sends the search to Claude with the subscriber's own authorization when the route cannot search, and prices the search fee", async () => {
    const anthropic: ScriptedServer = await startAnthropic({
      handler: () => ({ kind: 'sse', events: recordedSearchEvents() }),
    });
    cleanups.push(() => anthropic.close());
    const upstream = await openAIUpstream(() => openAIError(500, 'must not be called'));
    const running = await proxyFor({
      plan: planFor('ollama/llama3.2'),
      env: { ANTHROPIC_BASE_URL: anthropic.url, OLLAMA_HOST: upstream.url },
      claudeAvailable: false,
    });

    const response = await running.post('/v1/messages?beta=true', searchFor('ollama/llama3.2'), { authorization: 'Bearer sk-ant-oat01-subscriber' });
    const message = await accumulateWithSdk(await response.text());

    expect(message.content.map((block) => block.type)).toEqual(['text', 'server_tool_use', 'web_search_tool_result', 'text', 'text', 'text']);
    expect(upstream.requests).toHaveLength(0);
    expect(anthropic.requests).toHaveLength(1);
    expect(anthropic.requests[0]?.url).toBe('/v1/messages?beta=true');
    expect(anthropic.requests[0]?.headers.authorization).toBe('Bearer sk-ant-oat01-subscriber');
    expect(anthropic.requests[0]?.body).toEqual({ ...searchFor('ollama/llama3.2'), model: 'claude-sonnet-5-5' });
    expect(withoutTimings(running.usage[0])).toEqual({
      prompt: 'oss:ship',
      model: 'claude/claude-sonnet-5-5',
      provider: 'claude',
      input_tokens: 12957,
      output_tokens: 152,
      cache_read_tokens: 0,
      cache_write_tokens: 0,
      web_search_requests: 1,
      search_fee_usd: 0.01,
      fallback: false,
      latency_ms: '<ms>',
      ttfb_ms: '<ms>',
      outcome: 'ok',
      at: '<time>',
    });
  });

  it('answers 400 with the next step, and calls nothing, when neither the route nor Claude can search', async () => {
    const upstream = await openAIUpstream(() => openAIError(500, 'must not be called'));
    const running = await proxyFor({ plan: planFor('ollama/llama3.2'), env: { OLLAMA_HOST: upstream.url }, claudeAvailable: false });

    const response = await running.post('/v1/messages', searchFor('ollama/llama3.2'), secretHeaders(running));

    expect(response.status).toBe(400);
    expect(response.headers.get('x-should-retry')).toBe('false');
    expect(await response.json()).toEqual({
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message:
          'oss: WebSearch needs Claude or a model with its own web search, and ollama/llama3.2 has neither: set models.search to claude (with ANTHROPIC_API_KEY or `claude /login`) or to a model that searches, e.g. openrouter/perplexity/sonar or gemini/gemini-2.5-flash',
      },
    });
    expect(upstream.requests).toHaveLength(0);
    expect(running.usage).toEqual([]);
  });

  it('falls back to Claude when the route’s own search fails and Claude Code sent Claude credentials', async () => {
    const anthropic: ScriptedServer = await startAnthropic({ handler: () => ({ kind: 'sse', events: recordedSearchEvents() }) });
    cleanups.push(() => anthropic.close());
    const upstream = await openAIUpstream(() => openAIError(401, 'bad key', {}, 'authentication_error'));
    const running = await proxyFor({
      plan: planFor('openrouter/deepseek/deepseek-chat'),
      env: { OPENROUTER_BASE_URL: upstream.url, OPENROUTER_API_KEY: 'sk-or-key', ANTHROPIC_BASE_URL: anthropic.url },
    });

    const response = await running.post('/v1/messages', searchFor('openrouter/deepseek/deepseek-chat'), { 'x-api-key': 'sk-ant-user' });
    await response.text();

    expect(response.status).toBe(200);
    expect(anthropic.requests[0]?.headers['x-api-key']).toBe('sk-ant-user');
    expect(running.fallbacks).toHaveLength(1);
    expect(running.fallbacks[0]).toMatch(/^oss: WebSearch through openrouter\/deepseek\/deepseek-chat failed \(.*\): falling back to Claude$/);
    expect(running.usage.map((event) => [event.model, event.fallback, event.search_fee_usd])).toEqual([['claude/claude-sonnet-5-5', true, 0.01]]);
  });

  it('refuses models.search: claude when Claude Code sent no Claude credentials, saying how to sign in', async () => {
    const running = await proxyFor({ plan: planFor('ollama/llama3.2', { search: { model: 'claude', source: 'user' } }), claudeAvailable: false });

    const response = await running.post('/v1/messages', searchFor('ollama/llama3.2'), secretHeaders(running));

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'oss: models.search is claude, but Claude Code sent no Claude credentials: set ANTHROPIC_API_KEY or run `claude /login`, or set models.search to a model that searches',
    );
  });

  it('refuses another server tool on a route without Claude, naming the tool', async () => {
    const running = await proxyFor({ plan: planFor('ollama/llama3.2'), claudeAvailable: false });
    const body = { ...searchFor('ollama/llama3.2'), tools: [{ type: 'web_fetch_20250910', name: 'web_fetch' }] };

    const response = await running.post('/v1/messages', body, secretHeaders(running));

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'oss: the server tool web_fetch_20250910 runs only on Claude, and Claude Code sent no Claude credentials: set ANTHROPIC_API_KEY or run `claude /login`',
    );
  });

  it("turns a failing provider search into a 400 naming the model, when there is no Claude to fall back to", async () => {
    const upstream = await openAIUpstream(() => openAIError(401, 'User not found.', {}, 'authentication_error'));
    const running = await proxyFor({ plan: planFor('openrouter/deepseek/deepseek-chat'), env: { OPENROUTER_BASE_URL: upstream.url, OPENROUTER_API_KEY: 'sk-or-bad' }, claudeAvailable: false });

    const response = await running.post('/v1/messages', searchFor('openrouter/deepseek/deepseek-chat'), secretHeaders(running));
    const body = (await response.json()) as { error: { type: string; message: string } };

    expect(response.status).toBe(400);
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toBe(
      'oss: WebSearch through openrouter/deepseek/deepseek-chat failed: openrouter/deepseek/deepseek-chat (openrouter): the API key was rejected (User not found.); set a working key with `oss models keys set openrouter`',
    );
    expect(running.usage.map((event) => [event.model, event.outcome])).toEqual([['openrouter/deepseek/deepseek-chat', 'error']]);
  });

  it('answers a non-streaming search with one JSON message', async () => {
    const upstream = await openAIUpstream(() => ({ kind: 'json', body: annotated('Found it.', PAGES) }));
    const running = await proxyFor({ plan: planFor('openrouter/deepseek/deepseek-chat'), env: { OPENROUTER_BASE_URL: upstream.url, OPENROUTER_API_KEY: 'k' }, claudeAvailable: false });

    const response = await running.post('/v1/messages', { ...searchFor('openrouter/deepseek/deepseek-chat'), stream: false }, secretHeaders(running));
    const body = (await response.json()) as Record<string, unknown>;

    expect(response.headers.get('content-type')).toBe('application/json');
    expect(body.content).toEqual(expectedBlocks(PAGES, 'Found it.'));
    expect(body.usage).toEqual({ input_tokens: 900, output_tokens: 40, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, server_tool_use: { web_search_requests: 1 } });
  });
});
