// Claude Code 2.0's start-up "Warmup" requests (as captured, fixtures/claude-code-releases/subagent-by-release.json)
// are answered by the proxy itself when the background route is not Claude: a well-formed one-word message,
// streamed or not, no upstream call, nothing in the ledger. A Claude background still receives them, where they
// prime the user's prompt cache. Driven with inject() on the real app.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { start } from '../support/scripted-anthropic-server.js';
import { openAITextStream, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { injectableProxy, planFor } from '../support/proxy-harness.js';

interface Captured {
  body: Record<string, unknown> & { messages: unknown[] };
}
const capture = JSON.parse(readFileSync(new URL('../fixtures/claude-code-releases/subagent-by-release.json', import.meta.url), 'utf8')) as Record<string, Record<string, Captured>>;
const WARMUP = capture['2.0.77']!.warmup_request!.body;

function warmupBody(stream: boolean): Record<string, unknown> {
  return { ...WARMUP, tools: [], max_tokens: 32000, stream };
}

const upstream = await startOpenAIUpstream(() => openAITextStream(['main']));
const claude = await start({ text: 'warmed' });
afterAll(async () => {
  await upstream.close();
  await claude.close();
});
const env = { OPENAI_BASE_URL: upstream.url, OPENAI_API_KEY: 'sk-o', ANTHROPIC_BASE_URL: claude.url };
const providerBackground = injectableProxy({ plan: planFor('openai/gpt-4o', { background: { model: 'openai/gpt-4o-mini', source: 'user' } }), env });
const claudeBackground = injectableProxy({ plan: planFor('openai/gpt-4o', { background: { model: 'claude', source: 'user' } }), env });

const READY = {
  id: '<id>',
  type: 'message',
  role: 'assistant',
  model: 'openai/gpt-4o-mini',
  content: [{ type: 'text', text: 'Ready.' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
};

describe('warmup reply', () => {
  it('answers a warmup itself when the background route is not Claude: no upstream call, nothing in the ledger, a stream the SDK accepts', async () => {
    const streamed = await providerBackground.request({ path: '/v1/messages?beta=true', payload: warmupBody(true) });
    const plain = await providerBackground.request({ path: '/v1/messages?beta=true', payload: warmupBody(false) });
    expect([
      streamed.statusCode,
      streamed.headers['content-type'],
      { ...(await accumulateWithSdk(streamed.body)), id: '<id>' },
      plain.statusCode,
      plain.headers['content-type'],
      { ...(plain.json() as Record<string, unknown>), id: '<id>' },
    ]).toEqual([200, 'text/event-stream', { ...READY, parsed_output: null, stop_details: undefined }, 200, 'application/json', READY]);
    expect([upstream.requests, claude.requests, providerBackground.usage]).toEqual([[], [], []]);
  });

  it("passes a warmup to Claude when the background route is Claude, where it primes the user's prompt cache", async () => {
    const response = await claudeBackground.request({ path: '/v1/messages?beta=true', payload: warmupBody(true), headers: { 'x-api-key': 'sk-ant-user' } });
    const message = await accumulateWithSdk(response.body);
    expect(message.content).toEqual([{ type: 'text', text: 'warmed' }]);
    expect(claude.requests.map((request) => [request.path, (request.body as { messages: unknown[] }).messages])).toEqual([['/v1/messages', warmupBody(true).messages]]);
    expect(upstream.requests).toEqual([]);
    expect(claudeBackground.usage.map((event) => [event.prompt, event.model, event.outcome])).toEqual([['oss:ship', 'claude/claude-sonnet-4-5-20250929', 'ok']]);
  });
});
