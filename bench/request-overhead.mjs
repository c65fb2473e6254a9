// Per-request overhead: the same turn sent straight to the upstream (OpenAI format) and through the proxy
// (Anthropic format), sequentially (one direct, one proxied, alternating, so machine load hits both alike)
// and with several requests in flight (alternating blocks). Reports what the proxy adds at p50 and p95.
import { runRequests, timedPost } from './http-client.mjs';
import { round, summarize } from './stats.mjs';

function describe(samples, wallMs) {
  return {
    ttfb: summarize(samples.map((s) => s.ttfb)),
    total: summarize(samples.map((s) => s.total)),
    requestsPerSecond: round((samples.length / wallMs) * 1000, 1),
  };
}

function added(direct, proxied) {
  const diff = (key, p) => round(proxied[key][p] - direct[key][p]);
  return { ttfbP50: diff('ttfb', 'p50'), ttfbP95: diff('ttfb', 'p95'), totalP50: diff('total', 'p50'), totalP95: diff('total', 'p95') };
}

/** `count` requests each way, one at a time, alternating direct and proxied. */
export async function sequentialOverhead(direct, proxied, dispatcher, count) {
  const samples = { direct: [], proxied: [] };
  const wall = { direct: 0, proxied: 0 };
  for (let i = 0; i < count; i += 1) {
    for (const [name, target] of [['direct', direct], ['proxied', proxied]]) {
      const sample = await timedPost(target, dispatcher);
      samples[name].push(sample);
      wall[name] += sample.total;
    }
  }
  const result = { direct: describe(samples.direct, wall.direct), proxied: describe(samples.proxied, wall.proxied) };
  return { ...result, added: added(result.direct, result.proxied) };
}

/** `count` requests each way with `concurrency` in flight, in alternating blocks of `block`. */
export async function concurrentOverhead(direct, proxied, dispatcher, { count, concurrency, block }) {
  const samples = { direct: [], proxied: [] };
  const wall = { direct: 0, proxied: 0 };
  for (let done = 0; done < count; done += block) {
    const size = Math.min(block, count - done);
    for (const [name, target] of [['direct', direct], ['proxied', proxied]]) {
      const run = await runRequests(target, dispatcher, { count: size, concurrency });
      samples[name].push(...run.samples);
      wall[name] += run.wallMs;
    }
  }
  const result = { direct: describe(samples.direct, wall.direct), proxied: describe(samples.proxied, wall.proxied) };
  return { ...result, added: added(result.direct, result.proxied) };
}
