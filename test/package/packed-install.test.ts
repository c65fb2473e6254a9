// The package as a stranger gets it: `npm pack` (of the dist/ that `npm test` has just built), installed into a
// temporary prefix from the local npm cache, then the installed `oss` run with no claude anywhere on PATH.
// Also: the tarball holds everything the README links to, and the LICENSE package.json names.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string; license: string };
const work = mkdtempSync(join(tmpdir(), 'oss-pack-'));
const prefix = join(work, 'prefix');
let tarball = '';
let packedFiles: string[] = [];

/** PATH with node and the basic system tools, and no claude. */
const PATH = [dirname(process.execPath), '/usr/bin', '/bin'].join(':');

beforeAll(async () => {
  const packed = await execa('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: repo });
  const info = (JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>)[0];
  tarball = join(work, info?.filename ?? '');
  packedFiles = (info?.files ?? []).map((file) => file.path);
  await execa('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: work });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function installed(...args: string[]) {
  const home = join(work, 'home');
  return execa(join(prefix, 'bin', 'oss'), args, {
    cwd: work,
    env: { PATH, HOME: home, OSS_HOME: join(home, '.oss'), CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' },
    extendEnv: false,
    reject: false,
  });
}

describe('the packed package', () => {
  it('contains every local file the README links to, the docs, the LICENSE and the built CLI', () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)#\s]+)/g)].map((match) => (match[1] ?? '').replace(/^\.\//, ''));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const inPackage = link.endsWith('/') ? packedFiles.some((file) => file.startsWith(link)) : packedFiles.includes(link);
      expect([link, inPackage]).toEqual([link, true]);
    }
    for (const file of ['LICENSE', 'README.md', 'bin/oss.js', 'dist/cli/main.js', 'docs/decisions.md', 'docs/benchmarks.md', 'docs/json-output.md']) {
      expect([file, packedFiles.includes(file)]).toEqual([file, true]);
    }
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(repo, 'LICENSE'), 'utf8').split('\n')[0]).toBe('MIT License');
  });

  it('installed into a temporary prefix: --version, models list and doctor work; run says how to install claude', async () => {
    expect(existsSync(join(prefix, 'bin', 'oss'))).toBe(true);
    const version = await installed('--version');
    expect([version.exitCode, version.stdout]).toEqual([0, pkg.version]);

    const list = await installed('models', 'list', '--provider', 'openai');
    expect(list.exitCode).toBe(0);
    expect(list.stdout.split('\n').slice(0, 3)).toEqual(['Prices: USD per 1M tokens, input / output. Marks: T tools, V vision, R reasoning.', '', expect.stringMatching(/^OpenAI \(\d+\) {2}not ready: set OPENAI_API_KEY or run `oss models keys set openai`$/)]);

    const doctor = await installed('doctor');
    expect(doctor.exitCode).toBe(1);
    expect(doctor.stdout.split('\n').slice(0, 2)).toEqual([
      '✗ claude: claude not found on PATH → install Claude Code with `npm install -g @anthropic-ai/claude-code`, or pass --claude-bin PATH',
      '✗ Claude Code login: unknown (no claude to ask) → install Claude Code first',
    ]);

    const run = await installed('run', 'hello', '-p');
    expect([run.exitCode, run.stdout, run.stderr]).toEqual([
      127,
      '',
      'oss: claude not found on PATH: install Claude Code with `npm install -g @anthropic-ai/claude-code`, or pass --claude-bin PATH',
    ]);
  }, 60_000);
});
