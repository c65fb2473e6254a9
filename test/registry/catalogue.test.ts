// The committed catalogue is exactly what the generator builds from the recorded lists in ../shared/fixtures
// (skipped when absent) and scripts/registry-overrides.json, and the catalogue's data rules hold on it (free
// flags, OpenAI reasoning models, Gemini limits).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/registry/build-catalogue.js';
import type { CatalogueEntry } from '../../src/registry/catalogue-entry.js';
import { SHARED_FIXTURES, itRecorded } from '../support/shared-fixtures.js';

const root = resolve(import.meta.dirname, '..', '..');
const data = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

async function built(): Promise<CatalogueEntry[]> {
  return buildCatalogue({
    litellm: await data(join(SHARED_FIXTURES, 'pricing', 'litellm-prices-snapshot.json')),
    gemini: await data(join(SHARED_FIXTURES, 'model-lists', 'gemini-v1beta-models.json')),
    openrouter: await data(join(SHARED_FIXTURES, 'model-lists', 'openrouter-api-v1-models.json')),
    ollamaTags: await data(join(SHARED_FIXTURES, 'model-lists', 'ollama-api-tags.json')),
    overrides: await data(join(root, 'scripts', 'registry-overrides.json')),
  });
}

/** The committed catalogue, which the first test proves is exactly the generator's output. */
async function generated(): Promise<CatalogueEntry[]> {
  return data(join(root, 'src', 'registry', 'catalogue.json')) as Promise<CatalogueEntry[]>;
}

const byId = (entries: CatalogueEntry[], id: string) => entries.find((entry) => entry.id === id);

describe('bundled catalogue', () => {
  itRecorded('is exactly what scripts/generate-registry.mjs builds from ../shared/fixtures and the overrides', async () => {
    const committed = await readFile(join(root, 'src', 'registry', 'catalogue.json'), 'utf8');
    expect(committed).toBe(`${JSON.stringify(await built(), null, 1)}\n`);
  });

  it('prices gpt-4o at $2.50 / $10 per 1M with its limits', async () => {
    expect(byId(await generated(), 'openai/gpt-4o')).toMatchObject({
      inputPer1M: 2.5, outputPer1M: 10, cacheReadPer1M: 1.25, contextWindow: 128000, maxOutputTokens: 16384, tools: true, vision: true,
    });
  });

  it('converts OpenRouter per-token price strings to per-1M numbers without float noise', async () => {
    expect(byId(await generated(), 'openrouter/google/gemini-2.0-flash-001')).toMatchObject({
      inputPer1M: 0.1, outputPer1M: 0.4, cacheReadPer1M: 0.025, cacheWritePer1M: 0.08333333333, deprecationDate: '2026-06-01',
    });
  });

  it('marks OpenRouter :free models free and router pseudo-models dynamic, not free', async () => {
    const entries = await generated();
    expect(byId(entries, 'openrouter/meta-llama/llama-3.3-70b-instruct:free')).toMatchObject({ free: true, inputPer1M: 0, maxOutputTokens: null });
    expect(byId(entries, 'openrouter/openrouter/auto')).toMatchObject({ free: false, dynamicPricing: true, inputPer1M: null });
  });

  it('marks local Ollama models free and cloud ones not', async () => {
    const entries = await generated();
    expect(byId(entries, 'ollama/llama3.2')).toMatchObject({ free: true, inputPer1M: 0 });
    expect(byId(entries, 'ollama/deepseek-r1')).toMatchObject({ free: true, reasoning: true });
    expect(byId(entries, 'ollama/qwen3-coder:480b-cloud')).toMatchObject({ free: false, inputPer1M: null });
  });

  it('flags OpenAI o-series and gpt-5 models as reasoning models, but not gpt-4o or gpt-5 chat', async () => {
    const entries = await generated();
    for (const id of ['openai/o1', 'openai/o3-mini', 'openai/o4-mini', 'openai/gpt-5', 'openai/gpt-5.1', 'openrouter/openai/o1']) {
      expect(byId(entries, id)?.reasoningModel, id).toBe(true);
    }
    for (const id of ['openai/gpt-4o', 'openai/gpt-5-chat-latest', 'openrouter/deepseek/deepseek-chat']) {
      expect(byId(entries, id)?.reasoningModel, id).toBe(false);
    }
  });

  it('takes Gemini limits and thinking from the Gemini model list and skips embedding models', async () => {
    const entries = await generated();
    expect(byId(entries, 'gemini/gemini-2.5-flash')).toMatchObject({ contextWindow: 1048576, maxOutputTokens: 65536, reasoning: true });
    expect(byId(entries, 'gemini/text-embedding-004')).toBeUndefined();
  });

  it('corrects claude-sonnet-5 to its standard price and adds the Claude 5.5 generation', async () => {
    const entries = await generated();
    expect(byId(entries, 'anthropic/claude-sonnet-5')).toMatchObject({ inputPer1M: 3, outputPer1M: 15 });
    expect(byId(entries, 'anthropic/claude-sonnet-5-5')).toMatchObject({ inputPer1M: 2, outputPer1M: 10, cacheReadPer1M: 0.1 });
  });
});
