// Which Claude Code release a binary is, read the way oss reads it (the install's files first, `claude
// --version` only when they show nothing), and the one line `oss run` prints outside the tested range.
// Installs are real folders laid out like npm's and the native installer's; stand-in binaries are real scripts.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import {
  claudeVersionStatus,
  claudeVersionWarning,
  startClaudeVersionProbe,
  versionFromCommand,
  versionFromInstall,
} from '../../src/launcher/claude-version.js';
import { capturedIO } from '../support/captured-io.js';
import { makeProject } from '../support/e2e-run.js';
import { writeFakeClaude } from '../support/fake-claude.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function scratch(): string {
  const root = mkdtempSync(join(tmpdir(), 'oss-claude-version-'));
  roots.push(root);
  return root;
}

/** node_modules/@anthropic-ai/claude-code/<binPath> and the node_modules/.bin/claude symlink npm makes. */
function npmInstall(root: string, version: string, binPath = 'bin/claude.exe', name = '@anthropic-ai/claude-code'): string {
  const pkg = join(root, 'node_modules', name);
  mkdirSync(dirname(join(pkg, binPath)), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name, version }));
  writeFileSync(join(pkg, binPath), '#!/bin/sh\necho should-not-run\n');
  chmodSync(join(pkg, binPath), 0o755);
  mkdirSync(join(root, 'node_modules', '.bin'), { recursive: true });
  const link = join(root, 'node_modules', '.bin', 'claude');
  symlinkSync(join('..', name, binPath), link);
  return link;
}

/** A claude script that prints `output` for --version. */
function scriptClaude(root: string, output: string, exitCode = 0): string {
  const path = join(root, 'claude');
  writeFileSync(path, `#!/bin/sh\necho "${output}"\nexit ${exitCode}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** A claude that hangs on --version (the process itself sleeps, so stopping it leaves nothing) and records its pid. */
function hangingClaude(root: string): string {
  const path = join(root, 'claude');
  writeFileSync(path, `#!/bin/sh\necho $$ > "${root}/pid"\nexec sleep 30\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('versionFromInstall', () => {
  it("reads the npm package's package.json through the .bin symlink (2.1's bin/claude.exe and 2.0's cli.js)", () => {
    expect(versionFromInstall(npmInstall(scratch(), '2.1.200'))).toEqual({ version: '2.1.200', from: 'package.json' });
    expect(versionFromInstall(npmInstall(scratch(), '2.0.77', 'cli.js'))).toEqual({ version: '2.0.77', from: 'package.json' });
  });

  it('reads the devDependency the tests run', () => {
    const { version } = JSON.parse(readFileSync('node_modules/@anthropic-ai/claude-code/package.json', 'utf8')) as { version: string };
    expect(versionFromInstall(join(process.cwd(), 'node_modules/.bin/claude'))).toEqual({ version, from: 'package.json' });
  });

  it("reads the native installer's versions/<version> file name behind ~/.local/bin/claude", () => {
    const root = scratch();
    mkdirSync(join(root, 'versions'));
    writeFileSync(join(root, 'versions', '2.1.331'), '');
    symlinkSync(join(root, 'versions', '2.1.331'), join(root, 'claude'));
    expect(versionFromInstall(join(root, 'claude'))).toEqual({ version: '2.1.331', from: 'path' });
  });

  it("ignores another package's package.json and a plain script: nothing to read, so undefined", () => {
    expect(versionFromInstall(npmInstall(scratch(), '9.9.9', 'bin/claude', 'claude-wrapper'))).toBeUndefined();
    expect(versionFromInstall(scriptClaude(scratch(), '2.1.332 (Claude Code)'))).toBeUndefined();
    expect(versionFromInstall(join(scratch(), 'missing'))).toBeUndefined();
  });
});

describe('versionFromCommand', () => {
  it('parses "2.0.50 (Claude Code)"; a failing or silent claude gives undefined', async () => {
    expect(await versionFromCommand(scriptClaude(scratch(), '2.0.50 (Claude Code)'), { PATH: process.env.PATH })).toEqual({ version: '2.0.50', from: '--version' });
    expect(await versionFromCommand(scriptClaude(scratch(), '2.0.50 (Claude Code)', 1), { PATH: process.env.PATH })).toBeUndefined();
    expect(await versionFromCommand(scriptClaude(scratch(), 'Claude Code'), { PATH: process.env.PATH })).toBeUndefined();
  });
});

describe('startClaudeVersionProbe', () => {
  it('stops a `claude --version` that outlasts the grace, leaves no process behind and reports unknown', async () => {
    const root = scratch();
    const bin = hangingClaude(root);
    const probe = startClaudeVersionProbe(bin, { PATH: process.env.PATH });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const began = Date.now();
    expect(await probe.settle(50)).toEqual({ bin, status: 'unknown' });
    expect(Date.now() - began).toBeLessThan(5_000);
    const pid = Number(readFileSync(join(root, 'pid'), 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }) as Error);
  });

  it('gives the whole check for a release outside the range', async () => {
    const bin = scriptClaude(scratch(), '2.0.50 (Claude Code)');
    expect(await startClaudeVersionProbe(bin, { PATH: process.env.PATH }).settle(5_000)).toEqual({
      bin,
      version: { version: '2.0.50', from: '--version' },
      status: 'older',
      warning: `oss: Claude Code 2.0.50 (${bin}) is older than 2.0.77, the oldest release oss is tested with; running it anyway. If subagents or helper calls land on the wrong model, update it: \`npm install -g @anthropic-ai/claude-code\``,
    });
  });
});

