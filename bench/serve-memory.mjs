// Does `oss serve` grow with the number of requests it served? (Issue 9: it kept every usage record twice,
// about 0.7 KB of RSS per request.) Starts `oss serve --model claude --flush-every 3600` against a loopback
// Anthropic stand-in, sends requests in rounds with 8 at a time, and prints RSS and the growth
// per request from the first checkpoint (heap at its working size) to the last. GC noise is several MB, so
// the slope over tens of thousands of requests is the figure to read.
// Usage: npm run build && node bench/serve-memory.mjs [requests=20000]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const total = Number(process.argv[2] ?? 20_000);
const ANSWER = JSON.stringify({
  id: 'msg_bench', type: 'message', role: 'assistant', model: 'claude-bench', content: [{ type: 'text', text: 'ok' }],
  stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 12, output_tokens: 1 },
});
const upstream = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(ANSWER));
});
await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));

const ossHome = mkdtempSync(join(tmpdir(), 'oss-serve-mem-'));
const serve = spawn('node', [join(repo, 'bin/oss.js'), 'serve', '--model', 'claude', '--flush-every', '3600'], {
  env: { PATH: process.env.PATH, HOME: ossHome, OSS_HOME: ossHome, ANTHROPIC_BASE_URL: `http://127.0.0.1:${upstream.address().port}` },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
serve.stdout.setEncoding('utf8');
while (!out.includes('\n')) out += (await once(serve.stdout, 'data'))[0];
serve.stdout.resume();
const base = new URL(out.split('\n', 1)[0].slice('ANTHROPIC_BASE_URL='.length));

const agent = new Agent({ keepAlive: true, maxSockets: 8 });
const body = JSON.stringify({ model: 'claude-bench', max_tokens: 16, stream: false, messages: [{ role: 'user', content: 'hi' }] });
function post() {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: base.port, path: `${base.pathname}/v1/messages`, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'x-api-key': 'sk-ant-bench', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(body);
  });
}
async function round(count) {
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < count) {
      next += 1;
      await post();
    }
  }));
}
const rssKb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${serve.pid}/status`, 'utf8'))[1]);

const warmUp = Math.min(2000, Math.floor(total / 5));
await round(warmUp);
const first = rssKb();
console.log(`after ${warmUp} requests: RSS ${(first / 1024).toFixed(1)} MB`);
const checkpoints = 4;
const step = Math.floor((total - warmUp) / checkpoints);
let done = warmUp;
let last = first;
let settled = 0;
let settledAt = 0;
for (let i = 0; i < checkpoints; i += 1) {
  await round(step);
  done += step;
  last = rssKb();
  if (i === 0) [settled, settledAt] = [last, done];
  console.log(`after ${done} requests: RSS ${(last / 1024).toFixed(1)} MB`);
}
// From the first checkpoint on: by then the heap has grown to its working size, so what remains is retention.
console.log(`growth: ${(((last - settled) * 1024) / (done - settledAt)).toFixed(0)} bytes per request over the last ${done - settledAt} requests`);
serve.kill('SIGTERM');
await once(serve, 'exit');
const ledger = JSON.parse(readFileSync(join(ossHome, 'usage.json'), 'utf8'));
console.log(`ledger after SIGTERM: ${Object.values(ledger)[0]?.serve?.requests} requests recorded`);
agent.destroy();
upstream.close();
rmSync(ossHome, { recursive: true, force: true });
