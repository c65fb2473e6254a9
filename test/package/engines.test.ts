// `engines.node` in package.json must be true: every production dependency oss loads accepts that Node version.
// The one declared exception is cookie@2 (Node ≥ 22), which only fastify's `inject()` loads (through
// light-my-request, required lazily); oss never calls `inject()` outside tests (docs/decisions.md).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..', '..');
// npm's own range logic (semver ships with npm's dependency tree here; typed by hand, it has no bundled types).
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};
const NOT_LOADED_BY_OSS = new Set(['cookie']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('engines.node', () => {
  it('is accepted by every production dependency but cookie, which oss never loads', async () => {
    const range = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const lowest = semver.minVersion(range)?.version ?? '';
    const listed = await execa('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: repo });
    const refusing: string[] = [];
    for (const dir of listed.stdout.split('\n').slice(1)) {
      const dependency = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; engines?: { node?: string } };
      const wanted = dependency.engines?.node;
      if (wanted && !semver.satisfies(lowest, wanted)) refusing.push(`${dependency.name}@${dependency.version} wants node ${wanted}`);
    }
    expect(refusing.filter((entry) => !NOT_LOADED_BY_OSS.has(entry.slice(0, entry.indexOf('@', 1))))).toEqual([]);
    expect(lowest).toBe('20.18.1');
  }, 60_000);

  it('holds because no product code calls fastify inject(), the only path that loads cookie', () => {
    const callers = sourceFiles(join(repo, 'src')).filter((file) => /\.inject\(/.test(readFileSync(file, 'utf8')));
    expect(callers).toEqual([]);
  });
});
