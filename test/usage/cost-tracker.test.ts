// The seed plan's CostTracker tests (Task 6.1), written for this layout: the ledger is <OSS_HOME>/usage.json.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CostTracker } from '../../src/usage/cost-tracker.js';

// The seed plan's tests were written on 2024-01-12: pin the clock to that local day.
const jan12 = new Date(2024, 0, 12, 10, 30).getTime();
let ossHome = '';
beforeEach(async () => {
  ossHome = await mkdtemp(join(tmpdir(), 'oss-cost-'));
});
const tracker = () => new CostTracker({ env: { OSS_HOME: ossHome }, now: () => jan12 });

describe('CostTracker (seed plan)', () => {
  it('should track tokens per request', async () => {
    const t = tracker();
    t.recordUsage({ command: 'oss:ship', model: 'openrouter/deepseek/chat', inputTokens: 1000, outputTokens: 500 });
    const usage = await t.getUsage('2024-01-12');
    expect(usage['oss:ship']?.tokens).toBe(1500);
  });

  it('should calculate cost based on model pricing', async () => {
    const t = tracker();
    t.recordUsage({ command: 'oss:review', model: 'openai/gpt-4o', inputTokens: 10000, outputTokens: 2000 });
    const usage = await t.getUsage('2024-01-12');
    // GPT-4o: $2.50/1M input, $10/1M output
    expect(usage['oss:review']?.cost_usd).toBeCloseTo(0.045, 3);
    expect(usage['oss:review']?.cost_usd).toBe(0.045);
  });

  it('should persist usage to file', async () => {
    const t = tracker();
    t.recordUsage({ command: 'test', model: 'test', inputTokens: 100, outputTokens: 50 });
    await t.flush();
    const data = await readFile(join(ossHome, 'usage.json'), 'utf8');
    expect(JSON.parse(data)).toHaveProperty('2024-01-12');
    expect(JSON.parse(data)['2024-01-12'].test).toMatchObject({ requests: 1, tokens: 150, unpriced: 1, cost_usd: 0 });
  });

  it('should aggregate by day and command', async () => {
    const t = tracker();
    t.recordUsage({ command: 'oss:ship', model: 'test', inputTokens: 100, outputTokens: 50 });
    t.recordUsage({ command: 'oss:ship', model: 'test', inputTokens: 200, outputTokens: 100 });
    const usage = await t.getUsage('2024-01-12');
    expect(usage['oss:ship']?.tokens).toBe(450); // Aggregated
    expect(usage['oss:ship']?.requests).toBe(2);
  });

  it('aggregates flushed and new records of the same day, per model', async () => {
    const first = tracker();
    first.recordUsage({ command: 'oss:ship', model: 'openai/gpt-4o', inputTokens: 1000, outputTokens: 0 });
    await first.flush();
    const second = tracker();
    second.recordUsage({ command: 'oss:ship', model: 'ollama/llama3.2', inputTokens: 500, outputTokens: 10 });
    second.recordUsage({ command: 'oss:ship', model: 'openai/gpt-4o', inputTokens: 1000, outputTokens: 0, at: jan12 + 86_400_000 });
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
    t.recordUsage({ command: 'oss:ship', model: 'openai/gpt-4o', inputTokens: 1, outputTokens: 1 });
    await t.flush();
    await t.flush();
    expect((await t.getUsage('2024-01-12'))['oss:ship']?.requests).toBe(1);
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
    const usage = await t.getUsage('2024-01-12');
    expect(usage['oss:code-reviewer']).toMatchObject({
      requests: 2, tokens: 8400, cache_read_tokens: 6000, cost_usd: 0.00042, fallbacks: 1, unpriced: 1,
    });
    expect(usage['oss:code-reviewer']?.models.claude).toMatchObject({ requests: 1, fallbacks: 1, unpriced: 1, cost_usd: 0 });
  });

  it('sums a run for its summary line', () => {
    const t = tracker();
    t.recordUsage({ command: 'a', model: 'openai/gpt-4o', inputTokens: 10000, outputTokens: 2000 });
    t.recordUsage({ command: 'b', model: 'lmstudio/x', inputTokens: 5, outputTokens: 5, fallback: true });
    expect(t.summary()).toEqual({ requests: 2, tokens: 12010, cost_usd: 0.045, unpriced: 1, fallbacks: 1 });
  });

  it('keeps summed counters, not one record per request: its state has the same shape after 1 and after 5,000 requests', async () => {
    const t = tracker();
    const record = () => t.recordUsage({ command: 'serve', model: 'openai/gpt-4o', inputTokens: 100, outputTokens: 10 });
    record();
    const shape = () => JSON.stringify(t).replace(/\d+(\.\d+)?/g, 'N');
    const afterOne = shape();
    for (let i = 1; i < 5000; i += 1) record();
    expect(shape()).toBe(afterOne);
    expect(t.summary()).toEqual({ requests: 5000, tokens: 550_000, cost_usd: 1.75, unpriced: 0, fallbacks: 0 });
    await t.flush();
    expect(t.hasPending).toBe(false);
    expect((await t.getUsage('2024-01-12')).serve).toMatchObject({ requests: 5000, input_tokens: 500_000, output_tokens: 50_000 });
  });
});
