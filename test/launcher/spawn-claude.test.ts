import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { exitCodeOf, spawnClaude } from '../../src/launcher/spawn-claude.js';
import { OssError } from '../../src/errors.js';

const root = mkdtempSync(join(tmpdir(), 'oss-spawn-'));

function script(name: string, body: string): string {
  const path = join(root, name);
  writeFileSync(path, `#!${process.execPath}\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('exitCodeOf', () => {
  it('keeps claude\'s own exit code', () => {
    expect(exitCodeOf(3, undefined)).toBe(3);
  });

  it('turns a signal into 128 + its number', () => {
    expect(exitCodeOf(undefined, 'SIGINT')).toBe(130);
    expect(exitCodeOf(undefined, 'SIGTERM')).toBe(143);
    expect(exitCodeOf(undefined, 'SIGHUP')).toBe(129);
  });
});

describe('spawnClaude', () => {
  it('returns the exit code of the program', async () => {
    const bin = script('exit-5.mjs', 'process.exit(5);');
    expect(await spawnClaude({ bin, args: [], env: { PATH: process.env.PATH }, cwd: root, stdin: 'ignore' })).toBe(5);
  });

  it('forwards SIGTERM to claude and reports 143 even when claude then exits 0', async () => {
    const marker = join(root, 'ready');
    const bin = script(
      'graceful.mjs',
      `import { writeFileSync } from 'node:fs';
process.on('SIGTERM', () => process.exit(0));
writeFileSync(${JSON.stringify(marker)}, 'ready');
setInterval(() => {}, 1000);`,
    );
    const running = spawnClaude({ bin, args: [], env: { PATH: process.env.PATH }, cwd: root, stdin: 'ignore' });
    while (!existsSync(marker)) await new Promise((resolve) => setTimeout(resolve, 20));
    process.emit('SIGTERM', 'SIGTERM');
    expect(await running).toBe(143);
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });

  it('pipes a stream given as stdin to claude', async () => {
    const out = join(root, 'stdin.txt');
    const bin = script('cat-stdin.mjs', `import { readFileSync, writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(out)}, readFileSync(0, 'utf8'));`);
    const code = await spawnClaude({ bin, args: [], env: { PATH: process.env.PATH }, cwd: root, stdin: Readable.from(['piped ', 'input']) });
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('piped input');
  });

  it('fails with 127 when the binary cannot be started', async () => {
    await expect(spawnClaude({ bin: join(root, 'missing'), args: [], env: {}, cwd: root })).rejects.toSatisfy(
      (error: unknown) => error instanceof OssError && error.exitCode === 127 && error.message.startsWith(`could not start claude (${join(root, 'missing')})`),
    );
  });
});
