// What the ledger says was spent on one local day, read once when a run with a daily cap starts (never per
// request). A ledger that cannot be read counts as nothing spent: the run's own merge moves it aside and says so.
import { readOptionalFile } from '../config/read-optional-file.js';
import { roundUsd } from './cost.js';
import { ledgerPath } from './ledger.js';

export async function dayTotalUsd(env: NodeJS.ProcessEnv, day: string): Promise<number> {
  const text = await readOptionalFile(ledgerPath(env));
  if (text === undefined) return 0;
  let prompts: unknown;
  try {
    prompts = (JSON.parse(text) as Record<string, unknown> | null)?.[day];
  } catch {
    return 0;
  }
  if (typeof prompts !== 'object' || prompts === null) return 0;
  let total = 0;
  for (const usage of Object.values(prompts as Record<string, { cost_usd?: unknown } | null>)) {
    const cost = usage?.cost_usd;
    if (typeof cost === 'number' && Number.isFinite(cost) && cost > 0) total = roundUsd(total + cost);
  }
  return total;
}
