// How long a user waits before claude starts, measured with a stand-in `claude` (a shell script that only
// records when it starts, then exits): the wall time from spawning the whole process to the stand-in's first
// line, and the CPU the launching process's main thread had used by then (/proc/<parent>/schedstat, in ns:
// steadier than wall time on a loaded machine). Four launches: bare `node` spawning the stand-in (the floor),
// the all-Claude `oss run -p hi --model claude`, a proxied `oss run` (a non-Claude model: the proxy starts
// too), and `oss serve` to its first 200 on POST /v1/messages (polled every 2 ms, like a client that retries;
// its CPU is the serve process's main thread's when that 200 arrives).
// The non-Claude model is OpenRouter with its base URL on a loopback upstream and a made-up key.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from './stats.mjs';

/** The CLI to launch; OSS_BENCH_BIN points it at another entry (e.g. the unbundled dist/cli/main.js) to compare. */
const BIN = process.env.OSS_BENCH_BIN ?? fileURLToPath(new URL('../bin/oss.js', import.meta.url));
const WARM_UP_RUNS = 2;
const nowNs = () => BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));

function writeStandIn(dir) {
  const log = join(dir, 'claude-starts.log');
  const bin = join(dir, 'claude');
  // `claude --version` (oss's version probe) and `claude auth status` are answered, not recorded.
  const script = [
    '#!/bin/sh',
    'case "$1" in --version) echo "2.1.332 (Claude Code)"; exit 0;; auth) echo \'{"loggedIn":false}\'; exit 0;; esac',
    'read -r cpu rest < /proc/$PPID/schedstat',
    `echo "$(date +%s%N) $cpu" >> '${log}'`,
    '',
  ];
  writeFileSync(bin, script.join('\n'));
  chmodSync(bin, 0o755);
  return { bin, log };
}

function runToExit(args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (part) => (stderr += part));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`bench: \`node ${args.join(' ')}\` exited ${code}: ${stderr.trim().slice(0, 400)}`));
    });
  });
}

/** Spawn-to-claude wall ms and the launcher's main-thread CPU ms at that moment, per run. */
async function timeLaunch(args, options, standIn, runs) {
  const wall = [];
  const cpu = [];
  for (let i = 0; i < WARM_UP_RUNS + runs; i += 1) {
    rmSync(standIn.log, { force: true });
    const start = nowNs();
    await runToExit(args, options);
    const [startedNs, cpuNs] = readFileSync(standIn.log, 'utf8').trim().split(' ').map(BigInt);
    if (i < WARM_UP_RUNS) continue;
    wall.push(Number(startedNs - start) / 1e6);
    cpu.push(Number(cpuNs) / 1e6);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

function post(url, body) {
  return new Promise((resolve) => {
    const target = new URL(url);
    const req = request(target, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** `oss serve` from spawn to its first 200 (wall ms, and its main thread's CPU ms then), then SIGTERM and wait for exit. */
async function timeServe(options, runs) {
  const wall = [];
  const cpu = [];
  const body = JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] });
  for (let i = 0; i < WARM_UP_RUNS + runs; i += 1) {
    const port = await freePort();
    const secret = 'bench-secret-0123';
    const start = performance.now();
    const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--model', 'openrouter/deepseek/deepseek-chat'], {
      ...options,
      env: { ...options.env, OSS_SECRET: secret },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let status = 0;
    while (status !== 200 && performance.now() - start < 30_000 && child.exitCode === null) {
      status = await post(`http://127.0.0.1:${port}/${secret}/v1/messages`, body);
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const ms = performance.now() - start;
    const cpuNs = status === 200 ? Number(readFileSync(`/proc/${child.pid}/schedstat`, 'utf8').split(' ')[0]) : 0;
    child.kill('SIGTERM');
    await exited;
    if (status !== 200) throw new Error(`bench: oss serve gave no 200 (last status ${status})`);
    if (i < WARM_UP_RUNS) continue;
    wall.push(ms);
    cpu.push(cpuNs / 1e6);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

/** A loopback OpenAI-compatible upstream answering every chat completion with one short message. */
function startUpstream() {
  const answer = JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    model: 'deepseek/deepseek-chat',
    choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
  });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(answer));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function launchStartup(scratch, runs) {
  const dir = join(scratch, 'launch');
  const home = join(dir, 'home');
  const project = join(dir, 'project');
  mkdirSync(join(home, '.oss'), { recursive: true });
  mkdirSync(join(project, '.git'), { recursive: true });
  const standIn = writeStandIn(dir);
  const upstream = await startUpstream();
  try {
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      OSS_HOME: join(home, '.oss'),
      OPENROUTER_BASE_URL: `http://127.0.0.1:${upstream.address().port}/api/v1`,
      OPENROUTER_API_KEY: 'sk-or-bench-not-a-real-key',
      // A fallback to Claude, should one happen, stays on loopback too (nothing listens there).
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
    };
    const options = { cwd: project, env };
    const spawnStandIn = `require('node:child_process').spawn(${JSON.stringify(standIn.bin)}, { stdio: 'inherit' })`;
    return {
      bareNode: await timeLaunch(['-e', spawnStandIn], options, standIn, runs),
      claudeRun: await timeLaunch([BIN, 'run', '-p', 'hi', '--model', 'claude', '--claude-bin', standIn.bin], options, standIn, runs),
      proxiedRun: await timeLaunch(
        [BIN, 'run', '-p', 'hi', '--model', 'openrouter/deepseek/deepseek-chat', '--no-fallback', '--quiet', '--claude-bin', standIn.bin],
        options,
        standIn,
        runs,
      ),
      serveFirst200: await timeServe(options, runs),
    };
  } finally {
    await new Promise((resolve) => upstream.close(resolve));
  }
}
