// `oss run [prompt…] [--model M] [--dry-run] [--resume ID | --continue] …`: build the RoutePlan for the prompt, print it with --dry-run,
// otherwise hand it to the launcher. `--model` may sit anywhere on the line: commander takes it when it can,
// and one left among the prompt words is taken out here.
import type { CliIO } from '../../io.js';
import { UsageError } from '../../errors.js';
import { buildRoutePlan } from '../../routing/build-route-plan.js';
import { formatRoutePlan } from '../../routing/format-route-plan.js';
import { ModelRouter } from '../../routing/model-router.js';
import { parseRunPrompt } from '../../routing/parse-run-prompt.js';
import { untrustedNotice } from '../../config/untrusted-config.js';
import { formatPlanWarnings, planWarnings } from '../../routing/plan-warnings.js';

export async function run(prompt: string[], opts: Record<string, unknown>, claudeArgs: string[], io: CliIO): Promise<number> {
  const parsed = parseRunPrompt(prompt);
  const flagModel = typeof opts.model === 'string' ? opts.model : undefined;
  if (flagModel !== undefined && parsed.model !== undefined && flagModel !== parsed.model) {
    throw new UsageError(`two different --model values (${flagModel}, ${parsed.model}): give one`);
  }
  const cliModel = flagModel ?? parsed.model;
  const resume = typeof opts.resume === 'string' ? opts.resume : undefined;
  if (parsed.text === '' && opts.print) throw new UsageError('oss run -p needs a prompt: a slash command such as /oss:ship, or text (leave out -p for an interactive session)');
  if (resume !== undefined && opts.continue) throw new UsageError('--resume and --continue both pick a session: give one');
  const router = new ModelRouter({ cwd: io.cwd, env: io.env });
  for (const untrusted of (await router.config()).untrusted) io.stderr(`${untrustedNotice(untrusted)}\n`);
  const plan = await buildRoutePlan({
    router,
    promptText: parsed.text,
    ...(cliModel === undefined ? {} : { cliModel }),
    cwd: io.cwd,
    env: io.env,
    ...(typeof opts.fallback === 'boolean' ? { fallback: opts.fallback } : {}),
    ...(opts.maxCost === undefined ? {} : { maxCostUsd: maxCostOption(opts.maxCost) }),
  });
  io.stderr(formatPlanWarnings(await planWarnings({ plan, loaded: await router.config(), ctx: router.ctx })));
  if (opts.dryRun) {
    io.stdout(formatRoutePlan(plan));
    return 0;
  }
  return (await import('../../launcher/launch-run.js')).launchRun(
    plan,
    {
      promptText: parsed.text,
      print: Boolean(opts.print),
      quiet: Boolean(opts.quiet),
      ...(typeof opts.claudeBin === 'string' ? { claudeBin: opts.claudeBin } : {}),
      claudeArgs,
      session: { ...(resume === undefined ? {} : { resume }), ...(opts.continue ? { continue: true } : {}) },
    },
    io,
  );
}

/** `--max-cost 0.50`: dollars above 0. */
function maxCostOption(value: unknown): number {
  const usd = typeof value === 'string' && /^\s*\$?\d*\.?\d+\s*$/.test(value) ? Number(value.trim().replace(/^\$/, '')) : NaN;
  if (!(usd > 0)) throw new UsageError(`--max-cost ${String(value)}: expected dollars above 0, e.g. --max-cost 0.50`);
  return usd;
}
