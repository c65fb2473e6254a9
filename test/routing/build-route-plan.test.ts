import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildRoutePlan } from '../../src/routing/build-route-plan.js';
import { formatRoutePlan, routePlanToJson } from '../../src/routing/format-route-plan.js';
import { ModelRouter } from '../../src/routing/model-router.js';
import { tempProject } from './temp-project.js';

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('buildRoutePlan', () => {
  it('routes main, background and every agent whose resolution is not default, with bodies', async () => {
    const p = tempProject();
    const ship = p.write('.claude/commands/oss/ship.md', '---\nmodel: openai/gpt-4o\n---\nShip $ARGUMENTS');
    const reviewer = p.write('.claude/agents/code-reviewer.md', '---\nname: code-reviewer\nmodel: ollama/codellama\n---\n\n  You review code.\n\n');
    p.write('.claude/agents/plain.md', '---\nname: plain\n---\nNo model.');
    const user = p.writeHome('.oss/config.json', json({ models: { agents: { 'configured-only': 'gemini/gemini-2.0-flash' } } }));

    const plan = await buildRoutePlan({ promptText: '/oss:ship prod', cwd: p.root, env: p.env });
    expect(plan).toEqual({
      prompt: { type: 'command', name: 'oss:ship', frontmatterModel: 'openai/gpt-4o' },
      main: { model: 'openai/gpt-4o', source: 'frontmatter', file: ship },
      background: { model: 'openai/gpt-4o', source: 'frontmatter', file: ship },
      agents: [
        { name: 'code-reviewer', model: 'ollama/codellama', source: 'frontmatter', file: reviewer, body: 'You review code.' },
        { name: 'configured-only', model: 'gemini/gemini-2.0-flash', source: 'user', file: user },
      ],
      hooks: [],
      skills: [],
      fallback: true,
    });
  });

  it('routes every hook event models.hooks names, and every skill with a model of its own, with its folder', async () => {
    const p = tempProject();
    const project = p.write(
      '.oss/config.json',
      json({ models: { default: 'openai/gpt-4o', hooks: { Stop: 'ollama/llama3.2', PreToolUse: 'gemini/gemini-2.0-flash', Notification: 'default' }, skills: { review: 'openai/gpt-4o-mini' } } }),
    );
    const review = p.write('.claude/skills/review/SKILL.md', '---\nname: review\nmodel: gemini/gemini-2.0-flash\n---\nReview.');
    const own = p.write('.claude/skills/own/SKILL.md', '---\nmodel: ollama/qwen3\n---\nOwn.');
    p.write('.claude/skills/alias/SKILL.md', '---\nmodel: haiku\n---\nAn alias is left to Claude Code.');
    p.write('.claude/skills/plain/SKILL.md', '---\nname: plain\n---\nNo model: models.default is not a skill route.');
    const plan = await buildRoutePlan({ promptText: 'hi', cwd: p.root, env: p.env });
    expect(plan.hooks).toEqual([
      { event: 'PreToolUse', model: 'gemini/gemini-2.0-flash', source: 'project', file: project },
      { event: 'Stop', model: 'ollama/llama3.2', source: 'project', file: project },
    ]);
    expect(plan.skills).toEqual([
      { name: 'own', model: 'ollama/qwen3', source: 'frontmatter', file: own, dir: dirname(own) },
      { name: 'review', model: 'openai/gpt-4o-mini', source: 'project', file: project, dir: dirname(review) },
    ]);
  });

  it('takes models.background when set, and a CLI model only for main', async () => {
    const p = tempProject();
    const project = p.write('.oss/config.json', json({ models: { background: 'ollama/llama3.2', agents: { reviewer: 'openai/gpt-4o' } } }));
    const plan = await buildRoutePlan({ promptText: 'fix the bug', cliModel: 'gemini/gemini-2.0-flash', cwd: p.root, env: p.env });
    expect(plan.prompt).toEqual({ type: 'adhoc', name: 'adhoc' });
    expect(plan.main).toEqual({ model: 'gemini/gemini-2.0-flash', source: 'cli' });
    expect(plan.background).toEqual({ model: 'ollama/llama3.2', source: 'project', file: project });
    expect(plan.agents).toEqual([{ name: 'reviewer', model: 'openai/gpt-4o', source: 'project', file: project }]);
  });

  it('leaves out an agent a higher layer sets back to default', async () => {
    const p = tempProject();
    p.writeHome('.oss/config.json', json({ models: { agents: { reviewer: 'openai/gpt-4o' } } }));
    p.write('.oss/config.local.json', json({ models: { agents: { reviewer: 'default' } } }));
    expect((await buildRoutePlan({ promptText: 'hi', cwd: p.root, env: p.env })).agents).toEqual([]);
  });

  it('sends free text to models.default, else claude', async () => {
    const p = tempProject();
    expect((await buildRoutePlan({ promptText: 'hi', cwd: p.root, env: p.env })).main).toEqual({ model: 'claude', source: 'builtin' });
    const user = p.writeHome('.oss/config.json', json({ models: { default: 'ollama/llama3.2' } }));
    expect((await buildRoutePlan({ promptText: 'hi', cwd: p.root, env: p.env })).main).toEqual({ model: 'ollama/llama3.2', source: 'default', file: user });
  });

  it('resolves a slash name that only a skill has as that skill', async () => {
    const p = tempProject();
    p.write('.claude/skills/pdf/SKILL.md', '---\nmodel: gemini/gemini-2.0-flash\n---\nPDF.');
    const plan = await buildRoutePlan({ promptText: '/pdf report.pdf', cwd: p.root, env: p.env });
    expect(plan.prompt).toEqual({ type: 'skill', name: 'pdf', frontmatterModel: 'gemini/gemini-2.0-flash' });
    expect(plan.main.model).toBe('gemini/gemini-2.0-flash');
  });

  it('decides fallback: CLI > frontmatter model_fallback > models.fallback > on', async () => {
    const p = tempProject();
    const plan = (fallback?: boolean) =>
      buildRoutePlan({ promptText: '/oss:ship', cwd: p.root, env: p.env, ...(fallback === undefined ? {} : { fallback }) });
    expect((await plan()).fallback).toBe(true);
    p.writeHome('.oss/config.json', json({ models: { fallback: false } }));
    expect((await plan()).fallback).toBe(false);
    p.write('.claude/commands/oss/ship.md', '---\nmodel_fallback: true\n---\nShip');
    expect((await plan()).fallback).toBe(true);
    expect((await plan(false)).fallback).toBe(false);
  });

  it('should pass model override to router (seed 5.2)', async () => {
    const p = tempProject();
    const router = new ModelRouter({ cwd: p.root, env: p.env });
    const resolveModel = vi.spyOn(router, 'resolveModel');
    const built = await buildRoutePlan({ promptText: '/oss:ship --model ollama/llama3.2', cwd: p.root, env: p.env, router });
    expect(resolveModel).toHaveBeenCalledWith(expect.objectContaining({ cliOverride: 'ollama/llama3.2' }));
    expect([built.main, built.background]).toEqual([
      { model: 'ollama/llama3.2', source: 'cli' },
      { model: 'ollama/llama3.2', source: 'cli' },
    ]);
  });
});

