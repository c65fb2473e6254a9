// Each request is priced once, by the proxy as it ends; the live meter (status line, spending caps), the run's
// summary line and the ledger all read that one priced record. Shown by changing the prices mid-run, as
// `oss models refresh` in another terminal does: a second pricing at the end of the run would use the new
// prices, and the summary line and the ledger would then disagree with what the meter showed and capped.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runUsage } from '../../src/launcher/run-usage.js';
import { RunTeardown } from '../../src/launcher/teardown.js';
import { ModelProxy } from '../../src/proxy/model-proxy.js';
import { writeModelCache } from '../../src/registry/model-cache.js';
import { readLedger } from '../../src/usage/ledger.js';
import { HELLO, planFor } from '../support/proxy-harness.js';
import { openAITextStream, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';

const MODEL = 'openrouter/acme/coder-9';

/** The refresh cache as `oss models refresh` writes it, listing the model at these prices (USD per 1M tokens). */
function refreshedPrices(env: NodeJS.ProcessEnv, inputPer1M: number, outputPer1M: number): Promise<void> {
  const entry = { id: MODEL, provider: 'openrouter', upstreamModel: 'acme/coder-9', inputPer1M, outputPer1M };
  return writeModelCache({ openrouter: { fetchedAt: new Date().toISOString(), url: 'https://openrouter.ai/api/v1/models', models: [entry] } }, env);
}

let upstream: ScriptedUpstream | undefined;
let proxy: ModelProxy | undefined;
afterEach(async () => {
  await proxy?.shutdown();
  await upstream?.close();
});

describe('a request priced once for the meter, the summary line and the ledger', () => {
  it('keeps the price the live meter counted in the summary line and the ledger when prices change before the run ends', async () => {
    upstream = await startOpenAIUpstream(() => openAITextStream(['Done.'], { prompt: 8000, completion: 3000 }));
    const env = { OSS_HOME: mkdtempSync(join(tmpdir(), 'oss-priced-once-')), OPENROUTER_BASE_URL: upstream.url, OPENROUTER_API_KEY: 'sk-or' };
    await refreshedPrices(env, 2, 10);
    const stderr: string[] = [];
    const running = new ModelProxy({ plan: planFor(MODEL), config: {}, env, onUsage: (usage) => teardown.record(usage) });
    proxy = running;
    const teardown = new RunTeardown({
      prompt: 'oss:ship',
      mainModel: MODEL,
      quiet: false,
      stderr: (text) => stderr.push(text),
      closeProxy: () => running.shutdown(),
      ...runUsage(env, (line) => stderr.push(`${line}\n`)),
    });
    await running.start();

    const response = await fetch(`${running.baseUrl}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify(HELLO),
    });
    await response.text();
    // 8,000 in at $2 and 3,000 out at $10 per million.
    expect(running.status().cost_usd).toBe(0.046);

    await refreshedPrices(env, 8, 40);
    await teardown.finish();

    expect(stderr).toEqual([`oss: oss:ship · ${MODEL} · 1 request · 8,000 in / 3,000 out · $0.0460\n`]);
    const day = Object.values(await readLedger(env))[0];
    expect([day?.['oss:ship']?.requests, day?.['oss:ship']?.cost_usd]).toEqual([1, 0.046]);
  });
});
