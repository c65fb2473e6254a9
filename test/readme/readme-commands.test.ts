// The README, followed as a stranger would with a temporary HOME: every ```sh block runs in bash, in order,
// with `oss` on PATH (bin/oss.js) and no network. A ```text block right after a ```sh block is its exact
// output (stdout and stderr, HOME written as ~); a block without one must exit 0. The first block is the
// repository's own `npm ci && … demo` / `npm test` (CI runs it; test/e2e/demo.test.ts covers the demo), and a
// block that is a script file's content (it starts with `#!`) is shown, not run.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..', '..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');

interface Block {
  lang: string;
  body: string;
  start: number;
  end: number;
}

function blocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({
    lang: match[1] ?? '',
    body: match[2] ?? '',
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Each sh block (after the repository's own first one) with the text block that follows it, if any. */
function runnable(): { script: string; expected?: string }[] {
  const all = blocks(readme);
  const out: { script: string; expected?: string }[] = [];
  all.forEach((block, index) => {
    // A script file's content (it starts with #!) is shown, not run.
    if (block.lang !== 'sh' || index === 0 || block.body.startsWith('#!')) return;
    const next = all[index + 1];
    const followed = next?.lang === 'text' && next.start === block.end + 1;
    out.push({ script: block.body, ...(followed && next ? { expected: next.body } : {}) });
  });
  return out;
}

describe('README commands', () => {
  it('keeps its first two commands exactly (CI runs them)', () => {
    expect(blocks(readme)[0]).toMatchObject({
      lang: 'sh',
      body:
        'npm ci && node bin/oss.js demo      # install, then watch the real `claude` write a file through oss (no keys, no network)\n' +
        'npm test                            # the whole suite: typecheck, lint, unit and end-to-end tests with the real claude\n',
    });
  });

  it('every sh block runs offline with a temporary HOME and prints exactly what the README shows', async () => {
    const root = mkdtempSync(join(tmpdir(), 'oss-readme-'));
    const home = join(root, 'home');
    const bin = join(root, 'bin');
    mkdirSync(home, { recursive: true });
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'oss'), `#!/bin/sh\nexec "${process.execPath}" "${join(repo, 'bin/oss.js')}" "$@"\n`);
    chmodSync(join(bin, 'oss'), 0o755);
    const env = { PATH: [bin, dirname(process.execPath), '/usr/bin', '/bin'].join(':'), HOME: home, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', OLLAMA_HOST: 'http://127.0.0.1:9' };
    const steps = runnable();
    expect(steps.length).toBeGreaterThanOrEqual(6);
    for (const step of steps) {
      const result = await execa('bash', ['-c', step.script], { cwd: home, env, extendEnv: false, reject: false, all: true });
      const output = `${(result.all ?? '').split(home).join('~')}\n`;
      if (step.expected === undefined) expect([step.script, result.exitCode, output]).toEqual([step.script, 0, output]);
      else expect([step.script, output]).toEqual([step.script, step.expected]);
    }
  }, 120_000);
});
