import { describe, expect, it } from 'vitest';
import { buildClaudeArgs } from '../../src/launcher/claude-args.js';

describe('buildClaudeArgs', () => {
  it('passes -p with the prompt in print mode', () => {
    expect(buildClaudeArgs({ promptText: '/oss:ship prod', print: true, claudeArgs: [], proxied: true })).toEqual([
      '-p', '/oss:ship prod', '--permission-mode', 'default',
    ]);
  });

  it('gives the prompt as the first interactive message without -p', () => {
    expect(buildClaudeArgs({ promptText: 'fix the tests', print: false, claudeArgs: [], proxied: true })).toEqual([
      'fix the tests', '--permission-mode', 'default',
    ]);
  });

  it('appends the arguments after -- unchanged, after the prompt', () => {
    expect(buildClaudeArgs({ promptText: 'hi', print: true, claudeArgs: ['--allowedTools', 'Read', 'Write'], proxied: true })).toEqual([
      '-p', 'hi', '--permission-mode', 'default', '--allowedTools', 'Read', 'Write',
    ]);
  });

  it.each([
    [['--permission-mode', 'acceptEdits']],
    [['--permission-mode=plan']],
    [['--dangerously-skip-permissions']],
  ])('keeps the user\'s own permission mode %j', (claudeArgs) => {
    expect(buildClaudeArgs({ promptText: 'hi', print: true, claudeArgs, proxied: true })).toEqual(['-p', 'hi', ...claudeArgs]);
  });

  it('adds no permission mode when every route is Claude (no proxy: auto mode works)', () => {
    expect(buildClaudeArgs({ promptText: 'hi', print: false, claudeArgs: ['--verbose'], proxied: false })).toEqual(['hi', '--verbose']);
  });
});
