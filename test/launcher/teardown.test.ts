import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runUsage } from '../../src/launcher/run-usage.js';
import { RunTeardown, type TeardownInput, type UsageRecorder } from '../../src/launcher/teardown.js';
import { priceUsage, type PricedUsage } from '../../src/usage/cost.js';
import { readLedger, type LedgerRecord } from '../../src/usage/ledger.js';
import type { UsageEvent } from '../../src/usage/usage-event.js';

/** The run's real ledger merge, watched: which records each merge got. */
function watchedLedger(env: NodeJS.ProcessEnv) {
  const { usage: ledger } = runUsage(env, () => undefined);
  const merged: LedgerRecord[][] = [];
  const usage: UsageRecorder = {
    record: async (records) => {
      merged.push(records);
      await ledger.record(records);
    },
  };
  return { usage, merged };
}

/** A request as the proxy hands it over: priced once, at $2,500 per 1M input tokens and $5,000 per 1M cache reads. */
function event(overrides: Partial<UsageEvent> = {}): PricedUsage {
  const usage: UsageEvent = {
    prompt: 'oss:ship', model: 'openai/gpt-4o', provider: 'openai', input_tokens: 100, output_tokens: 20,
    cache_read_tokens: 0, cache_write_tokens: 0, fallback: false, latency_ms: 5, ttfb_ms: 1, outcome: 'ok', at: 0,
    ...overrides,
  };
  return priceUsage(usage, () => ({ inputPer1M: 2500, outputPer1M: 0, cacheReadPer1M: 5000 }));
}

function setup(overrides: Partial<TeardownInput> = {}) {
  const env = { OSS_HOME: mkdtempSync(join(tmpdir(), 'oss-teardown-')) };
  const { usage, merged } = watchedLedger(env);
  const log = { stderr: [] as string[], merged, closed: 0, env };
  const teardown = new RunTeardown({
    prompt: 'oss:ship',
    mainModel: 'openai/gpt-4o',
    quiet: false,
    stderr: (text) => log.stderr.push(text),
    closeProxy: async () => {
      log.closed += 1;
    },
    usage,
    ...overrides,
  });
  return { teardown, log };
}

describe('RunTeardown', () => {
  it('closes the proxy, merges the events once and prints one summary line however often finish() is called', async () => {
    const { teardown, log } = setup();
    teardown.record(event());
    teardown.record(event({ model: 'claude', provider: 'claude', fallback: true, cache_read_tokens: 50 }));
    await Promise.all([teardown.finish(), teardown.finish()]);
    await teardown.finish();
    expect(log.closed).toBe(1);
    expect(log.merged).toHaveLength(1);
    expect(log.merged[0]).toHaveLength(2);
    expect(log.stderr).toEqual(['oss: oss:ship · openai/gpt-4o, claude · 2 requests · 250 in / 40 out · $0.7500 · 1 fallback\n']);
    // The summary and the ledger hold the same priced records.
    const day = Object.values(await readLedger(log.env))[0];
    expect([day?.['oss:ship']?.requests, day?.['oss:ship']?.cost_usd]).toEqual([2, 0.75]);
  });

  it('prints the budget notice after the summary, and even with --quiet, when a cap stopped a request', async () => {
    const notice = 'oss: run budget reached: $0.2500 spent on 1 request, cap $0.20 (--max-cost). Run again with a higher --max-cost.';
    const loud = setup({ budgetNotice: () => notice });
    loud.teardown.record(event());
    await loud.teardown.finish();
    expect(loud.log.stderr).toEqual(['oss: oss:ship · openai/gpt-4o · 1 request · 100 in / 20 out · $0.2500\n', `${notice}\n`]);
    const quiet = setup({ quiet: true, budgetNotice: () => notice });
    await quiet.teardown.finish();
    expect(quiet.log.stderr).toEqual([`${notice}\n`]);
  });

  it('keeps usage reported while the proxy closes (an aborted stream reports as it ends)', async () => {
    const holder: { teardown?: RunTeardown } = {};
    const { teardown, log } = setup({
      closeProxy: async () => {
        holder.teardown?.record(event({ output_tokens: 3 }));
      },
    });
    holder.teardown = teardown;
    await teardown.finish();
    expect(log.merged[0]?.map((e) => e.output_tokens)).toEqual([3]);
    teardown.record(event());
    expect(log.merged).toHaveLength(1);
  });

  it('does not touch the ledger when no request was made', async () => {
    const { teardown, log } = setup();
    await teardown.finish();
    expect(log.merged).toEqual([]);
    expect(log.stderr).toEqual(['oss: oss:ship · no model called · 0 requests · 0 in / 0 out · $0.0000\n']);
  });

  it('still records usage and prints the summary when closing the proxy fails', async () => {
    const { teardown, log } = setup({
      closeProxy: async () => {
        throw new Error('socket busy');
      },
    });
    teardown.record(event());
    await teardown.finish();
    expect(log.merged).toHaveLength(1);
    expect(log.stderr[0]).toBe('oss: could not close the proxy: socket busy\n');
    expect(log.stderr).toHaveLength(2);
  });

  it('reports a ledger failure in one line instead of throwing', async () => {
    const { teardown, log } = setup({
      usage: {
        record: () => Promise.reject(new Error('lock timeout on /tmp/usage.json')),
      },
    });
    teardown.record(event());
    await teardown.finish();
    expect(log.stderr).toEqual(['oss: usage not recorded: lock timeout on /tmp/usage.json\n', 'oss: oss:ship · openai/gpt-4o · 1 request · 100 in / 20 out · $0.2500\n']);
  });

  it('prints nothing with --quiet, but still records usage', async () => {
    const { teardown, log } = setup({ quiet: true });
    teardown.record(event());
    await teardown.finish();
    expect(log.stderr).toEqual([]);
    expect(log.merged).toHaveLength(1);
  });

  it('says a run without the proxy was not metered', async () => {
    const { teardown, log } = setup({ closeProxy: undefined, mainModel: 'claude' });
    await teardown.finish();
    expect(log.stderr).toEqual(['oss: oss:ship · claude · direct to Anthropic (not metered by oss)\n']);
  });
});
