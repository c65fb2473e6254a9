// How a run prices its requests and records them: the prices of the registry it is handed (with the config's
// `pricing` overrides) and the ledger under OSS_HOME of the given environment. One CostTracker prices each
// request once, for the ledger and the summary line alike. The registry is built, and the ledger's code (file
// locking, atomic writes) loaded, only when there is something to record: an all-Claude run has nothing, and
// this is on the start path.
import type { OssConfig } from '../config/config-types.js';
import type { ModelRegistry } from '../registry/registry.js';
import type { UsageRecorder } from './teardown.js';

export function runUsage(config: OssConfig, env: NodeJS.ProcessEnv, registry: () => ModelRegistry, warn: (line: string) => void): { usage: UsageRecorder } {
  return {
    usage: {
      async record(events) {
        const { CostTracker } = await import('../usage/cost-tracker.js');
        const prices = registry();
        const tracker = new CostTracker({ env, config, warn, prices: (id, overrides) => prices.getPricing(id, overrides) });
        const records = events.map((event) => tracker.recordEvent(event));
        try {
          await tracker.flush();
          return { records };
        } catch (error) {
          return { records, error };
        }
      },
    },
  };
}