describe('the tested range', () => {
  it('counts 2.0.77 up to every 2.1 patch as tested, older and newer minors as outside, and unreadable versions as unknown', () => {
    const versions = ['1.0.128', '2.0.76', '2.0.77', '2.0.80', '2.1.0', '2.1.332', '2.1.999', '2.2.0-beta.1', '2.2.0', '3.0.0', 'garbage', undefined];
    expect(versions.map((version) => [version, claudeVersionStatus(version)])).toEqual([
      ['1.0.128', 'older'],
      ['2.0.76', 'older'],
      ['2.0.77', 'tested'],
      ['2.0.80', 'tested'],
      ['2.1.0', 'tested'],
      ['2.1.332', 'tested'],
      ['2.1.999', 'tested'],
      ['2.2.0-beta.1', 'newer'],
      ['2.2.0', 'newer'],
      ['3.0.0', 'newer'],
      ['garbage', 'unknown'],
      [undefined, 'unknown'],
    ]);
  });

  it('says nothing inside the range or for an unknown version, and one exact line outside it', () => {
    expect(claudeVersionWarning('/usr/bin/claude', '2.1.332')).toBeUndefined();
    expect(claudeVersionWarning('/usr/bin/claude', undefined)).toBeUndefined();
    expect(claudeVersionWarning('/usr/bin/claude', '2.2.0')).toBe(
      'oss: Claude Code 2.2.0 (/usr/bin/claude) is newer than 2.1.x, the newest release oss is tested with; running it anyway. If subagents or helper calls land on the wrong model, use `npm install -g @anthropic-ai/claude-code@2.1.332`',
    );
  });
});

describe('oss run with a claude outside the tested range (stand-in claude)', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  /** The stand-in claude installed like npm does, as release `version`. */
  function installedFake(root: string, version: string): string {
    const pkg = join(root, 'node_modules', '@anthropic-ai', 'claude-code');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@anthropic-ai/claude-code', version }));
    return writeFakeClaude(pkg);
  }

  it('prints one line before claude starts when the proxy runs, and runs claude anyway', async () => {
    const project = makeProject({});
    cleanups.push(() => project.remove());
    const fake = installedFake(project.root, '2.0.12');
    const io = capturedIO(project.env({ FAKE_CLAUDE_DUMP: join(project.root, 'dump.json'), ANTHROPIC_API_KEY: 'sk-ant-user' }), project.dir);
    expect(await main(['run', 'hello', '-m', 'openai/gpt-4o', '-p', '-q', '--claude-bin', fake], io)).toBe(0);
    expect(io.stderrText()).toBe(
      `oss: Claude Code 2.0.12 (${fake}) is older than 2.0.77, the oldest release oss is tested with; running it anyway. If subagents or helper calls land on the wrong model, update it: \`npm install -g @anthropic-ai/claude-code\`\n`,
    );
    expect(JSON.parse(readFileSync(join(project.root, 'dump.json'), 'utf8'))).toMatchObject({ args: ['-p', 'hello', '--permission-mode', 'default'] });
  }, 60_000);

  it('prints the same line when every route is Claude and no proxy runs', async () => {
    const project = makeProject({});
    cleanups.push(() => project.remove());
    const fake = installedFake(project.root, '2.3.1');
    const io = capturedIO(project.env({ FAKE_CLAUDE_DUMP: join(project.root, 'dump.json') }), project.dir);
    expect(await main(['run', 'hello', '-p', '-q', '--claude-bin', fake], io)).toBe(0);
    expect(io.stderrText()).toBe(
      `oss: Claude Code 2.3.1 (${fake}) is newer than 2.1.x, the newest release oss is tested with; running it anyway. If subagents or helper calls land on the wrong model, use \`npm install -g @anthropic-ai/claude-code@2.1.332\`\n`,
    );
  }, 60_000);

  /** A shell wrapper (quick to answer --version) around the stand-in claude: no package.json to read. */
  function wrappedFake(root: string, version: string): string {
    const path = join(root, 'claude');
    writeFileSync(path, `#!/bin/sh\nif [ "$1" = --version ]; then echo "${version} (Claude Code)"; exit 0; fi\nexec "${writeFakeClaude(root)}" "$@"\n`);
    chmodSync(path, 0o755);
    return path;
  }

  it('prints nothing for a tested release that shows its version only through `claude --version`', async () => {
    const project = makeProject({});
    cleanups.push(() => project.remove());
    const fake = wrappedFake(project.root, '2.1.200');
    const io = capturedIO(project.env({ FAKE_CLAUDE_DUMP: join(project.root, 'dump.json'), ANTHROPIC_API_KEY: 'sk-ant-user' }), project.dir);
    expect(await main(['run', 'hello', '-m', 'openai/gpt-4o', '-p', '-q', '--claude-bin', fake], io)).toBe(0);
    expect(io.stderrText()).toBe('');
  }, 60_000);

  it('prints the line for an untested release that shows its version only through `claude --version`', async () => {
    const project = makeProject({});
    cleanups.push(() => project.remove());
    const fake = wrappedFake(project.root, '1.0.44');
    const io = capturedIO(project.env({ FAKE_CLAUDE_DUMP: join(project.root, 'dump.json'), ANTHROPIC_API_KEY: 'sk-ant-user' }), project.dir);
    expect(await main(['run', 'hello', '-m', 'openai/gpt-4o', '-p', '-q', '--claude-bin', fake], io)).toBe(0);
    expect(io.stderrText()).toBe(
      `oss: Claude Code 1.0.44 (${fake}) is older than 2.0.77, the oldest release oss is tested with; running it anyway. If subagents or helper calls land on the wrong model, update it: \`npm install -g @anthropic-ai/claude-code\`\n`,
    );
  }, 60_000);
});
