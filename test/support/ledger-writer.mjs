#!/usr/bin/env node
// Spawned by test/usage/ledger.test.ts: records usage the way a run does and merges it into the ledger of
// OSS_HOME. Uses the built code (npm run build first). Dead writers' locks are taken over after 2 s (the
// minimum) so kill tests stay short.
//   node ledger-writer.mjs <prompt> <records>           record, then merge once (as a run does at exit)
//   node ledger-writer.mjs <prompt> <records> --loop    merge batches forever, printing `flushed` after each
import { priceUsage } from '../../dist/usage/cost.js';
import { LedgerBatch } from '../../dist/usage/ledger-batch.js';

const [prompt = 'writer', countArg = '1', mode = ''] = process.argv.slice(2);
const count = Number(countArg);
const tracker = new LedgerBatch(process.env, { staleMs: 2000 });
const prices = () => ({ inputPer1M: 1, outputPer1M: 2 });

const recordBatch = () => {
  for (let i = 0; i < count; i += 1) {
    const event = {
      prompt, model: 'openai/gpt-4o', provider: 'openai', input_tokens: 10, output_tokens: 5, cache_read_tokens: 0, cache_write_tokens: 0,
      fallback: false, latency_ms: 1, ttfb_ms: 1, outcome: 'ok', at: Date.now(),
    };
    tracker.add(priceUsage(event, prices));
  }
};

if (mode === '--loop') {
  for (;;) {
    recordBatch();
    await tracker.flush();
    process.stdout.write('flushed\n');
  }
} else {
  recordBatch();
  await tracker.flush();
}
