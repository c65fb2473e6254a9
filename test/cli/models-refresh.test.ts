// `oss models refresh`: OpenRouter's live list and the local Ollama's tags into the cache (nock stands in for
// both servers); a failed source keeps its old cache section; the registry uses the cache while it is fresh.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { MODEL_CACHE_TTL_MS, modelCachePath } from '../../src/registry/model-cache.js';
import { ModelRegistry } from '../../src/registry/registry.js';
import { capturedIO } from '../support/captured-io.js';
import { ownFixtureText } from '../support/shared-fixtures.js';

// Hand-written lists in the shape of OpenRouter's GET /api/v1/models and Ollama's GET /api/tags.
const fixture = async (name: string) => JSON.parse(ownFixtureText(`model-lists/${name}`));

let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  const home = await mkdtemp(join(tmpdir(), 'oss-refresh-'));
  env = { HOME: home, OSS_HOME: join(home, '.oss') };
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

async function run(...args: string[]) {
  const io = capturedIO(env, env.HOME!);
  const code = await main(['models', 'refresh', ...args], io);
  return { code, out: io.stdoutText(), err: io.stderrText() };
}

/** Our OpenRouter list plus one model the bundled catalogue does not have. */
async function openRouterList() {
  const list = await fixture('openrouter-models.json');
  list.data.push({
    id: 'acme/brand-new-model', context_length: 50000, pricing: { prompt: '0.000001', completion: '0.000002' },
    top_provider: { context_length: 50000, max_completion_tokens: 4000 }, supported_parameters: ['tools'],
    architecture: { input_modalities: ['text'] },
  });
  return list;
}

describe('oss models refresh', () => {
  it('fetches OpenRouter and Ollama into the cache, which the registry then uses', async () => {
    const openrouter = nock('https://openrouter.ai').get('/api/v1/models').reply(200, await openRouterList());
    const ollama = nock('http://localhost:11434').get('/api/tags').reply(200, await fixture('ollama-tags.json'));
    const { code, out } = await run();
    expect(code).toBe(0);
    expect(out).toBe([
      '✓ OpenRouter: 3 models from https://openrouter.ai/api/v1/models',
      '✓ Ollama: 2 models from http://localhost:11434/api/tags',
      `Cache: ${modelCachePath(env)} (used for 24 h)`,
      '',
    ].join('\n'));
    expect(openrouter.isDone() && ollama.isDone()).toBe(true);

    const registry = new ModelRegistry({ env });
    expect(registry.getPricing('openrouter/acme/brand-new-model')).toEqual({ inputPer1M: 1, outputPer1M: 2 });
    expect(registry.getModelInfo('openrouter/acme/brand-new-model')).toMatchObject({ contextWindow: 50000, maxOutputTokens: 4000, tools: true, source: 'refresh' });
    expect(registry.installedOllama).toEqual(['deepseek-r1', 'llama3.2']);
    expect(registry.getModelInfo('ollama/llama3.2')).toMatchObject({ installed: true, contextWindow: 131072, free: true });
    expect(registry.getModelInfo('ollama/codellama')?.installed).toBe(false);
  });

  it('keeps the old cache and says so when a source fails', async () => {
    nock('https://openrouter.ai').get('/api/v1/models').reply(200, await openRouterList());
    nock('http://localhost:11434').get('/api/tags').reply(200, await fixture('ollama-tags.json'));
    await run();
    const before = await readFile(modelCachePath(env), 'utf8');
    const fetchedAt = JSON.parse(before).openrouter.fetchedAt;

    nock('https://openrouter.ai').get('/api/v1/models').reply(503, 'busy');
    nock('http://localhost:11434').get('/api/tags').replyWithError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:11434'), { code: 'ECONNREFUSED' }));
    const { code, out } = await run();
    expect(code).toBe(1);
    expect(out).toBe([
      `✗ OpenRouter: https://openrouter.ai/api/v1/models failed (HTTP 503); kept the cached list from ${fetchedAt}`,
      `✗ Ollama: http://localhost:11434/api/tags failed (connect ECONNREFUSED 127.0.0.1:11434); kept the cached list from ${fetchedAt}`,
      `Nothing refreshed; the cache at ${modelCachePath(env)} is unchanged.`,
      '',
    ].join('\n'));
    expect(await readFile(modelCachePath(env), 'utf8')).toBe(before);
    expect(new ModelRegistry({ env }).getPricing('openrouter/acme/brand-new-model')).toEqual({ inputPer1M: 1, outputPer1M: 2 });
  });

  it('refreshes one source when the other fails, and prints the stable JSON shape with --json', async () => {
    nock('https://openrouter.ai').get('/api/v1/models').reply(200, { unexpected: true });
    nock('http://localhost:11434').get('/api/tags').reply(200, await fixture('ollama-tags.json'));
    const { code, out } = await run('--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      cache: modelCachePath(env),
      ttlHours: 24,
      sources: {
        openrouter: { ok: false, url: 'https://openrouter.ai/api/v1/models', error: 'unexpected response shape', keptFetchedAt: null },
        ollama: { ok: true, url: 'http://localhost:11434/api/tags', models: 2 },
      },
    });
    const cache = JSON.parse(await readFile(modelCachePath(env), 'utf8'));
    expect(Object.keys(cache)).toEqual(['ollama']);
  });

  it('uses the configured base URLs (OPENROUTER_BASE_URL, OLLAMA_HOST) and sends no key', async () => {
    env.OPENROUTER_BASE_URL = 'http://router.test/api/v1';
    env.OLLAMA_HOST = 'ollama.test:8080';
    env.OPENROUTER_API_KEY = 'sk-or-secret-1234';
    const openrouter = nock('http://router.test', { badheaders: ['authorization'] }).get('/api/v1/models').reply(200, { data: [] });
    nock('http://ollama.test:8080').get('/api/tags').reply(200, { models: [] });
    const { code } = await run();
    expect(code).toBe(0);
    expect(openrouter.isDone()).toBe(true);
  });

  it('ignores a cache older than 24 hours', async () => {
    nock('https://openrouter.ai').get('/api/v1/models').reply(200, await openRouterList());
    nock('http://localhost:11434').get('/api/tags').reply(200, await fixture('ollama-tags.json'));
    await run();
    const later = () => Date.now() + MODEL_CACHE_TTL_MS + 1000;
    const stale = new ModelRegistry({ env, now: later });
    expect(stale.getPricing('openrouter/acme/brand-new-model')).toBeUndefined();
    expect(stale.installedOllama).toBeUndefined();
  });
});
