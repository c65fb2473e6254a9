// `oss run` without --dry-run: load the config the plan was built from, then launch claude for the plan
// (launcher/run-claude.ts) with the run's usage priced from the registry and recorded in ~/.oss/usage.json.
import type { CliIO } from '../cli/io.js';
import { loadConfig } from '../config/load-config.js';
import type { RoutePlan } from '../routing/route-plan-types.js';
import { runClaude } from './run-claude.js';
import { runUsage } from './run-usage.js';

export interface LaunchOptions {
  /** The prompt as the user typed it (`/oss:ship prod` or free text): claude's first message. */
  promptText: string;
  print: boolean;
  quiet: boolean;
  claudeBin?: string;
  /** Arguments after `--`, passed to claude unchanged. */
  claudeArgs: string[];
}

export async function launchRun(plan: RoutePlan, options: LaunchOptions, io: CliIO): Promise<number> {
  const config = (await loadConfig({ cwd: io.cwd, env: io.env })).merged;
  return runClaude({
    plan,
    config,
    env: io.env,
    cwd: io.cwd,
    ...options,
    stderr: io.stderr,
    stdin: io.stdin === process.stdin ? 'inherit' : io.stdin,
    ...runUsage(config, io.env, (line) => io.stderr(`${line}\n`)),
  });
}