describe('formatting a route plan', () => {
  const plan = {
    prompt: { type: 'command' as const, name: 'oss:ship' },
    main: { model: 'ollama/llama3.2', source: 'cli' as const },
    background: { model: 'ollama/llama3.2', source: 'cli' as const },
    agents: [{ name: 'code-reviewer', model: 'openai/gpt-4o', source: 'frontmatter' as const, file: join('/p', 'agents', 'code-reviewer.md'), body: 'You review.' }],
    fallback: false,
  };

  it('shows each route with its model and where it came from', () => {
    expect(formatRoutePlan(plan)).toBe(
      [
        'Route plan for /oss:ship (command)',
        '  main                 ollama/llama3.2  --model',
        '  background           ollama/llama3.2  same as main',
        '  agent code-reviewer  openai/gpt-4o    frontmatter of /p/agents/code-reviewer.md',
        '  fallback to Claude when a provider fails: off',
        "  WebSearch: the route's own search where it has one, else Claude, else a tool error (models.search pins one)",
        '',
      ].join('\n'),
    );
  });

  it('shows hook and skill routes with their sources', () => {
    const withHooks = {
      ...plan,
      hooks: [{ event: 'Stop', model: 'gemini/gemini-2.0-flash', source: 'project' as const, file: '/p/.oss/config.json' }],
      skills: [{ name: 'review', model: 'ollama/qwen3', source: 'frontmatter' as const, file: '/p/skills/review/SKILL.md', dir: '/p/skills/review' }],
    };
    expect(formatRoutePlan(withHooks)).toBe(
      [
        'Route plan for /oss:ship (command)',
        '  main                 ollama/llama3.2          --model',
        '  background           ollama/llama3.2          same as main',
        '  agent code-reviewer  openai/gpt-4o            frontmatter of /p/agents/code-reviewer.md',
        '  hook Stop            gemini/gemini-2.0-flash  project config /p/.oss/config.json',
        '  skill review         ollama/qwen3             frontmatter of /p/skills/review/SKILL.md',
        '  fallback to Claude when a provider fails: off',
        "  WebSearch: the route's own search where it has one, else Claude, else a tool error (models.search pins one)",
        '',
      ].join('\n'),
    );
  });

  it('gives the same plan as JSON with agent bodies as their length', () => {
    expect(JSON.parse(routePlanToJson(plan))).toEqual({
      ...plan,
      agents: [{ name: 'code-reviewer', model: 'openai/gpt-4o', source: 'frontmatter', file: '/p/agents/code-reviewer.md', bodyChars: 11 }],
    });
  });
});
