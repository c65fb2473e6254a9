// The seed plan's CostTracker tests (Task 6.1), written for this layout: each request is priced once as the proxy
// prices it (usage/cost.ts priceUsage), kept summed in a LedgerBatch (`oss serve`'s) and merged into
// <OSS_HOME>/usage.json on flush.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { totalsOf } from '../../src/launcher/teardown.js';
import { ModelRegistry } from '../../src/registry/registry.js';
import { priceUsage, type PricedUsage } from '../../src/usage/cost.js';
import { LedgerBatch } from '../../src/usage/ledger-batch.js';
import { readLedger, type DayUsage } from '../../src/usage/ledger.js';
import type { UsageEvent } from '../../src/usage/usage-event.js';

// The seed plan's tests were written on 2024-01-12: pin the clock to that local day.
const jan12 = new Date(2024, 0, 12, 10, 30).getTime();
let ossHome = '';
beforeEach(async () => {
  ossHome = await mkdtemp(join(tmpdir(), 'oss-cost-'));
});
const registry = new ModelRegistry({ env: {} });

/** The seed's tracker: a LedgerBatch fed as the proxy feeds it, each request priced once with the bundled catalogue. */
class Tracker extends LedgerBatch {
  recordEvent(event: UsageEvent): PricedUsage {
    const priced = priceUsage(event, (id, config) => registry.getPricing(id, config));
    this.add(priced);
    return priced;
  }
}
const tracker = () => new Tracker({ OSS_HOME: ossHome });

/** One proxied request as the proxy reports it (the seed's recordUsage with command, model and token counts). */
function request(prompt: string, model: string, inputTokens: number, outputTokens: number, extra: Partial<UsageEvent> = {}): UsageEvent {
  return {
    prompt, model, provider: model.split('/')[0] ?? model, input_tokens: inputTokens, output_tokens: outputTokens,
    cache_read_tokens: 0, cache_write_tokens: 0, fallback: false, latency_ms: 1, ttfb_ms: 1, outcome: 'ok', at: jan12, ...extra,
  };
}

/** What the ledger holds for a day once the tracker has flushed (the seed's getUsage(date)). */
async function dayUsage(t: LedgerBatch, date: string): Promise<DayUsage> {
  await t.flush();
  return (await readLedger({ OSS_HOME: ossHome }))[date] ?? {};
}

