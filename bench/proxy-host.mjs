// The proxy under test, alone in its own process (so its memory figures are its own): started on the
// upstream port given in BENCH_UPSTREAM_PORT, it answers memory and usage-count questions over IPC.
// Run with --expose-gc so heap figures are taken after a full collection.
import { serveParent } from './child-process.mjs';
import { createBenchProxy } from './proxy-setup.mjs';

let usageEvents = 0;
let failedEvents = 0;
const proxy = createBenchProxy({
  upstreamPort: Number(process.env.BENCH_UPSTREAM_PORT),
  home: process.env.BENCH_HOME,
  onUsage: (event) => {
    usageEvents += 1;
    if (event.outcome !== 'ok') failedEvents += 1;
  },
});
await proxy.start();
process.send({ type: 'ready', baseUrl: proxy.baseUrl });

function memory() {
  globalThis.gc?.();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  const { user, system } = process.cpuUsage();
  // maxRSS is in kilobytes, CPU time in microseconds.
  return { rss, heapUsed, heapTotal, external, arrayBuffers, maxRss: process.resourceUsage().maxRSS * 1024, cpuMs: (user + system) / 1000 };
}

serveParent(
  async (message) => {
    if (message.type === 'memory') return { memory: memory() };
    if (message.type === 'usage') return { usageEvents, failedEvents };
    throw new Error(`unknown request ${message.type}`);
  },
  () => proxy.shutdown(),
);
