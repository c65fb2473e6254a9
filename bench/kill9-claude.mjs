// How long the real claude outlives an oss killed with SIGKILL mid-request (issue 9: it used to retry the dead
// proxy for about 147 s). Runs `oss run` against a loopback upstream that never answers, waits until claude's
// request is held there, kills oss with SIGKILL and times claude's exit. Prints one line per run and the median.
// Usage: npm run build && node bench/kill9-claude.mjs [runs=5]
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const claudeBin = join(repo, 'node_modules/.bin/claude');
const runs = Number(process.argv[2] ?? 5);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function once() {
  let held = 0;
  const upstream = createServer((req) => {
    req.resume();
    held += 1;
  });
  await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const root = mkdtempSync(join(tmpdir(), 'oss-kill9-'));
  const home = join(root, 'home');
  const ossHome = join(home, '.oss');
  mkdirSync(ossHome, { recursive: true });
  writeFileSync(join(ossHome, 'config.json'), JSON.stringify({ providers: { never: { type: 'openai', baseUrl: `http://127.0.0.1:${upstream.address().port}/v1` } } }));
  const pidFile = join(root, 'claude.pid');
  const wrapper = join(root, 'claude.sh');
  writeFileSync(wrapper, `#!/bin/sh\necho $$ > '${pidFile}'\nexec '${claudeBin}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  const oss = spawn('node', [join(repo, 'bin/oss.js'), 'run', 'hello', '-m', 'never/m', '--no-fallback', '-p', '--claude-bin', wrapper], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: home, OSS_HOME: ossHome, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 600 && held === 0; i += 1) await sleep(50);
  const claudePid = Number(readFileSync(pidFile, 'utf8').trim());
  const killedAt = performance.now();
  oss.kill('SIGKILL');
  while (alive(claudePid) && performance.now() - killedAt < 200_000) await sleep(5);
  const ms = performance.now() - killedAt;
  if (alive(claudePid)) process.kill(claudePid, 'SIGKILL');
  upstream.closeAllConnections();
  upstream.close();
  rmSync(root, { recursive: true, force: true });
  return ms;
}

const times = [];
for (let i = 0; i < runs; i += 1) {
  const ms = await once();
  times.push(ms);
  console.log(`run ${i + 1}: claude exited ${ms.toFixed(0)} ms after oss got SIGKILL`);
}
times.sort((a, b) => a - b);
console.log(`median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms over ${runs} runs`);
