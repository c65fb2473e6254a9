// `npm run bench:hardening`: how the proxy holds up against a hostile or broken provider and bad requests,
// measured (never asserted in `npm test`) with the real defaults, all on loopback:
//   1. a client paused 30 s on an endless stream: proxy RSS stays under 200 MB;
//   2. a 1 GB SSE line: the answer ends in a clear error, proxy RSS under 200 MB;
//   3. a provider that never sends headers: the request falls back to Claude within 35 s;
//   4. 100 malformed request shapes: each gets a 400 invalid_request_error naming the field;
//   5. what the door checks (nesting scan, shape validation) cost per request, in this process.
// Prints the figures; --write records them in bench/hardening-results.json. --quick pauses 3 s instead of 30.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './child-process.mjs';
import { claudeCodeRequest } from './claude-code-request.mjs';
import { startFakeClaude, startHostileProvider } from './hostile-upstreams.mjs';
import { malformedRequests } from './malformed-requests.mjs';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../dist/proxy/json-depth.js';
import { requestShapeError } from '../dist/proxy/request-shape.js';

const args = new Set(process.argv.slice(2));
const PAUSE_MS = args.has('--quick') ? 3_000 : 30_000;
const MB = 1024 * 1024;
const RSS_LIMIT_MB = 200;
const mb = (bytes) => Math.round((bytes / MB) * 10) / 10;
const seconds = (ms) => Math.round(ms / 100) / 10;

/** POST `body` to the proxy; resolves with the response (headers read, body not yet). */
function post(baseUrl, body) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'sk-ant-bench' } });
    req.on('response', (res) => resolve({ req, res }));
    req.on('error', reject);
    req.end(body);
  });
}

function readAll(res) {
  return new Promise((resolve, reject) => {
    const parts = [];
    res.on('data', (part) => parts.push(part));
    res.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    res.on('error', reject);
  });
}

/** Samples the proxy's RSS every 250 ms until stop(); returns the highest sample and the process's peak. */
function sampleRss(proxyHost) {
  let highest = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rss } = await proxyHost.ask({ type: 'rss' });
      highest = Math.max(highest, rss);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return async () => {
    running = false;
    await loop;
    const { rss, maxRss } = await proxyHost.ask({ type: 'rss' });
    return { highestSampleMb: mb(Math.max(highest, rss)), processPeakMb: mb(maxRss) };
  };
}

async function pausedClient(baseUrl, provider, proxyHost, streamBody) {
  provider.reset('endless');
  const { req, res } = await post(baseUrl, streamBody);
  await new Promise((resolve) => res.once('data', resolve));
  res.pause();
  const stop = sampleRss(proxyHost);
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  const providerBytesWhilePaused = provider.state.written;
  let received = 0;
  res.on('data', (part) => (received += part.length));
  res.resume();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const rss = await stop();
  req.destroy();
  return {
    pausedMs: PAUSE_MS,
    status: res.statusCode,
    providerMbWrittenWhilePaused: mb(providerBytesWhilePaused),
    clientMbReadIn2sAfterResume: mb(received),
    ...rss,
  };
}

async function giantLine(baseUrl, provider, proxyHost, streamBody) {
  provider.reset('giant-line');
  const stop = sampleRss(proxyHost);
  const started = performance.now();
  const { res } = await post(baseUrl, streamBody);
  const text = await readAll(res);
  const elapsed = performance.now() - started;
  const rss = await stop();
  const error = /event: error\ndata: (.*)\n\n$/.exec(text)?.[1];
  return {
    status: res.statusCode,
    seconds: seconds(elapsed),
    providerMbWritten: mb(provider.state.written),
    endsWith: error ? JSON.parse(error) : text.slice(-300),
    ...rss,
  };
}

async function neverHeaders(baseUrl, provider, claude, streamBody) {
  provider.reset('never-headers');
  const claudeBefore = claude.state.requests;
  const started = performance.now();
  const { res } = await post(baseUrl, streamBody);
  const headersAt = performance.now() - started;
  let firstEventAt;
  const parts = [];
  await new Promise((resolve, reject) => {
    res.on('data', (part) => {
      const text = part.toString('utf8');
      if (firstEventAt === undefined && text.includes('event: ')) firstEventAt = performance.now() - started;
      parts.push(text);
    });
    res.on('end', resolve);
    res.on('error', reject);
  });
  const text = parts.join('');
  const keepAlives = text.split(': keep-alive\n\n').length - 1;
  return {
    status: res.statusCode,
    secondsToHeaders: seconds(headersAt),
    secondsToClaudesFirstEvent: seconds(firstEventAt ?? Number.NaN),
    keepAliveComments: keepAlives,
    providerRequests: provider.state.requests,
    claudeRequests: claude.state.requests - claudeBefore,
    answeredByClaude: text.includes('"text":"From Claude."'),
  };
}

