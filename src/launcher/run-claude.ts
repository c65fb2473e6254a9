// One launch of `claude` for a route plan: find the binary, start the proxy only when some route is not
// Claude, run claude with the right environment and arguments, and tear everything down on every path.
// `oss run` and `oss demo` both come through here. The proxy's code loads only on a proxied run, and then
// while claude starts: the port is bound first (held-listener.ts), claude is spawned, and its first request
// waits there until the proxy is ready; a proxy that cannot start stops claude and the run fails with why.
import type { OssConfig } from '../config/config-types.js';
import type { RoutePlan } from '../routing/route-plan-types.js';
import { randomBytes } from 'node:crypto';
import type { ModelProxy } from '../proxy/model-proxy.js';
import { HeldListener } from '../proxy/held-listener.js';
import { STATUS_PATH } from '../proxy/status-route.js';
import { targetFor } from '../registry/target-info.js';
import { isClaudeModel } from '../model-id.js';
import { planRoutes } from '../routing/plan-routes.js';
import { buildClaudeArgs } from './claude-args.js';
import { claudeHasCredential } from './claude-credential.js';
import { buildClaudeEnv, hasAnthropicCredentials } from './claude-env.js';
import { describeVersion, startClaudeVersionProbe, versionFromInstall, type ClaudeVersionCheck } from './claude-version.js';
import { findClaude } from './find-claude.js';
import { planNeedsProxy } from './plan-needs-proxy.js';
import { statusLineArgs } from './status-line-setting.js';
import { exitCodeOf, FORWARDED_SIGNALS, spawnClaude, type ClaudeStdin } from './spawn-claude.js';
import { RunTeardown, type UsageRecorder } from './teardown.js';

/**
 * Below this window Claude Code refuses to send its first request (its system prompt and 21 tool schemas
 * are about 20,000 tokens with every tool inline), so the user is told up front.
 */
const CLAUDE_CODE_MIN_CONTEXT = 32_000;

const BUDGET_NOT_ENFORCED =
  'oss: every route is Claude, so no proxy runs and the budget is not enforced; claude -p has its own --max-budget-usd\n';

/** How long a running `claude --version` may hold up the launch once the proxy is ready (claude-version.ts). */
const VERSION_PROBE_GRACE_MS = 200;

export interface RunClaudeInput {
  plan: RoutePlan;
  config: OssConfig;
  /** The user's environment: what claude gets untouched when no proxy runs. */
  env: NodeJS.ProcessEnv;
  cwd: string;
  promptText: string;
  print: boolean;
  quiet: boolean;
  claudeBin?: string;
  claudeArgs: string[];
  stderr: (text: string) => void;
  /** claude's stdin: the terminal (default), nothing, or a stream. */
  stdin?: ClaudeStdin;
  usage: UsageRecorder;
}

