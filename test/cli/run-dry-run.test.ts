import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TempProject } from '../routing/temp-project.js';
import { json, oss, shipProject } from '../support/oss-in-project.js';

const repo = resolve(import.meta.dirname, '..', '..');
function reviewedProject(): TempProject {
  const p = shipProject();
  p.write('.claude/agents/code-reviewer.md', '---\nname: code-reviewer\nmodel: openai/gpt-4o\n---\nYou review code.');
  return p;
}

/** The whole plan printed for /oss:ship: its routes, the fallback line and the default WebSearch line. */
function shipPlan(routes: string[], fallback: 'on' | 'off' = 'on', finalNewline = true): string {
  const search = "  WebSearch: the route's own search where it has one, else Claude, else a tool error (models.search pins one)";
  const lines = ['Route plan for /oss:ship (command)', ...routes.map((route) => `  ${route}`), `  fallback to Claude when a provider fails: ${fallback}`, search];
  return [...lines, ...(finalNewline ? [''] : [])].join('\n');
}

describe('oss run --dry-run (in process)', () => {
  it('prints the plan with sources and exits 0 without launching claude', async () => {
    const p = reviewedProject();
    const result = await oss(p, 'run', '/oss:ship', 'prod', '--dry-run', '--model', 'ollama/llama3.2');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toBe(
      shipPlan([
        'main                 ollama/llama3.2  --model',
        'background           ollama/llama3.2  same as main',
        `agent code-reviewer  openai/gpt-4o    frontmatter of ${join(p.root, '.claude', 'agents', 'code-reviewer.md')}`,
      ]),
    );
  });

  it('shows where WebSearch goes when models.search pins it, with the file that says so', async () => {
    const p = reviewedProject();
    const project = p.write('.oss/config.json', json({ models: { search: 'openrouter/perplexity/sonar' } }));
    const result = await oss(p, 'run', '/oss:ship', '--dry-run', '-m', 'ollama/llama3.2');
    expect([result.code, result.err]).toEqual([0, '']);
    expect(result.out.split('\n').slice(-2)).toEqual([`  WebSearch: openrouter/perplexity/sonar (models.search, project config ${project})`, '']);
  });

  it('refuses a models.search that is not a model id, naming the file and the JSON path', async () => {
    const p = reviewedProject();
    const project = p.write('.oss/config.json', json({ models: { search: 'perplexity' } }));
    const result = await oss(p, 'run', '/oss:ship', '--dry-run');
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `oss: ${project}: models.search: expected a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude, got "perplexity"\n`,
    );
  });

  it('takes -m before or after the prompt words, and --no-fallback', async () => {
    const p = reviewedProject();
    const user = p.writeHome('.oss/config.json', json({ models: { commands: { 'oss:ship': 'openai/gpt-4o' } } }));
    const agentFile = join(p.root, '.claude', 'agents', 'code-reviewer.md');
    const withoutCli = await oss(p, 'run', '/oss:ship', '--dry-run', '--no-fallback');
    expect([withoutCli.code, withoutCli.err]).toEqual([0, '']);
    expect(withoutCli.out).toBe(
      shipPlan([
        `main                 openai/gpt-4o  user config ${user}`,
        'background           openai/gpt-4o  same as main',
        `agent code-reviewer  openai/gpt-4o  frontmatter of ${agentFile}`,
      ], 'off'),
    );
    const withCli = await oss(p, 'run', '--dry-run', '/oss:ship', 'prod', '-m', 'gemini/gemini-2.5-flash');
    expect([withCli.code, withCli.err]).toEqual([0, '']);
    expect(withCli.out).toBe(
      shipPlan([
        'main                 gemini/gemini-2.5-flash  --model',
        'background           gemini/gemini-2.5-flash  same as main',
        `agent code-reviewer  openai/gpt-4o            frontmatter of ${agentFile}`,
      ]),
    );
  });

  it('rejects an invalid --model with exit 2, in one line listing the providers, printing no plan', async () => {
    const p = reviewedProject();
    const result = await oss(p, 'run', '/oss:ship', '--dry-run', '--model', 'invalid');
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      'oss: --model "invalid": expected a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude\n',
    );
  });
});

describe('oss run --dry-run (built CLI)', () => {
  beforeAll(async () => {
    // tsc emits even when another part of the tree has type errors; the spawn below checks the result.
    await execa('npm', ['run', 'build'], { cwd: repo, reject: false });
  }, 300_000);

  it('runs from bin/oss.js in a project and prints the plan', async () => {
    const p = reviewedProject();
    const result = await execa('node', [join(repo, 'bin', 'oss.js'), 'run', '/oss:ship', '--dry-run', '--model', 'ollama/llama3.2'], {
      cwd: p.root,
      env: p.env,
      reject: false,
    });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      shipPlan([
        'main                 ollama/llama3.2  --model',
        'background           ollama/llama3.2  same as main',
        `agent code-reviewer  openai/gpt-4o    frontmatter of ${join(p.root, '.claude', 'agents', 'code-reviewer.md')}`,
      ], 'on', false),
    );
  });

  // The catalogue is read from beside the bundle on its first lookup (scripts/bundle.mjs copies it there).
  it('reads the model catalogue from the built CLI for "did you mean"', async () => {
    const p = shipProject();
    const result = await execa('node', [join(repo, 'bin', 'oss.js'), 'run', 'hello', '--dry-run', '-m', 'llama3.2'], { cwd: p.root, env: p.env, reject: false });
    expect([result.exitCode, result.stdout, result.stderr]).toEqual([
      2,
      '',
      'oss: --model "llama3.2": expected a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude (did you mean ollama/llama3.2?)',
    ]);
  });
});
