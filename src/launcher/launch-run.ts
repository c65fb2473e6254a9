// `oss run` without --dry-run: load the config the plan was built from, then launch claude for the plan
// (launcher/run-claude.ts) with the run's usage, as the proxy priced it, recorded in ~/.oss/usage.json.
// Interactive runs get a known session id and end with oss's own resume line (launcher/interactive-session.ts).
import type { CliIO } from '../io.js';
import { loadConfig } from '../config/load-config.js';
import type { RoutePlan } from '../routing/route-plan-types.js';
import { runClaude } from './run-claude.js';
import { runUsage } from './run-usage.js';
import { resumeLine, sessionAfterRun, sessionArgs, type SessionChoice } from './interactive-session.js';

export interface LaunchOptions {
  /** The prompt as the user typed it (`/oss:ship prod` or free text): claude's first message. */
  promptText: string;
  print: boolean;
  quiet: boolean;
  claudeBin?: string;
  /** Arguments after `--`, passed to claude unchanged. */
  claudeArgs: string[];
  /** `--resume <id>` / `--continue`: reopen a session through the same kind of plan. */
  session?: SessionChoice;
}

export async function launchRun(plan: RoutePlan, options: LaunchOptions, io: CliIO): Promise<number> {
  const config = (await loadConfig({ cwd: io.cwd, env: io.env })).merged;
  const { session, ...rest } = options;
  const interactive = !options.print && !options.claudeArgs.some((arg) => arg === '-p' || arg === '--print');
  const chosen = interactive ? sessionArgs(session ?? {}, options.claudeArgs) : { args: [] };
  const started = Date.now();
  const code = await runClaude({
    plan,
    config,
    env: io.env,
    cwd: io.cwd,
    ...rest,
    claudeArgs: [...chosen.args, ...options.claudeArgs],
    stderr: io.stderr,
    stdin: io.stdin === process.stdin ? 'inherit' : io.stdin,
    ...runUsage(io.env, (line) => io.stderr(`${line}\n`)),
  });
  if (interactive) {
    const id = sessionAfterRun(io.cwd, io.env, chosen.sessionId, started);
    if (id !== undefined) io.stderr(resumeLine(id, plan.main.source === 'builtin' ? undefined : plan.main.model));
  }
  return code;
}
