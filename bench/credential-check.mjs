// `node bench/credential-check.mjs` (after `npm run build`): what finding Claude Code's own credential costs
// an `oss run`, beside what it runs in parallel with (the proxy's start and health check). Each way of
// knowing is timed in a scratch HOME against the real claude devDependency: a credential in the environment,
// a stored claude.ai login, and `claude auth status --json` (an apiKeyHelper; nothing at all).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claudeHasCredential } from '../dist/launcher/claude-credential.js';
import { checkProxyHealth } from '../dist/launcher/proxy-health.js';
import { createBenchProxy } from './proxy-setup.mjs';
import { since, summarize } from './stats.mjs';

const RUNS = Number(process.argv[2] ?? 10);
const WARM_UP_RUNS = 2;
const CLAUDE = fileURLToPath(new URL('../node_modules/.bin/claude', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'oss-bench-cred-'));

function home(name, files) {
  const dir = join(root, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content, { mode: 0o600 });
  }
  mkdirSync(dir, { recursive: true });
  return { PATH: process.env.PATH, HOME: dir, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' };
}

async function timed(runs, once) {
  const samples = [];
  let answer;
  for (let i = 0; i < WARM_UP_RUNS + runs; i += 1) {
    const t0 = performance.now();
    answer = await once();
    if (i >= WARM_UP_RUNS) samples.push(since(t0));
  }
  return { ...summarize(samples), answer };
}

const login = JSON.stringify({ claudeAiOauth: { accessToken: 'sk-ant-oat01-BENCH', refreshToken: 'r', expiresAt: Date.now() + 3.15e11, scopes: ['user:inference'] } });
const cases = {
  'env ANTHROPIC_API_KEY': { ...home('env', {}), ANTHROPIC_API_KEY: 'sk-ant-bench' },
  'stored claude.ai login': home('login', { '.claude/.credentials.json': login }),
  'auth status: apiKeyHelper': home('helper', { '.claude/settings.json': JSON.stringify({ apiKeyHelper: 'echo sk-ant-helper' }) }),
  'auth status: no credential': home('none', {}),
};

try {
  const rows = {};
  for (const [name, env] of Object.entries(cases)) {
    rows[name] = await timed(RUNS, () => claudeHasCredential({ bin: CLAUDE, env, cwd: env.HOME }));
  }
  rows['proxy start + health check'] = await timed(RUNS, async () => {
    const proxy = createBenchProxy({ upstreamPort: 9, home: join(root, 'none') });
    await proxy.start();
    await checkProxyHealth(proxy.baseUrl);
    await proxy.shutdown();
    return 'ok';
  });
  console.log(`credential check, ${RUNS} runs each (ms)`);
  for (const [name, row] of Object.entries(rows)) {
    console.log(`  ${name.padEnd(28)} p50 ${String(row.p50).padStart(8)}  p95 ${String(row.p95).padStart(8)}  answer ${row.answer}`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
