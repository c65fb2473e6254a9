import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findClaude } from '../../src/launcher/find-claude.js';
import { OssError } from '../../src/errors.js';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';

function fakeClaude(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'claude');
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, 0o755);
  return path;
}

const root = mkdtempSync(join(tmpdir(), 'oss-find-claude-'));
const flagBin = fakeClaude(join(root, 'flag'));
const envBin = fakeClaude(join(root, 'env'));
const pathDir = join(root, 'path');
const pathBin = fakeClaude(pathDir);
const packageBin = fakeClaude(join(root, 'package'));
const missing = join(root, 'nowhere', 'claude');

function thrown(fn: () => unknown): OssError {
  try {
    fn();
  } catch (error) {
    if (error instanceof OssError) return error;
    throw error;
  }
  throw new Error('expected an OssError');
}

describe('findClaude', () => {
  it('prefers --claude-bin over OSS_CLAUDE_BIN, PATH and the package copy', () => {
    expect(findClaude({ claudeBin: flagBin, env: { OSS_CLAUDE_BIN: envBin, PATH: pathDir }, packageClaude: packageBin })).toBe(flagBin);
  });

  it('uses OSS_CLAUDE_BIN when there is no --claude-bin', () => {
    expect(findClaude({ env: { OSS_CLAUDE_BIN: envBin, PATH: pathDir }, packageClaude: packageBin })).toBe(envBin);
  });

  it('searches PATH when neither the flag nor OSS_CLAUDE_BIN is given', () => {
    expect(findClaude({ env: { PATH: `${join(root, 'empty')}:${pathDir}` }, packageClaude: packageBin })).toBe(pathBin);
  });

  it('falls back to the package\'s own node_modules/.bin/claude when PATH has none', () => {
    expect(findClaude({ env: { PATH: join(root, 'empty') }, packageClaude: packageBin })).toBe(packageBin);
  });

  it('finds the devDependency claude of this checkout by default', () => {
    expect(findClaude({ env: { PATH: '' } })).toBe(resolve(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'claude'));
  });

  it('exits 127 with the install command when claude is nowhere', () => {
    const error = thrown(() => findClaude({ env: { PATH: join(root, 'empty') }, packageClaude: missing }));
    expect(error.exitCode).toBe(127);
    expect(error.message).toBe('claude not found on PATH: install Claude Code with `npm install -g @anthropic-ai/claude-code`, or pass --claude-bin PATH');
  });

  it('does not look further when --claude-bin names a missing file', () => {
    const error = thrown(() => findClaude({ claudeBin: missing, env: { PATH: pathDir }, packageClaude: packageBin }));
    expect(error.exitCode).toBe(127);
    expect(error.message).toBe(`claude not found at ${missing} (from --claude-bin): fix the path, or install Claude Code with \`npm install -g @anthropic-ai/claude-code\``);
  });

  it('names OSS_CLAUDE_BIN when that is the path that is missing, without looking further', () => {
    const error = thrown(() => findClaude({ env: { OSS_CLAUDE_BIN: missing, PATH: pathDir }, packageClaude: packageBin }));
    expect(error.exitCode).toBe(127);
    expect(error.message).toBe(`claude not found at ${missing} (from OSS_CLAUDE_BIN): fix the path, or install Claude Code with \`npm install -g @anthropic-ai/claude-code\``);
  });
});

describe('oss run without a claude binary', () => {
  it('prints one line with the install command and exits 127', async () => {
    const io = capturedIO({ ...process.env, PATH: join(root, 'empty') }, root);
    const code = await main(['run', 'hello', '--claude-bin', missing], io);
    expect(code).toBe(127);
    expect(io.stdoutText()).toBe('');
    expect(io.stderrText().trimEnd().split('\n')).toEqual([
      `oss: claude not found at ${missing} (from --claude-bin): fix the path, or install Claude Code with \`npm install -g @anthropic-ai/claude-code\``,
    ]);
  });
});
