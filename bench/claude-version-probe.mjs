// `node bench/claude-version-probe.mjs` (after `npm run build`): what finding out the claude version costs
// `oss run`. Compares reading the install's package.json (what oss does first) with running
// `claude --version` (the fallback, started beside the proxy), and shows the proxy's own start-up and health
// check for scale, since the fallback overlaps with it. Uses the devDependency and any releases the version
// matrix cached (~/.cache/oss-claude-versions). Every loop is bounded; nothing leaves a process behind.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { versionFromInstall } from '../dist/launcher/claude-version.js';
import { checkProxyHealth } from '../dist/launcher/proxy-health.js';
import { ModelProxy } from '../dist/proxy/model-proxy.js';
import { since, summarize } from './stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const READS = 200;
const COMMANDS = 10;
const PROXIES = 20;

const cache = process.env.OSS_CLAUDE_VERSIONS_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'oss-claude-versions');
const bins = [['devDependency', join(ROOT, 'node_modules/.bin/claude')]];
for (const version of ['2.0.77', '2.1.200', '2.1.332']) {
  const bin = join(cache, version, 'node_modules/.bin/claude');
  if (existsSync(bin)) bins.push(['cache', bin]);
}

function time(count, fn) {
  const samples = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    fn();
    samples.push(since(start));
  }
  return summarize(samples);
}

const rows = [];
for (const [label, bin] of bins) {
  const version = versionFromInstall(bin)?.version ?? '?';
  rows.push([`${label} ${version}: read package.json`, time(READS, () => versionFromInstall(bin))]);
  rows.push([`${label} ${version}: claude --version`, time(COMMANDS, () => spawnSync(bin, ['--version'], { stdio: 'ignore', timeout: 30_000 }))]);
}

const proxySamples = [];
for (let i = 0; i < PROXIES; i += 1) {
  const start = performance.now();
  const proxy = new ModelProxy({
    plan: { prompt: { type: 'adhoc', name: 'adhoc' }, main: { model: 'openai/gpt-4o', source: 'cli' }, background: { model: 'openai/gpt-4o', source: 'cli' }, agents: [], fallback: false },
    config: {},
    env: { OPENAI_API_KEY: 'sk-bench' },
    claudeAvailable: false,
  });
  await proxy.start();
  await checkProxyHealth(proxy.baseUrl);
  proxySamples.push(since(start));
  await proxy.shutdown();
}
rows.push(['proxy start + health check (overlaps the fallback)', summarize(proxySamples)]);

console.log('| step | n | p50 ms | p95 ms | min | max |');
console.log('|---|---|---|---|---|---|');
for (const [name, s] of rows) console.log(`| ${name} | ${s.n} | ${s.p50} | ${s.p95} | ${s.min} | ${s.max} |`);
