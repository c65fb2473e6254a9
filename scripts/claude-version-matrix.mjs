#!/usr/bin/env node
// The opt-in Claude Code version matrix (docs/compatibility.md): installs each requested release of
// @anthropic-ai/claude-code from npm into a cache folder outside the project, then runs the end-to-end suite
// (the tests that drive the real claude) against it through OSS_E2E_CLAUDE_BIN, and prints one table row per
// release. The default `npm test` uses the devDependency only; this runs when asked:
//   OSS_E2E_CLAUDE_VERSIONS=2.0.77,2.1.200 npm test      (after the normal suite)
//   npm run test:claude-versions                         (the releases oss declares as tested)
//   npm run test:claude-versions -- 2.1.332 2.2.0        (any releases)
// The cache is $OSS_CLAUDE_VERSIONS_CACHE, else $XDG_CACHE_HOME/oss-claude-versions, else
// ~/.cache/oss-claude-versions; an installed release is reused. Needs `npm run build` first (both npm scripts
// build): it reads the tested releases from dist/, and the SIGINT test runs the built CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const E2E_TESTS = ['test/e2e', 'test/proxy/real-claude.test.ts'];
const PACKAGE = '@anthropic-ai/claude-code';

const args = process.argv.slice(2);
const onlyIfRequested = args.includes('--only-if-requested');
const requested = (process.env.OSS_E2E_CLAUDE_VERSIONS ?? '')
  .split(',')
  .map((version) => version.trim())
  .filter(Boolean);
const listed = args.filter((arg) => !arg.startsWith('--'));
if (onlyIfRequested && requested.length === 0) process.exit(0);

const { TESTED_CLAUDE_VERSIONS, versionFromInstall } = await import('../dist/launcher/claude-version.js').catch(() => {
  console.error('claude-version-matrix: dist/ is missing or stale: run `npm run build` first');
  process.exit(2);
});
const versions = listed.length > 0 ? listed : requested.length > 0 ? requested : [...TESTED_CLAUDE_VERSIONS];
const cache = resolve(process.env.OSS_CLAUDE_VERSIONS_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'oss-claude-versions'));
const inside = relative(ROOT, cache);
if (!inside.startsWith('..') && !isAbsolute(inside)) {
  console.error(`claude-version-matrix: the cache ${cache} is inside the project; point OSS_CLAUDE_VERSIONS_CACHE outside it`);
  process.exit(2);
}

/** Installs `version` under the cache (or reuses it); the binary's path, or an error line. */
function install(version) {
  const dir = join(cache, version);
  const bin = join(dir, 'node_modules', '.bin', 'claude');
  if (versionFromInstall(bin)?.version === version) return { bin };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, description: `Claude Code ${version} for oss's version matrix` }));
  console.log(`claude-version-matrix: installing ${PACKAGE}@${version} into ${dir}`);
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `${PACKAGE}@${version}`], { cwd: dir, encoding: 'utf8' });
  if (npm.status !== 0) return { error: `npm install ${PACKAGE}@${version} failed: ${npmReason(npm.stderr || npm.stdout)}` };
  const installed = versionFromInstall(bin)?.version;
  if (installed !== version) return { error: `npm installed ${installed ?? 'no claude binary'} instead of ${version}` };
  const probe = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (probe.status !== 0 || !probe.stdout.startsWith(version)) return { error: `${bin} --version did not answer ${version}: ${firstLine(probe.stderr || probe.stdout)}` };
  return { bin };
}

/** Runs the end-to-end suite against one binary; its pass/fail counts from vitest's JSON report. */
function runSuite(bin, version) {
  const report = join(tmpdir(), `oss-claude-matrix-${process.pid}-${version}.json`);
  console.log(`\nclaude-version-matrix: end-to-end suite against Claude Code ${version} (${bin})`);
  const run = spawnSync('npx', ['vitest', 'run', ...E2E_TESTS, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, OSS_E2E_CLAUDE_BIN: bin },
  });
  let counts = { passed: 0, failed: 0, skipped: 0, failedNames: [] };
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const failedNames = json.testResults.flatMap((file) => file.assertionResults.filter((test) => test.status === 'failed').map((test) => test.fullName));
    counts = { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests, failedNames };
    rmSync(report, { force: true });
  }
  return { ok: run.status === 0, ...counts };
}

/** npm's own explanation ("npm error notarget No matching version found for …"), not its error code line. */
function npmReason(text) {
  const lines = (text ?? '').trim().split('\n').filter((line) => line.trim() !== '' && !/^npm error code /.test(line));
  return lines[0] ?? firstLine(text);
}

function firstLine(text) {
  return (text ?? '').trim().split('\n').find((line) => line.trim() !== '') ?? 'no output';
}

const rows = [];
for (const version of versions) {
  const installed = install(version);
  if (installed.error) {
    rows.push({ version, result: `not installed: ${installed.error}`, ok: false });
    continue;
  }
  const suite = runSuite(installed.bin, version);
  const skipped = suite.skipped > 0 ? `, ${suite.skipped} skipped` : '';
  const result = suite.ok ? `${suite.passed} passed${skipped}` : `${suite.passed} passed, ${suite.failed} failed${skipped}: ${suite.failedNames.join('; ') || 'see the log above'}`;
  rows.push({ version, result, ok: suite.ok });
}

console.log(`\nClaude Code version matrix, ${new Date().toISOString().slice(0, 10)} (end-to-end suite: ${E2E_TESTS.join(', ')})`);
console.log('| Claude Code | end-to-end suite |');
console.log('|---|---|');
for (const row of rows) console.log(`| ${row.version} | ${row.ok ? '✔' : '✘'} ${row.result} |`);
process.exit(rows.every((row) => row.ok) ? 0 : 1);