async function malformed(baseUrl, provider, claude) {
  provider.reset('endless');
  const claudeBefore = claude.state.requests;
  const results = [];
  for (const entry of malformedRequests()) {
    const started = performance.now();
    const { res } = await post(baseUrl, entry.body);
    const body = JSON.parse(await readAll(res));
    results.push({ name: entry.name, ms: performance.now() - started, status: res.statusCode, retry: res.headers['x-should-retry'], type: body.error?.type, message: body.error?.message });
  }
  const refused = results.filter((r) => r.status === 400 && r.retry === 'false' && r.type === 'invalid_request_error');
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    requests: results.length,
    answered400: refused.length,
    distinctMessages: new Set(results.map((r) => r.message)).size,
    providerRequests: provider.state.requests,
    claudeRequests: claude.state.requests - claudeBefore,
    medianMs: Math.round(latencies[Math.floor(latencies.length / 2)] * 10) / 10,
    maxMs: Math.round(latencies.at(-1) * 10) / 10,
    notRefused: results.filter((r) => !refused.includes(r)),
    examples: results.filter((_, i) => i % 10 === 0).map((r) => `${r.name} → ${r.message}`),
  };
}

/** Microseconds per call of the checks every /v1/messages request passes, on a Claude Code body and a 30 MB one. */
async function doorCost(streamBody) {
  const time = async (raw, runs) => {
    const body = JSON.parse(raw.toString('utf8'));
    if (nestsDeeperThan(raw, MAX_JSON_DEPTH) || (await requestShapeError(body)) !== undefined) throw new Error('a valid body was refused');
    const started = performance.now();
    for (let i = 0; i < runs; i += 1) nestsDeeperThan(raw, MAX_JSON_DEPTH);
    const scanned = performance.now();
    for (let i = 0; i < runs; i += 1) await requestShapeError(body);
    const validated = performance.now();
    return { kb: Math.round(raw.length / 1024), nestingScanUs: Math.round(((scanned - started) / runs) * 1000), shapeCheckUs: Math.round(((validated - scanned) / runs) * 1000) };
  };
  const claudeCode = Buffer.from(streamBody);
  const image = { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'A'.repeat(30 * MB) } };
  const withImage = JSON.parse(streamBody);
  withImage.messages.push({ role: 'user', content: [image, { type: 'text', text: 'What is in this image?' }] });
  return { claudeCodeBody: await time(claudeCode, 2000), thirtyMbImageBody: await time(Buffer.from(JSON.stringify(withImage)), 20) };
}

const scratch = mkdtempSync(join(tmpdir(), 'oss-bench-hardening-'));
const provider = await startHostileProvider();
const claude = await startFakeClaude();
let proxyHost;
try {
  proxyHost = await startChild(fileURLToPath(new URL('./hostile-proxy-host.mjs', import.meta.url)), {
    env: { PATH: process.env.PATH, BENCH_HOME: join(scratch, 'home'), BENCH_PROVIDER_PORT: String(provider.port), BENCH_CLAUDE_PORT: String(claude.port) },
  });
  const baseUrl = proxyHost.info.baseUrl;
  const streamBody = JSON.stringify(claudeCodeRequest({ stream: true }));
  const result = { date: new Date().toISOString(), machine: { cpus: cpus().length, node: process.versions.node, loadAverage: loadavg().map((v) => Math.round(v * 100) / 100) } };
  process.stderr.write(`hardening: client paused ${PAUSE_MS / 1000} s on an endless stream…\n`);
  result.pausedClient = await pausedClient(baseUrl, provider, proxyHost, streamBody);
  process.stderr.write('hardening: a 1 GB SSE line…\n');
  result.giantLine = await giantLine(baseUrl, provider, proxyHost, streamBody);
  process.stderr.write('hardening: a provider that never sends headers (default 30 s timeout)…\n');
  result.neverHeaders = await neverHeaders(baseUrl, provider, claude, streamBody);
  process.stderr.write('hardening: 100 malformed requests…\n');
  result.malformed = await malformed(baseUrl, provider, claude);
  result.doorCost = await doorCost(streamBody);

  const verdicts = {
    [`paused client: proxy RSS < ${RSS_LIMIT_MB} MB`]: result.pausedClient.processPeakMb < RSS_LIMIT_MB,
    [`1 GB SSE line: clear error, proxy RSS < ${RSS_LIMIT_MB} MB`]: result.giantLine.processPeakMb < RSS_LIMIT_MB && typeof result.giantLine.endsWith === 'object',
    'no headers: Claude answered within 35 s': result.neverHeaders.answeredByClaude && result.neverHeaders.secondsToClaudesFirstEvent < 35,
    '100 malformed requests: each a 400': result.malformed.answered400 === 100 && result.malformed.providerRequests === 0 && result.malformed.claudeRequests === 0,
  };
  result.verdicts = verdicts;
  console.log(JSON.stringify(result, null, 2));
  const out = args.has('--write') ? fileURLToPath(new URL('./hardening-results.json', import.meta.url)) : join(tmpdir(), `oss-bench-hardening-${Date.now()}.json`);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nfull result: ${out}`);
  for (const [what, ok] of Object.entries(verdicts)) console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (Object.values(verdicts).includes(false)) process.exitCode = 1;
} finally {
  await proxyHost?.stop();
  await provider.close();
  await claude.close();
  rmSync(scratch, { recursive: true, force: true });
}
