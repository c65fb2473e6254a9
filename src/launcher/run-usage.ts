// How a run prices its requests and records them: registry prices (with the config's `pricing` overrides)
// and the ledger under OSS_HOME of the given environment.
import type { OssConfig } from '../config/config-types.js';
import { getPricing } from '../registry/registry.js';
import { CostTracker } from '../usage/cost-tracker.js';
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
      const tracker = new CostTracker({ env, config, warn });
      for (const event of events) tracker.recordEvent(event);
      await tracker.flush();
    },
  };
}
