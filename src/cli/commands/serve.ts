// `oss serve`: the same per-run proxy, in the foreground, for editors and manual use. The first stdout line
// is `ANTHROPIC_BASE_URL=<url>` (scripts read it), then how to use it. The secret comes from --secret-file or
// OSS_SECRET, else is generated (serve-secret.ts). Usage is merged into the ledger every --flush-every
// seconds (60 by default, never per request) and once more on the way out; SIGINT, SIGTERM, SIGHUP (a closed
// terminal or SSH session) and SIGQUIT all stop it cleanly after that last merge.
import getPort from 'get-port';
import type { CliIO } from '../../io.js';
import { UsageError } from '../../errors.js';
import { loadConfig } from '../../config/load-config.js';
import { untrustedNotice } from '../../config/untrusted-config.js';
import { buildRoutePlan } from '../../routing/build-route-plan.js';
import { ModelProxy } from '../../proxy/model-proxy.js';
import { LedgerBatch } from '../../usage/ledger-batch.js';
import { serveSecret } from './serve-secret.js';

export interface ServeOptions {
  model?: string;
  port?: string;
  secret?: string;
  secretFile?: string;
  flushEvery?: string;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port ${JSON.stringify(raw)}: expected a port number from 1 to 65535`);
  return port;
}

function parseSeconds(raw: string): number {
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 86_400) throw new UsageError(`--flush-every ${JSON.stringify(raw)}: expected seconds from 1 to 86400`);
  return seconds;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function serve(opts: ServeOptions, io: CliIO): Promise<number> {
  const secret = await serveSecret(opts, io.env, (line) => io.stderr(`${line}\n`));
  const flushEverySeconds = parseSeconds(opts.flushEvery ?? '60');
  const wanted = opts.port === undefined ? undefined : parsePort(opts.port);
  const port = wanted === undefined ? undefined : await getPort({ port: wanted, host: '127.0.0.1' });
  if (wanted !== undefined && port !== wanted) io.stderr(`oss serve: port ${wanted} is busy; using ${port}\n`);

  const loaded = await loadConfig({ cwd: io.cwd, env: io.env });
  for (const untrusted of loaded.untrusted) io.stderr(`${untrustedNotice(untrusted)}\n`);
  const built = await buildRoutePlan({ promptText: 'serve', ...(opts.model ? { cliModel: opts.model } : {}), cwd: io.cwd, env: io.env });
  const plan = { ...built, prompt: { type: 'adhoc' as const, name: 'serve' } };
  const ledger = new LedgerBatch(io.env, { warn: (line) => io.stderr(`${line}\n`) });

  const proxy = new ModelProxy({
    plan,
    config: loaded.merged,
    env: io.env,
    ...(secret ? { secret } : {}),
    ...(port !== undefined ? { port } : {}),
    onUsage: ledger.add,
    onFallback: (message) => io.stderr(`${message}\n`),
  });
  await proxy.start();

  // One merge at a time; a failed merge keeps its counters for the next one.
  let merging = Promise.resolve();
  const merge = (): Promise<void> =>
    (merging = merging.then(async () => {
      if (!ledger.hasPending) return;
      await ledger.flush().catch((error: unknown) => io.stderr(`oss serve: usage not recorded yet (${messageOf(error)}); trying again later\n`));
    }));
  const timer = setInterval(() => void merge(), flushEverySeconds * 1000);
  timer.unref();

  // Listening for the stop signals before the URL is printed: a script that reads the URL and at once sends
  // SIGTERM gets a clean stop, never Node's default exit (which would skip the ledger merge).
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    const stop = (received: NodeJS.Signals): void => {
      for (const name of STOP_SIGNALS) process.off(name, stop);
      resolve(received);
    };
    for (const name of STOP_SIGNALS) process.on(name, stop);
  });

  io.stdout(`ANTHROPIC_BASE_URL=${proxy.baseUrl}\n`);
  io.stdout(
    [
      `oss serve: main model ${plan.main.model}; fallback to Claude ${plan.fallback ? 'on' : 'off'}.`,
      `Use it:   ANTHROPIC_BASE_URL=${proxy.baseUrl} claude`,
      '          (or set ANTHROPIC_BASE_URL in your editor\'s Claude Code settings; Claude Code\'s own login',
      `          or key reaches only Anthropic. With none, also set ANTHROPIC_AUTH_TOKEN=${proxy.secret})`,
      'Stop:     Ctrl-C',
      '',
    ].join('\n'),
  );

  const signal = await stopped;
  clearInterval(timer);
  // After SIGHUP the terminal may be gone: the ledger is written before anything is printed.
  if (signal === 'SIGHUP') {
    process.stdout.on('error', () => undefined);
    process.stderr.on('error', () => undefined);
  }
  await proxy.shutdown();
  await merge();
  io.stderr('oss serve: stopped\n');
  return 0;
}
