// Wall time of whole `oss` processes, as a user waits for them: `--version`, `run --dry-run` (config
// loading, route plan, no proxy, no claude) and `statusline` outside a run in a scratch project with its own HOME and OSS_HOME. Bare
// `node -e ''` is timed alongside: the part of the start-up that is Node's own. A real `oss run` also loads
// the proxy's modules before it can start claude: a process that only imports them is timed too, with its
// peak RSS, and one that only imports the tokenizer count_tokens uses.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, since, summarize } from './stats.mjs';

const BIN = fileURLToPath(new URL('../bin/oss.js', import.meta.url));
const PROXY_MODULE = new URL('../dist/proxy/model-proxy.js', import.meta.url).href;
/** What src/providers/common/token-count.ts imports, resolved from the project. */
const TOKENIZER_MODULE = new URL('../node_modules/gpt-tokenizer/esm/encoding/o200k_base.js', import.meta.url).href;
const WARM_UP_RUNS = 2;

function timeProcess(args, options) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { ...options, encoding: 'utf8', timeout: 30_000 });
  const ms = since(start);
  if (result.status !== 0) throw new Error(`bench: \`node ${args.join(' ')}\` exited ${result.status}: ${result.stderr.trim()}`);
  return { ms, stdout: result.stdout };
}

function timeRuns(args, options, runs, check) {
  const samples = [];
  for (let i = 0; i < WARM_UP_RUNS + runs; i += 1) {
    const { ms, stdout } = timeProcess(args, options);
    check(stdout);
    if (i >= WARM_UP_RUNS) samples.push(ms);
  }
  return summarize(samples);
}

/** A process that imports `specifier` and prints its peak RSS: wall time and median peak RSS in MB. */
function importCost(specifier, options, runs) {
  const rss = [];
  const script = `await import(${JSON.stringify(specifier)}); process.stdout.write(String(process.resourceUsage().maxRSS));`;
  const time = timeRuns(['--input-type=module', '-e', script], options, runs, (stdout) => rss.push(Number(stdout) / 1024));
  return { ...time, maxRssMb: Math.round(percentile(rss, 50)) };
}

export function cliStartup(scratch, runs) {
  const home = join(scratch, 'home');
  const project = join(scratch, 'project');
  mkdirSync(join(home, '.oss'), { recursive: true });
  mkdirSync(join(project, '.git'), { recursive: true });
  const options = { cwd: project, env: { PATH: process.env.PATH, HOME: home, OSS_HOME: join(home, '.oss') } };
  const expect = (what) => (stdout) => {
    if (!stdout.includes(what)) throw new Error(`bench: expected "${what}" in the output, got: ${stdout.slice(0, 200)}`);
  };
  return {
    nodeBaseline: timeRuns(['-e', ''], options, runs, () => undefined),
    version: timeRuns([BIN, '--version'], options, runs, expect('.')),
    dryRun: timeRuns([BIN, 'run', '/x', '--dry-run', '-m', 'ollama/llama3.2'], options, runs, expect('ollama/llama3.2')),
    // Claude Code runs this on every status-line refresh; outside a run it prints nothing.
    statusline: timeRuns([BIN, 'statusline'], { ...options, input: '{}' }, runs, (stdout) => {
      if (stdout !== '') throw new Error(`bench: expected no status line outside a run, got: ${stdout.slice(0, 200)}`);
    }),
    nodeBaselineRss: importCost('node:os', options, runs),
    proxyImport: importCost(PROXY_MODULE, options, runs),
    tokenizerImport: importCost(TOKENIZER_MODULE, options, runs),
  };
}