export async function runClaude(input: RunClaudeInput): Promise<number> {
  const bin = findClaude({ claudeBin: input.claudeBin, env: input.env });
  const proxied = planNeedsProxy(input.plan);
  const filteredStderr = isPrintMode(input) ? input.stderr : undefined;
  const args = buildClaudeArgs({ promptText: input.promptText, print: input.print, claudeArgs: input.claudeArgs, proxied });
  if (!proxied) {
    if (input.plan.budget) input.stderr(BUDGET_NOT_ENFORCED);
    // No proxy to overlap with: only the install's own files are read (no `claude --version`).
    warnIfUntested(input, describeVersion(bin, versionFromInstall(bin)));
    const teardown = newTeardown(input, undefined);
    try {
      return await spawnClaude({ bin, args, env: input.env, cwd: input.cwd, stdin: input.stdin, filteredStderr });
    } finally {
      await teardown.finish();
    }
  }

  // A signal that arrives before claude runs (while the proxy starts) ends the run once setup is done.
  let early: NodeJS.Signals | undefined;
  const remember = (signal: NodeJS.Signals): void => {
    early ??= signal;
  };
  for (const signal of FORWARDED_SIGNALS) process.on(signal, remember);

  // Asked beside the proxy's start. A run that can never reach Claude (no Claude route, fallback off) does not
  // ask: a placeholder then costs the user nothing.
  const mayReachClaude = input.plan.fallback || hasClaudeRoute(input.plan);
  const credential = mayReachClaude ? claudeHasCredential({ bin, env: input.env, cwd: input.cwd }) : Promise.resolve(hasAnthropicCredentials(input.env));
  const versionProbe = startClaudeVersionProbe(bin, input.env);
  const listener = await HeldListener.listen();
  const secret = randomBytes(18).toString('base64url');
  const baseUrl = `http://127.0.0.1:${listener.port}/${secret}`;
  let proxy: ModelProxy | undefined;
  let started: Promise<void> | undefined;
  const teardown = newTeardown(input, () => (proxy ? proxy.shutdown() : listener.close()), () => proxy?.budgetNotice());
  try {
    // The proxy loads and starts while the credential check runs and claude boots: claude's first request
    // waits in the listener until it is ready. If it cannot start, claude is stopped and the run fails with why.
    const cancel = new AbortController();
    started = (async () => {
      const { ModelProxy } = await import('../proxy/model-proxy.js');
      proxy = new ModelProxy({
        plan: input.plan,
        config: input.config,
        env: input.env,
        secret,
        listener,
        onUsage: teardown.record,
        onFallback: (message) => input.stderr(`${message.startsWith('oss:') ? message : `oss: ${message}`}\n`),
      });
      await proxy.start();
    })();
    started.catch(() => cancel.abort());
    const hasOwnCredential = await credential;
    warnIfUntested(input, await versionProbe.settle(VERSION_PROBE_GRACE_MS));
    if (early) return exitCodeOf(undefined, early);
    if (!hasOwnCredential && mayReachClaude) input.stderr(NO_CREDENTIAL_NOTICE);
    const mainContextWindow = isClaudeModel(input.plan.main.model) ? undefined : targetFor(input.plan.main.model, input.config, input.env).contextWindow;
    if (mainContextWindow !== undefined && mainContextWindow < CLAUDE_CODE_MIN_CONTEXT) input.stderr(smallWindowWarning(input.plan.main.model, mainContextWindow));
    const env = buildClaudeEnv({
      plan: input.plan,
      userEnv: input.env,
      proxyBaseUrl: baseUrl,
      secret,
      mainContextWindow,
      hasOwnCredential,
    });
    env.OSS_STATUS_URL = `${baseUrl}${STATUS_PATH}`;
    const ossArgs = await statusLineArgs({ env: input.env, cwd: input.cwd, claudeArgs: input.claudeArgs, print: input.print });
    const proxiedArgs = buildClaudeArgs({ promptText: input.promptText, print: input.print, claudeArgs: input.claudeArgs, proxied, ossArgs });
    if (early) return exitCodeOf(undefined, early);
    if (cancel.signal.aborted) await started;
    const claude = await spawnClaude({ bin, args: proxiedArgs, env, cwd: input.cwd, stdin: input.stdin, watchdog: true, cancel: cancel.signal, filteredStderr }).then(
      (code) => ({ code }),
      (error: unknown) => ({ error }),
    );
    // A proxy that failed is why claude stopped: its error wins.
    await started;
    if ('error' in claude) throw claude.error;
    return claude.code;
  } finally {
    versionProbe.stop();
    for (const signal of FORWARDED_SIGNALS) process.off(signal, remember);
    // When the proxy failed to start, `claude auth status` may still be running: no process is left behind.
    await credential;
    // Nor a proxy that was still starting: it has settled before teardown closes it.
    await started?.catch(() => undefined);
    await teardown.finish();
  }
}

function newTeardown(input: RunClaudeInput, closeProxy: (() => Promise<void>) | undefined, budgetNotice?: () => string | undefined): RunTeardown {
  return new RunTeardown({
    ...(budgetNotice ? { budgetNotice } : {}),
    prompt: input.plan.prompt.name,
    mainModel: input.plan.main.model,
    quiet: input.quiet,
    stderr: input.stderr,
    closeProxy,
    usage: input.usage,
  });
}

function warnIfUntested(input: RunClaudeInput, check: ClaudeVersionCheck): void {
  if (check.warning) input.stderr(`${check.warning}\n`);
}

function smallWindowWarning(model: string, window: number): string {
  return (
    `oss: ${model} has a ${window.toLocaleString('en-US')}-token context window, but Claude Code's own prompt and tools take about 20,000 tokens: ` +
    'claude will likely stop with "Prompt is too long"; pick a model with a larger window\n'
  );
}

const NO_CREDENTIAL_NOTICE =
  'oss: Claude Code has no Anthropic login or key (no claude.ai login, CLAUDE_CODE_OAUTH_TOKEN, apiKeyHelper or ANTHROPIC_API_KEY): ' +
  'Claude routes and fallback to Claude are off for this run; run `claude /login` to turn them on\n';

/** `oss run -p`, or `-p`/`--print` passed to claude after `--`. */
function isPrintMode(input: RunClaudeInput): boolean {
  return input.print || input.claudeArgs.some((arg) => arg === '-p' || arg === '--print');
}

function hasClaudeRoute(plan: RoutePlan): boolean {
  return planRoutes(plan).some((route) => isClaudeModel(route.model));
}
