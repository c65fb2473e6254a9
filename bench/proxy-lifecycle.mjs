// How long a ModelProxy takes to start (build targets, Fastify, listen) and to shut down, and that its port
// is free again afterwards (another server can listen on it at once).
import { createServer } from 'node:net';
import { createBenchProxy } from './proxy-setup.mjs';
import { since, summarize } from './stats.mjs';

const WARM_UP_RUNS = 3;
/** The upstream port is never contacted here: the proxy only resolves its routes at start. */
const UNUSED_UPSTREAM_PORT = 9;

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function proxyLifecycle(home, runs) {
  const start = [];
  const shutdown = [];
  let portsFreed = 0;
  for (let i = 0; i < WARM_UP_RUNS + runs; i += 1) {
    const proxy = createBenchProxy({ upstreamPort: UNUSED_UPSTREAM_PORT, home });
    const t0 = performance.now();
    await proxy.start();
    const started = since(t0);
    const port = proxy.getPort();
    const t1 = performance.now();
    await proxy.shutdown();
    const stopped = since(t1);
    const free = await portIsFree(port);
    if (i < WARM_UP_RUNS) continue;
    start.push(started);
    shutdown.push(stopped);
    if (free) portsFreed += 1;
  }
  return { start: summarize(start), shutdown: summarize(shutdown), portsFreed, runs };
}
