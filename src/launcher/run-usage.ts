// How a run prices its requests and records them: registry prices (with the config's `pricing` overrides)
// and the ledger under OSS_HOME of the given environment. The ledger's code (file locking, atomic writes)
// loads only when there is something to merge: an all-Claude run has nothing, and it is on the start path.
import type { OssConfig } from '../config/config-types.js';
import { getPricing } from '../registry/registry.js';
import { costOfEvent } from '../usage/cost.js';
import type { UsageEvent } from '../usage/usage-event.js';
import type { PricedCost } from './teardown.js';

export interface RunUsage {
  priceEvent: (event: UsageEvent) => PricedCost;
  mergeIntoLedger: (events: UsageEvent[]) => Promise<void>;
}

export function runUsage(config: OssConfig, env: NodeJS.ProcessEnv, warn: (line: string) => void): RunUsage {
  return {
    priceEvent: (event) => {
      const cost = costOfEvent(event, getPricing, config);
      return { costUsd: cost.cost_usd, unpriced: cost.unpriced };
    },
    mergeIntoLedger: async (events) => {
      const { CostTracker } = await import('../usage/cost-tracker.js');
      const tracker = new CostTracker({ env, config, warn });
      for (const event of events) tracker.recordEvent(event);
      await tracker.flush();
    },
  };
}
