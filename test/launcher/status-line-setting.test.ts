// oss adds its status line through `--settings` (Claude Code's flag settings, which override the user's files)
// only when no settings file Claude Code reads for the run has a statusLine and the user gave no --settings,
// and never for `-p`, which has no screen.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusLineArgs, statusLineCommand } from '../../src/launcher/status-line-setting.js';

function layout(files: Record<string, string> = {}): { home: string; project: string; cwd: string } {
  const root = mkdtempSync(join(tmpdir(), 'oss-statusline-'));
  const home = join(root, 'home');
  const project = join(root, 'work', 'repo');
  const cwd = join(project, 'packages', 'app');
  mkdirSync(join(project, '.git'), { recursive: true });
  mkdirSync(cwd, { recursive: true });
  mkdirSync(home, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return { home, project, cwd };
}

const OURS = ['--settings', JSON.stringify({ statusLine: { type: 'command', command: statusLineCommand(), padding: 0 } })];
const HAS_ONE = JSON.stringify({ statusLine: { type: 'command', command: 'my-status' } });

describe('the status line setting', () => {
  it('runs this oss by absolute path: node, then bin/oss.js, then statusline', () => {
    expect(statusLineCommand()).toBe(`${process.execPath} ${join(process.cwd(), 'bin', 'oss.js')} statusline`);
  });

  it('is added when no settings file has a status line (a broken file gives none either)', async () => {
    const { home, cwd } = layout({ 'home/.claude/settings.json': '{ "statusLine": ', 'work/repo/.claude/settings.json': '{"model":"x"}' });
    expect(await statusLineArgs({ env: { HOME: home }, cwd, claudeArgs: [], print: false })).toEqual(OURS);
  });

  it.each([
    ['the user settings', 'home/.claude/settings.json'],
    ['the project settings at the repository root', 'work/repo/.claude/settings.json'],
    ['the personal project settings in the working folder', 'work/repo/packages/app/.claude/settings.local.json'],
  ])('is left out when %s have a statusLine', async (_where, file) => {
    const { home, cwd } = layout({ [file]: HAS_ONE });
    expect(await statusLineArgs({ env: { HOME: home }, cwd, claudeArgs: [], print: false })).toEqual([]);
  });

  it('reads the user settings from CLAUDE_CONFIG_DIR when it is set', async () => {
    const { home, cwd } = layout({ 'claude-config/settings.json': HAS_ONE });
    const env = { HOME: home, CLAUDE_CONFIG_DIR: join(home, '..', 'claude-config') };
    expect(await statusLineArgs({ env, cwd, claudeArgs: [], print: false })).toEqual([]);
  });

  it('ignores settings above the repository root', async () => {
    const { home, cwd } = layout({ 'work/.claude/settings.json': HAS_ONE });
    expect(await statusLineArgs({ env: { HOME: home }, cwd, claudeArgs: [], print: false })).toEqual(OURS);
  });

  it('is left out when the user passes --settings, and for -p', async () => {
    const { home, cwd } = layout();
    expect(await statusLineArgs({ env: { HOME: home }, cwd, claudeArgs: ['--settings', 'mine.json'], print: false })).toEqual([]);
    expect(await statusLineArgs({ env: { HOME: home }, cwd, claudeArgs: ['--settings={}'], print: false })).toEqual([]);
    expect(await statusLineArgs({ env: { HOME: home }, cwd, claudeArgs: [], print: true })).toEqual([]);
    expect(await statusLineArgs({ env: { HOME: home }, cwd, claudeArgs: ['--print'], print: false })).toEqual([]);
  });
});
