// Where a run's priced requests go when it ends: the ledger under OSS_HOME of the given environment, merged
// once. The proxy priced each request as it ended (usage/cost.ts priceUsage); nothing here prices again. The
// ledger's code (file locking, atomic writes) is loaded only when there is something to record: an all-Claude
// run has nothing, and this is on the start path.
import type { UsageRecorder } from './teardown.js';

export function runUsage(env: NodeJS.ProcessEnv, warn: (line: string) => void): { usage: UsageRecorder } {
  return {
    usage: {
      async record(records) {
        const { mergeIntoLedger } = await import('../usage/ledger.js');
        await mergeIntoLedger(records, env, { warn });
      },
    },
  };
}
