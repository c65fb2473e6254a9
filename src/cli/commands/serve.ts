// `oss serve`: the same per-run proxy, in the foreground, for editors and manual use. The first stdout line
// is `ANTHROPIC_BASE_URL=<url>` (scripts read it), then how to use it. SIGINT/SIGTERM stop it cleanly;
// the requests it served are merged into the usage ledger on the way out.
import getPort from 'get-port';
import type { CliIO } from '../io.js';
import { UsageError } from '../../errors.js';
import { loadConfig } from '../../config/load-config.js';
import { untrustedNotice } from '../../config/untrusted-config.js';
import { buildRoutePlan } from '../../routing/build-route-plan.js';
import { ModelProxy } from '../../proxy/model-proxy.js';
import { CostTracker } from '../../usage/cost-tracker.js';

export interface ServeOptions {
  model?: string;
  port?: string;
  secret?: string;
}

const SECRET = /^[A-Za-z0-9._~-]{8,128}$/;

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port ${JSON.stringify(raw)}: expected a port number from 1 to 65535`);
  return port;
}

export async function serve(opts: ServeOptions, io: CliIO): Promise<number> {
  if (opts.secret !== undefined && !SECRET.test(opts.secret)) {
    throw new UsageError('--secret: expected 8 to 128 characters from A-Z a-z 0-9 . _ ~ - (it becomes part of the URL path)');
  }
  const wanted = opts.port === undefined ? undefined : parsePort(opts.port);
  const port = wanted === undefined ? undefined : await getPort({ port: wanted, host: '127.0.0.1' });
  if (wanted !== undefined && port !== wanted) io.stderr(`oss serve: port ${wanted} is busy; using ${port}\n`);

  const loaded = await loadConfig({ cwd: io.cwd, env: io.env });
  for (const untrusted of loaded.untrusted) io.stderr(`${untrustedNotice(untrusted)}\n`);
  const built = await buildRoutePlan({ promptText: 'serve', ...(opts.model ? { cliModel: opts.model } : {}), cwd: io.cwd, env: io.env });
  const plan = { ...built, prompt: { type: 'adhoc' as const, name: 'serve' } };
  const tracker = new CostTracker({ env: io.env, config: loaded.merged, warn: (line) => io.stderr(`${line}\n`) });

  const proxy = new ModelProxy({
    plan,
    config: loaded.merged,
    env: io.env,
    ...(opts.secret ? { secret: opts.secret } : {}),
    ...(port !== undefined ? { port } : {}),
    onUsage: (event) => tracker.recordEvent(event),
    onFallback: (message) => io.stderr(`${message}\n`),
  });
  await proxy.start();

  io.stdout(`ANTHROPIC_BASE_URL=${proxy.baseUrl}\n`);
  io.stdout(
    [
      `oss serve: main model ${plan.main.model}; fallback to Claude ${plan.fallback ? 'on' : 'off'}.`,
      `Use it:   ANTHROPIC_BASE_URL=${proxy.baseUrl} claude`,
      '          (or set ANTHROPIC_BASE_URL in your editor\'s Claude Code settings; without Anthropic',
      '          credentials also set ANTHROPIC_AUTH_TOKEN to any value)',
      'Stop:     Ctrl-C',
      '',
    ].join('\n'),
  );

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await proxy.shutdown();
  await tracker.flush();
  io.stderr('oss serve: stopped\n');
  return 0;
}
