// `npm run bench`: start-up, proxy lifecycle, per-request overhead (streaming and not) and proxy memory, all
// on loopback against a scripted upstream, every loop bounded. Prints a table; writes the full result as JSON
// to a temp file, or to bench/results.json with --write. --quick runs a tenth of the loops (a smoke run);
// --profile writes a V8 CPU profile of the proxy process (open it in Chrome DevTools) to a temp folder.
// --launch runs only the launch figures (bench/launch-startup.mjs: how long before claude starts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './child-process.mjs';
import { claudeCodeRequest } from './claude-code-request.mjs';
import { cliStartup } from './cli-startup.mjs';
import { createClientPool, runRequests } from './http-client.mjs';
import { proxyLifecycle } from './proxy-lifecycle.mjs';
import { proxyMemory } from './proxy-memory.mjs';
import { launchStartup } from './launch-startup.mjs';
import { formatLaunch, formatReport } from './report.mjs';
import { summarize } from './stats.mjs';
import { concurrentOverhead, sequentialOverhead } from './request-overhead.mjs';
import { countTokensTarget, directTarget, proxyTarget } from './targets.mjs';

const args = new Set(process.argv.slice(2));
const scale = args.has('--quick') ? 0.1 : 1;
const n = (count) => Math.max(2, Math.round(count * scale));

const COUNTS = {
  cliRuns: n(20),
  launchRuns: n(20),
  lifecycleRuns: n(50),
  warmUp: 20,
  streaming: n(200),
  concurrency: 8,
  block: n(50),
  nonStreaming: n(40),
  countTokens: n(30),
  memory: n(1000),
  memoryCheckpoints: 4,
};

function machine() {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    totalMemoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.versions.node,
    platform: `${platform()} ${release()}`,
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

async function capturedBody(upstreamPort) {
  const answer = await fetch(`http://127.0.0.1:${upstreamPort}/captured`);
  return Buffer.from(await answer.arrayBuffer());
}

const scratch = mkdtempSync(join(tmpdir(), 'oss-bench-'));
const home = join(scratch, 'home');
const profileDir = args.has('--profile') ? mkdtempSync(join(tmpdir(), 'oss-bench-profile-')) : undefined;
const children = [];
const pool = createClientPool();
if (args.has('--launch')) {
  try {
    console.log(formatLaunch(await launchStartup(scratch, COUNTS.launchRuns)));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  process.exit(0);
}
try {
  const result = { date: new Date().toISOString(), machine: machine(), counts: COUNTS };
  process.stderr.write('bench: CLI start-up…\n');
  result.cli = cliStartup(scratch, COUNTS.cliRuns);
  process.stderr.write('bench: launch (stand-in claude, oss serve)…\n');
  result.launch = await launchStartup(scratch, COUNTS.launchRuns);
  process.stderr.write('bench: proxy lifecycle…\n');
  result.lifecycle = await proxyLifecycle(home, COUNTS.lifecycleRuns);

  const upstream = await startChild(fileURLToPath(new URL('./upstream-host.mjs', import.meta.url)));
  children.push(upstream);
  const proxyHost = await startChild(fileURLToPath(new URL('./proxy-host.mjs', import.meta.url)), {
    env: { PATH: process.env.PATH, BENCH_UPSTREAM_PORT: String(upstream.info.port), BENCH_HOME: home },
    execArgv: ['--expose-gc', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
  });
  children.push(proxyHost);
  const upstreamPort = upstream.info.port;
  const baseUrl = proxyHost.info.baseUrl;

  process.stderr.write('bench: streaming overhead…\n');
  const streamRequest = claudeCodeRequest({ stream: true });
  const proxiedStream = proxyTarget(baseUrl, streamRequest);
  await runRequests(proxiedStream, pool, { count: COUNTS.warmUp, concurrency: 1 });
  const directStream = directTarget(upstreamPort, await capturedBody(upstreamPort));
  await runRequests(directStream, pool, { count: COUNTS.warmUp, concurrency: 1 });
  result.requestBytes = Buffer.byteLength(proxiedStream.body);
  result.upstreamBytes = directStream.body.length;
  result.streaming = {
    concurrency: COUNTS.concurrency,
    sequential: await sequentialOverhead(directStream, proxiedStream, pool, COUNTS.streaming),
    concurrent: await concurrentOverhead(directStream, proxiedStream, pool, { count: COUNTS.streaming, concurrency: COUNTS.concurrency, block: COUNTS.block }),
  };

  process.stderr.write('bench: non-streaming overhead…\n');
  const proxiedMessage = proxyTarget(baseUrl, claudeCodeRequest({ stream: false }));
  await runRequests(proxiedMessage, pool, { count: 5, concurrency: 1 });
  const directMessage = directTarget(upstreamPort, await capturedBody(upstreamPort));
  await runRequests(directMessage, pool, { count: 5, concurrency: 1 });
  result.nonStreaming = await sequentialOverhead(directMessage, proxiedMessage, pool, COUNTS.nonStreaming);

  process.stderr.write('bench: count_tokens…\n');
  const countTokens = countTokensTarget(baseUrl, streamRequest);
  await runRequests(countTokens, pool, { count: 2, concurrency: 1 });
  result.countTokens = summarize((await runRequests(countTokens, pool, { count: COUNTS.countTokens, concurrency: 1 })).samples.map((s) => s.total));

  process.stderr.write(`bench: proxy memory over ${COUNTS.memory} requests…\n`);
  result.memory = await proxyMemory(proxyHost, proxiedStream, pool, {
    count: COUNTS.memory,
    checkpoints: COUNTS.memoryCheckpoints,
    concurrency: COUNTS.concurrency,
  });
  const { usageEvents, failedEvents } = await proxyHost.ask({ type: 'usage' });
  result.usageEvents = usageEvents;
  result.failedEvents = failedEvents;
  result.proxiedRequests = COUNTS.warmUp + 5 + 2 * COUNTS.streaming + COUNTS.nonStreaming + COUNTS.memory;

  console.log(formatReport(result));
  const out = args.has('--write') ? fileURLToPath(new URL('./results.json', import.meta.url)) : join(tmpdir(), `oss-bench-${Date.now()}.json`);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nfull result: ${out}`);
  if (profileDir) console.log(`proxy CPU profile: ${profileDir} (written when the proxy process exits)`);
  if (usageEvents !== result.proxiedRequests || failedEvents !== 0) {
    throw new Error(`bench: the proxy reported ${usageEvents} usage events (${failedEvents} failed) for ${result.proxiedRequests} requests`);
  }
} finally {
  await Promise.all(children.map((child) => child.stop()));
  await pool.close();
  rmSync(scratch, { recursive: true, force: true });
}
