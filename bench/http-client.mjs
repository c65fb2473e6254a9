// The bench's client: POST a body over a keep-alive undici pool and time the answer, as Claude Code does
// (time to the first body byte, time to the end of the body). Each answer is checked after its timing stops,
// so a broken proxy cannot pass as a fast one.
import { Agent, request } from 'undici';
import { since } from './stats.mjs';

export function createClientPool() {
  // A stuck answer fails the bench within seconds instead of hanging it.
  return new Agent({ keepAliveTimeout: 30_000, connections: 16, headersTimeout: 20_000, bodyTimeout: 20_000 });
}

/**
 * One request target: the URL, the body bytes, headers, and `check(status, text)` that throws when the
 * answer is not the expected one.
 */
export async function timedPost(target, dispatcher) {
  const start = performance.now();
  const answer = await request(target.url, { method: 'POST', headers: target.headers, body: target.body, dispatcher });
  const parts = [];
  let ttfb;
  for await (const part of answer.body) {
    ttfb ??= since(start);
    parts.push(part);
  }
  const total = since(start);
  target.check(answer.statusCode, Buffer.concat(parts).toString('utf8'));
  return { ttfb: ttfb ?? total, total };
}

/** Run `count` requests to `target`, `concurrency` at a time; returns every sample and the wall time. */
export async function runRequests(target, dispatcher, { count, concurrency }) {
  const samples = [];
  let started = 0;
  const wallStart = performance.now();
  const worker = async () => {
    while (started < count) {
      started += 1;
      samples.push(await timedPost(target, dispatcher));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { samples, wallMs: since(wallStart) };
}
