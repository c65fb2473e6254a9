import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, lookupPromptModel } from '../../src/config/load-config.js';
import { findProjectDir, ossHome, userConfigPath } from '../../src/config/paths.js';
import { ConfigError } from '../../src/errors.js';
import { tempProject } from '../routing/temp-project.js';

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('config layers (seed 1.2)', () => {
  it('loads the user config from ~/.oss/config.json and lists every layer with its file and whether it exists', async () => {
    const p = tempProject();
    p.writeHome('.oss/config.json', json({ models: { default: 'ollama/llama3.2' } }));
    const loaded = await loadConfig({ cwd: p.root, env: p.env });
    expect(loaded.merged).toEqual({ models: { default: 'ollama/llama3.2' } });
    // No project here (the temp folder is its own repository without .oss), so the user layer is the only one.
    expect(loaded.layers).toEqual([{ layer: 'user', file: join(p.ossHome, 'config.json'), exists: true, config: { models: { default: 'ollama/llama3.2' } } }]);
  });

  it('should load project config from .oss/config.json, walking up from a subfolder', async () => {
    const p = tempProject();
    p.write('.oss/config.json', json({ models: { commands: { 'oss:ship': 'ollama/llama3.2' } } }));
    const sub = join(p.root, 'src', 'deep');
    mkdirSync(sub, { recursive: true });
    const loaded = await loadConfig({ cwd: sub, env: p.env });
    expect(loaded.projectDir).toBe(p.root);
    expect(lookupPromptModel(loaded, 'command', 'oss:ship')).toEqual({
      value: 'ollama/llama3.2',
      layer: 'project',
      file: join(p.root, '.oss', 'config.json'),
    });
  });

  it('should merge configs with correct precedence: project wins over user', async () => {
    const p = tempProject();
    p.writeHome('.oss/config.json', json({ models: { agents: { 'oss:code-reviewer': 'gemini/gemini-2.0-flash', 'other': 'openai/gpt-4o' } } }));
    p.write('.oss/config.json', json({ models: { agents: { 'oss:code-reviewer': 'ollama/codellama' } } }));
    const merged = (await loadConfig({ cwd: p.root, env: p.env })).merged;
    expect(merged.models?.agents).toEqual({ 'oss:code-reviewer': 'ollama/codellama', other: 'openai/gpt-4o' });
  });

  it('local config beats project config for the same prompt, and names the local file as the source', async () => {
    const p = tempProject();
    p.write('.oss/config.json', json({ models: { commands: { 'oss:ship': 'ollama/llama3.2' } } }));
    p.write('.oss/config.local.json', json({ models: { commands: { 'oss:ship': 'openai/gpt-4o' } } }));
    const loaded = await loadConfig({ cwd: p.root, env: p.env });
    expect(lookupPromptModel(loaded, 'command', 'oss:ship')).toEqual({ value: 'openai/gpt-4o', layer: 'local', file: join(p.root, '.oss', 'config.local.json') });
    expect(loaded.merged.models?.commands?.['oss:ship']).toBe('openai/gpt-4o');
  });

  it('accepts in a project a model of a provider the user declared', async () => {
    const p = tempProject();
    p.writeHome('.oss/config.json', json({ providers: { lmstudio: { type: 'openai', baseUrl: 'http://localhost:1234/v1' } } }));
    p.write('.oss/config.json', json({ models: { default: 'lmstudio/qwen2.5-coder' } }));
    const loaded = await loadConfig({ cwd: p.root, env: p.env });
    expect(loaded.merged).toEqual({ providers: { lmstudio: { type: 'openai', baseUrl: 'http://localhost:1234/v1' } }, models: { default: 'lmstudio/qwen2.5-coder' } });
  });

  it('keeps keys it does not know in the merged view', async () => {
    const p = tempProject();
    p.writeHome('.oss/config.json', json({ telemetry: { enabled: false }, models: { theme: 'dark' } }));
    const merged = (await loadConfig({ cwd: p.root, env: p.env })).merged;
    expect(merged).toEqual({ telemetry: { enabled: false }, models: { theme: 'dark' } });
  });
});