describe('usage priced once and kept in a LedgerBatch (the seed plan\'s CostTracker)', () => {
  it('should track tokens per request', async () => {
    const t = tracker();
    t.recordEvent(request('oss:ship', 'openrouter/deepseek/chat', 1000, 500));
    const usage = await dayUsage(t, '2024-01-12');
    expect(usage['oss:ship']?.tokens).toBe(1500);
  });

  it('should calculate cost based on model pricing', async () => {
    const t = tracker();
    t.recordEvent(request('oss:review', 'openai/gpt-4o', 10000, 2000));
    const usage = await dayUsage(t, '2024-01-12');
    // GPT-4o: $2.50/1M input, $10/1M output
    expect(usage['oss:review']?.cost_usd).toBeCloseTo(0.045, 3);
    expect(usage['oss:review']?.cost_usd).toBe(0.045);
  });

  it('should persist usage to file', async () => {
    const t = tracker();
    t.recordEvent(request('test', 'test', 100, 50));
    await t.flush();
    const data = await readFile(join(ossHome, 'usage.json'), 'utf8');
    expect(JSON.parse(data)).toHaveProperty('2024-01-12');
    expect(JSON.parse(data)['2024-01-12'].test).toMatchObject({ requests: 1, tokens: 150, unpriced: 1, cost_usd: 0 });
  });

  it('should aggregate by day and command', async () => {
    const t = tracker();
    t.recordEvent(request('oss:ship', 'test', 100, 50));
    t.recordEvent(request('oss:ship', 'test', 200, 100));
    const usage = await dayUsage(t, '2024-01-12');
    expect(usage['oss:ship']?.tokens).toBe(450); // Aggregated
    expect(usage['oss:ship']?.requests).toBe(2);
  });

  it('aggregates flushed and new records of the same day, per model', async () => {
    const first = tracker();
    first.recordEvent(request('oss:ship', 'openai/gpt-4o', 1000, 0));
    await first.flush();
    const second = tracker();
    second.recordEvent(request('oss:ship', 'ollama/llama3.2', 500, 10));
    second.recordEvent(request('oss:ship', 'openai/gpt-4o', 1000, 0, { at: jan12 + 86_400_000 }));
    await second.flush();
    const ledger = JSON.parse(await readFile(join(ossHome, 'usage.json'), 'utf8'));
    expect(ledger['2024-01-12']['oss:ship']).toEqual({
      requests: 2, tokens: 1510, input_tokens: 1500, output_tokens: 10, cache_read_tokens: 0, cache_write_tokens: 0,
      cost_usd: 0.0025, fallbacks: 0,
      models: {
        'openai/gpt-4o': { requests: 1, tokens: 1000, input_tokens: 1000, output_tokens: 0, cache_read_tokens: 0, cache_write_tokens: 0, cost_usd: 0.0025, fallbacks: 0 },
        'ollama/llama3.2': { requests: 1, tokens: 510, input_tokens: 500, output_tokens: 10, cache_read_tokens: 0, cache_write_tokens: 0, cost_usd: 0, fallbacks: 0 },
      },
    });
    expect(ledger['2024-01-13']['oss:ship'].requests).toBe(1);
  });

  it('flushes a record only once', async () => {
    const t = tracker();
    t.recordEvent(request('oss:ship', 'openai/gpt-4o', 1, 1));
    await t.flush();
    await t.flush();
    expect((await dayUsage(t, '2024-01-12'))['oss:ship']?.requests).toBe(1);
  });

  it('records proxy usage events: provider cost wins, cache tokens counted, fallbacks marked', async () => {
    const t = tracker();
    const event = {
      prompt: 'oss:code-reviewer', provider: 'openrouter', model: 'openrouter/deepseek/deepseek-chat',
      input_tokens: 1000, output_tokens: 200, cache_read_tokens: 3000, cache_write_tokens: 0,
      fallback: false, latency_ms: 900, ttfb_ms: 300, outcome: 'ok' as const, at: jan12,
    };
    t.recordEvent({ ...event, provider_cost_usd: 0.00042 });
    t.recordEvent({ ...event, model: 'claude', provider: 'claude', fallback: true });
    await t.flush();
    const usage = await dayUsage(t, '2024-01-12');
    expect(usage['oss:code-reviewer']).toMatchObject({
      requests: 2, tokens: 8400, cache_read_tokens: 6000, cost_usd: 0.00042, fallbacks: 1, unpriced: 1,
    });
    expect(usage['oss:code-reviewer']?.models.claude).toMatchObject({ requests: 1, fallbacks: 1, unpriced: 1, cost_usd: 0 });
  });

  it('returns each request priced once, and the run summary sums those records', () => {
    const t = tracker();
    const records = [t.recordEvent(request('a', 'openai/gpt-4o', 10000, 2000)), t.recordEvent(request('b', 'lmstudio/x', 5, 5, { fallback: true }))];
    expect(records.map((r) => [r.cost_usd, r.unpriced])).toEqual([[0.045, false], [0, true]]);
    expect(totalsOf('a', records)).toEqual({ prompt: 'a', models: ['openai/gpt-4o', 'lmstudio/x'], requests: 2, inputTokens: 10005, outputTokens: 2005, costUsd: 0.045, unpriced: true, fallbacks: 1 });
  });

  it('keeps summed counters, not one record per request: its state has the same shape after 1 and after 5,000 requests', async () => {
    const t = tracker();
    const record = () => t.recordEvent(request('serve', 'openai/gpt-4o', 100, 10));
    record();
    const shape = () => JSON.stringify(t).replace(/\d+(\.\d+)?/g, 'N');
    const afterOne = shape();
    for (let i = 1; i < 5000; i += 1) record();
    expect(shape()).toBe(afterOne);
    await t.flush();
    expect(t.hasPending).toBe(false);
    expect((await dayUsage(t, '2024-01-12')).serve).toMatchObject({ requests: 5000, input_tokens: 500_000, output_tokens: 50_000, cost_usd: 1.75 });
  });
});
