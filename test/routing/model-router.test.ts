import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelRouter } from '../../src/routing/model-router.js';
import { ConfigError } from '../../src/errors.js';
import { tempProject, type TempProject } from './temp-project.js';

const json = (value: unknown) => JSON.stringify(value, null, 2);

function routerIn(p: TempProject): ModelRouter {
  return new ModelRouter({ cwd: p.root, env: p.env });
}

function installPluginAgent(p: TempProject, plugin: string, file: string, content: string): string {
  const dir = join('.claude', 'plugins', 'cache', 'market', plugin, '1.0.0');
  p.writeHome(join(dir, '.claude-plugin', 'plugin.json'), json({ name: plugin }));
  return p.writeHome(join(dir, 'agents', file), content);
}

describe('ModelRouter (seed 2.1)', () => {
  it('should resolve model with CLI override taking precedence', async () => {
    const p = tempProject();
    p.write('.oss/config.local.json', json({ models: { commands: { 'oss:ship': 'ollama/llama3.2' } } }));
    const router = routerIn(p);
    const model = await router.resolveModel({ promptType: 'command', promptName: 'oss:ship', cliOverride: 'gemini/gemini-2.0-flash' });
    expect(model).toEqual({ model: 'gemini/gemini-2.0-flash', source: 'cli' });
  });

  it('should fall back through config precedence chain', async () => {
    const p = tempProject();
    const file = p.write('.oss/config.json', json({ models: { commands: { 'oss:ship': 'ollama/llama3.2' } } }));
    const model = await routerIn(p).resolveModel({ promptType: 'command', promptName: 'oss:ship' });
    expect(model).toEqual({ model: 'ollama/llama3.2', source: 'project', file });
  });

  it('should return default when no config found (an agent with nothing set has no override)', async () => {
    const p = tempProject();
    p.writeHome('.oss/config.json', json({ models: { default: 'ollama/llama3.2' } }));
    const model = await routerIn(p).resolveModel({ promptType: 'agent', promptName: 'oss:unknown-agent' });
    expect(model).toEqual({ model: 'default', source: 'builtin' });
  });

  it('should check frontmatter when no config matches', async () => {
    const p = tempProject();
    const file = installPluginAgent(p, 'oss', 'code-reviewer.md', '---\nmodel: openai/gpt-4o\n---\nReview.');
    const model = await routerIn(p).resolveModel({ promptType: 'agent', promptName: 'oss:code-reviewer' });
    expect(model).toEqual({ model: 'openai/gpt-4o', source: 'frontmatter', file });
  });
});

describe('ModelRouter precedence, one step at a time', () => {
  it('walks CLI > local > project > user > frontmatter > models.default > claude', async () => {
    const p = tempProject();
    const command = p.write('.claude/commands/oss/ship.md', '---\nmodel: openai/gpt-4o\n---\nShip.');
    const local = p.write('.oss/config.local.json', json({ models: { commands: { 'oss:ship': 'ollama/a' } } }));
    const project = p.write('.oss/config.json', json({ models: { commands: { 'oss:ship': 'ollama/b' } } }));
    const user = p.writeHome('.oss/config.json', json({ models: { default: 'ollama/d', commands: { 'oss:ship': 'ollama/c' } } }));
    const router = routerIn(p);
    const resolve = (cliOverride?: string) =>
      router.resolveModel({ promptType: 'command', promptName: 'oss:ship', ...(cliOverride ? { cliOverride } : {}) });

    expect(await resolve('ollama/cli')).toEqual({ model: 'ollama/cli', source: 'cli' });
    expect(await resolve()).toEqual({ model: 'ollama/a', source: 'local', file: local });
    rmSync(local);
    expect(await resolve()).toEqual({ model: 'ollama/b', source: 'project', file: project });
    p.write('.oss/config.json', '{}');
    expect(await resolve()).toEqual({ model: 'ollama/c', source: 'user', file: user });
    p.writeHome('.oss/config.json', json({ models: { default: 'ollama/d' } }));
    expect(await resolve()).toEqual({ model: 'openai/gpt-4o', source: 'frontmatter', file: command });
    rmSync(command);
    p.write('.oss/config.json', '{ }');
    expect(await resolve()).toEqual({ model: 'ollama/d', source: 'default', file: user });
    p.writeHome('.oss/config.json', '{}');
    expect(await resolve()).toEqual({ model: 'claude', source: 'builtin' });
  });

  it('reads a Claude model id in frontmatter as claude/<id>, and leaves Claude Code aliases alone', async () => {
    const p = tempProject();
    const file = p.write('.claude/agents/fast.md', '---\nname: fast\nmodel: claude-haiku-4-5\n---\nBe quick.');
    p.write('.claude/agents/alias.md', '---\nname: alias\nmodel: haiku\n---\nBe quick.');
    const router = routerIn(p);
    expect(await router.resolveModel({ promptType: 'agent', promptName: 'fast' })).toEqual({ model: 'claude/claude-haiku-4-5', source: 'frontmatter', file });
    expect(await router.resolveModel({ promptType: 'agent', promptName: 'alias' })).toEqual({ model: 'default', source: 'builtin' });
  });

  it('rejects an invalid --model with exit code 2', async () => {
    const p = tempProject();
    const error = await routerIn(p)
      .resolveModel({ promptType: 'command', promptName: 'x', cliOverride: 'invalid' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/^--model "invalid": expected a model id/);
  });
});

describe('ModelRouter cache', () => {
  it('keeps a resolved model while no config file changes', async () => {
    const p = tempProject();
    const agent = p.write('.claude/agents/reviewer.md', '---\nname: reviewer\nmodel: ollama/codellama\n---\nReview.');
    const router = routerIn(p);
    const first = await router.resolveModel({ promptType: 'agent', promptName: 'reviewer' });
    rmSync(agent);
    expect(await router.resolveModel({ promptType: 'agent', promptName: 'reviewer' })).toBe(first);
  });

  it('is invalidated when a config file changes', async () => {
    const p = tempProject();
    p.writeHome('.oss/config.json', json({ models: { agents: { reviewer: 'ollama/codellama' } } }));
    const router = routerIn(p);
    expect((await router.resolveModel({ promptType: 'agent', promptName: 'reviewer' })).model).toBe('ollama/codellama');
    p.write('.oss/config.json', json({ models: { agents: { reviewer: 'openrouter/qwen/qwen3-coder' } } }));
    expect(await router.resolveModel({ promptType: 'agent', promptName: 'reviewer' })).toMatchObject({ model: 'openrouter/qwen/qwen3-coder', source: 'project' });
    p.writeHome('.oss/config.json', json({ models: { agents: { reviewer: 'openai/gpt-4o-mini' } } }));
    rmSync(join(p.root, '.oss', 'config.json'));
    expect(await router.resolveModel({ promptType: 'agent', promptName: 'reviewer' })).toMatchObject({ model: 'openai/gpt-4o-mini', source: 'user' });
  });
});