describe('finding the project', () => {
  it('stops at the repository root: a .oss above the folder with .git is not used', () => {
    const p = tempProject();
    mkdirSync(join(p.root, '..', '.oss'), { recursive: true });
    expect(findProjectDir(p.root, p.env)).toBeUndefined();
  });

  it('never takes the home folder\'s ~/.oss for a project', () => {
    const p = tempProject();
    const inHome = join(p.home, 'code', 'thing');
    mkdirSync(inHome, { recursive: true });
    mkdirSync(p.ossHome, { recursive: true });
    expect(findProjectDir(inHome, p.env)).toBeUndefined();
  });

  it('OSS_HOME relocates the user config', () => {
    const p = tempProject();
    const env = { ...p.env, OSS_HOME: join(p.home, 'elsewhere') };
    expect(ossHome(env)).toBe(join(p.home, 'elsewhere'));
    expect(userConfigPath(env)).toBe(join(p.home, 'elsewhere', 'config.json'));
  });
});

describe('invalid config files', () => {
  async function errorOf(promise: Promise<unknown>): Promise<ConfigError> {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }

  it('names the file and the JSON path of an invalid model id, on one line, exit code 2', async () => {
    const p = tempProject();
    const file = p.write('.oss/config.json', json({ models: { commands: { 'oss:ship': 'invalid' } } }));
    const error = await errorOf(loadConfig({ cwd: p.root, env: p.env }));
    expect(error.exitCode).toBe(2);
    expect(error.message).not.toContain('\n');
    expect(error.message).toBe(
      `${file}: models.commands["oss:ship"]: expected a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude, got "invalid"`,
    );
  });

  it('names the file, line and column of broken JSON', async () => {
    const p = tempProject();
    const file = p.writeHome('.oss/config.json', '{\n  "models": {\n    "default": "claude",\n  }\n}\n');
    const error = await errorOf(loadConfig({ cwd: p.root, env: p.env }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`${file}: not valid JSON at line 4, column 3 (Expected double-quoted property name); fix the file or move it aside`);
  });

  it('names wrong types by JSON path', async () => {
    const p = tempProject();
    const file = p.writeHome('.oss/config.json', json({ models: { fallback: 'yes' } }));
    expect((await errorOf(loadConfig({ cwd: p.root, env: p.env }))).message).toBe(`${file}: models.fallback: expected a boolean, got "yes"`);
  });

  it('names an undeclared provider', async () => {
    const p = tempProject();
    const file = p.write('.oss/config.local.json', json({ models: { agents: { reviewer: 'myhost/qwen' } } }));
    expect((await errorOf(loadConfig({ cwd: p.root, env: p.env }))).message).toBe(
      `${file}: models.agents.reviewer: expected a known provider (built in, or declared under "providers"); "myhost" is neither, got "myhost/qwen"`,
    );
  });

  it('requires a base URL for a provider that is not built in, saying none was given', async () => {
    const p = tempProject();
    const file = p.writeHome('.oss/config.json', json({ providers: { myhost: { type: 'openai' } } }));
    expect((await errorOf(loadConfig({ cwd: p.root, env: p.env }))).message).toBe(`${file}: providers.myhost.baseUrl: expected a base URL for a provider that is not built in, got nothing`);
  });

  it('rejects a headers timeout that is not a positive number of milliseconds, naming the file and path', async () => {
    const p = tempProject();
    const file = p.writeHome('.oss/config.json', json({ providers: { openrouter: { headersTimeoutMs: '30s' } } }));
    expect((await errorOf(loadConfig({ cwd: p.root, env: p.env }))).message).toBe(`${file}: providers.openrouter.headersTimeoutMs: expected a number of milliseconds above 0, such as 30000, got "30s"`);
  });

  it('rejects a provider type it cannot speak', async () => {
    const p = tempProject();
    const file = p.writeHome('.oss/config.json', json({ providers: { mine: { type: 'cohere', baseUrl: 'http://x' } } }));
    expect((await errorOf(loadConfig({ cwd: p.root, env: p.env }))).message).toBe(`${file}: providers.mine.type: expected "openai", "gemini" or "anthropic", got "cohere"`);
  });
});
