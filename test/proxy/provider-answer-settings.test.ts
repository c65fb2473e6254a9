// Through the real proxy: reasoning tokens an xAI-style server reports beside completion_tokens reach the
// usage event, and so the cost; `providers.<name>.thinkTags: false` keeps `<think>…</think>` as answer text for a
// provider whose models write such tags on purpose (the default reads them as thinking).
import { describe, expect, it } from 'vitest';
import { costOfEvent } from '../../src/usage/cost.js';
import type { OssConfig } from '../../src/config/config-types.js';
import { defaultRegistry } from '../../src/registry/registry.js';
import { closeAfterEach, planFor, startProxy } from '../support/proxy-harness.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { ownFixtureText } from '../support/shared-fixtures.js';
import { startScriptedUpstream, type ScriptedUpstream } from '../support/scripted-upstream.js';

/** Prices from the registry of this process's environment. */
const getPricing = (modelId: string, config?: OssConfig) => defaultRegistry().getPricing(modelId, config);

const ASK = { model: 'claude-opus-5-5', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'Hello' }] };
const asSse = (jsonl: string): string[] => jsonl.split('\n').filter((l) => l.trim()).map((l) => `data: ${l}\n\n`);

const session = closeAfterEach<ScriptedUpstream>();

describe('provider answers through the proxy', () => {
  it('xAI reasoning tokens reported outside completion_tokens are output tokens in the usage event, and are priced', async () => {
    session.upstream = await startScriptedUpstream(() => ({ kind: 'sse', chunks: asSse(ownFixtureText('openai/reasoning-tokens-outside-completion.jsonl')) }));
    const config = { pricing: { 'xai/grok-3-mini': { input: 0.3, output: 0.5, cacheRead: 0.075 } } };
    session.running = await startProxy({ plan: planFor('xai/grok-3-mini', { fallback: false }), config, env: { XAI_BASE_URL: `${session.upstream.url}/v1`, XAI_API_KEY: 'xai-key' } });
    const message = await accumulateWithSdk(await (await session.running.post('/v1/messages', ASK)).text());
    expect(message.usage).toEqual({ input_tokens: 10, output_tokens: 341, cache_read_input_tokens: 2, cache_creation_input_tokens: 0 });
    const event = session.running.usage[0];
    expect([event?.input_tokens, event?.output_tokens, event?.cache_read_tokens]).toEqual([10, 341, 2]);
    // Priced as the launcher prices it at exit (config pricing wins): 10 × 0.3 + 341 × 0.5 + 2 × 0.075 per million.
    expect(costOfEvent(event!, getPricing, config)).toEqual({ cost_usd: 0.00017365, unpriced: false });
  });

  it('thinkTags: false in the provider config keeps <think>…</think> as answer text; without it the same stream gives a thinking block', async () => {
    const chunks = ownFixtureText('openai/think-tags-split.sse').split(/(?<=\n\n)/);
    session.upstream = await startScriptedUpstream(() => ({ kind: 'sse', chunks }));
    const env = { TOGETHER_BASE_URL: `${session.upstream.url}/v1`, TOGETHER_API_KEY: 'together-key' };
    session.running = await startProxy({ plan: planFor('together/deepseek-ai/DeepSeek-R1', { fallback: false }), config: { providers: { together: { thinkTags: false } } }, env });
    const literal = await accumulateWithSdk(await (await session.running.post('/v1/messages', ASK)).text());
    expect(literal.content).toEqual([{ type: 'text', text: '\n<think>\nThe sum is 4.</think>\n\nFour. No <think> here.' }]);
    await session.running.proxy.shutdown();
    session.running = await startProxy({ plan: planFor('together/deepseek-ai/DeepSeek-R1', { fallback: false }), env });
    const read = await accumulateWithSdk(await (await session.running.post('/v1/messages', ASK)).text());
    expect(read.content.map((block) => (block.type === 'thinking' ? ['thinking', block.thinking] : block.type === 'text' ? ['text', block.text] : [block.type]))).toEqual([
      ['thinking', '\nThe sum is 4.'],
      ['text', 'Four. No <think> here.'],
    ]);
  });
});
