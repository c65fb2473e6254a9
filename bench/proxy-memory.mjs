// Memory of the proxy process across many proxied requests: heap and RSS after a full GC before, at
// checkpoints, and after; peak RSS over the process's life. Steady heap across checkpoints means nothing
// is kept per request. CPU time of the proxy process per request is taken over the same run.
import { runRequests } from './http-client.mjs';

const MB = 1024 * 1024;

function inMb(memory) {
  return {
    rssMb: Math.round((memory.rss / MB) * 10) / 10,
    heapUsedMb: Math.round((memory.heapUsed / MB) * 10) / 10,
    externalMb: Math.round((memory.external / MB) * 10) / 10,
  };
}

export async function proxyMemory(proxyHost, target, dispatcher, { count, checkpoints, concurrency }) {
  const before = (await proxyHost.ask({ type: 'memory' })).memory;
  const samples = [{ requests: 0, ...inMb(before) }];
  const step = Math.ceil(count / checkpoints);
  for (let done = 0; done < count; done += step) {
    const size = Math.min(step, count - done);
    await runRequests(target, dispatcher, { count: size, concurrency });
    samples.push({ requests: done + size, ...inMb((await proxyHost.ask({ type: 'memory' })).memory) });
  }
  const after = (await proxyHost.ask({ type: 'memory' })).memory;
  const first = samples[0];
  const last = samples.at(-1);
  return {
    requests: count,
    concurrency,
    samples,
    heapGrowthMb: Math.round((last.heapUsedMb - first.heapUsedMb) * 10) / 10,
    rssGrowthMb: Math.round((last.rssMb - first.rssMb) * 10) / 10,
    peakRssMb: Math.round((after.maxRss / MB) * 10) / 10,
    // Includes the GCs forced at each checkpoint: a slight overestimate.
    cpuMsPerRequest: Math.round(((after.cpuMs - before.cpuMs) / count) * 100) / 100,
  };
}
