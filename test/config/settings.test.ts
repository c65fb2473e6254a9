import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsService } from '../../src/config/settings.js';
import { tempProject } from '../routing/temp-project.js';

function settingsFor() {
  const p = tempProject();
  return { p, settings: new SettingsService({ cwd: p.root, env: p.env }) };
}

describe('SettingsService - model configuration (seed 8.1)', () => {
  it('reads back the model set for a prompt', async () => {
    const { settings } = settingsFor();
    await settings.setModelForPrompt('agent', 'oss:code-reviewer', 'ollama/codellama');

    const model = await settings.getModelForPrompt('agent', 'oss:code-reviewer');
    expect(model).toBe('ollama/codellama');
  });

  it('writes the user layer by default and the named layer when asked', async () => {
    const { p, settings } = settingsFor();
    const userFile = await settings.setModelForPrompt('command', 'oss:ship', 'ollama/llama3.2');
    const localFile = await settings.setModelForPrompt('command', 'oss:ship', 'openai/gpt-4o', 'local');
    expect(userFile).toBe(`${p.ossHome}/config.json`);
    expect(localFile).toBe(`${p.root}/.oss/config.local.json`);
    expect(await settings.getModelForPrompt('command', 'oss:ship')).toBe('openai/gpt-4o');
  });

  it('lists every configured prompt model by kind (empty maps when nothing is set), later layers winning', async () => {
    const { settings } = settingsFor();
    expect(await settings.getModelConfig()).toEqual({ agents: {}, commands: {}, skills: {}, hooks: {} });

    await settings.setModelForPrompt('agent', 'oss:code-reviewer', 'ollama/codellama');
    await settings.setModelForPrompt('command', 'oss:ship', 'ollama/llama3.2');
    await settings.setModelForPrompt('command', 'oss:ship', 'openai/gpt-4o', 'local');
    await settings.setModelForPrompt('skill', 'pdf', 'gemini/gemini-2.0-flash', 'project');
    expect(await settings.getModelConfig()).toEqual({
      agents: { 'oss:code-reviewer': 'ollama/codellama' },
      commands: { 'oss:ship': 'openai/gpt-4o' },
      skills: { pdf: 'gemini/gemini-2.0-flash' },
      hooks: {},
    });
  });

  it('unsets a prompt without touching a file that never had it', async () => {
    const { settings } = settingsFor();
    await settings.setModelForPrompt('skill', 'pdf', 'gemini/gemini-2.0-flash');
    expect((await settings.unsetModelForPrompt('skill', 'pdf')).removed).toBe(true);
    expect(await settings.getModelForPrompt('skill', 'pdf')).toBeUndefined();
    expect((await settings.unsetModelForPrompt('skill', 'pdf', 'project')).removed).toBe(false);
  });
});

describe('SettingsService - API keys (seed 8.1)', () => {
  it('stores API keys in a 0600 file inside a 0700 folder and reads them back', async () => {
    const { p, settings } = settingsFor();
    await settings.setApiKey('openrouter', 'sk-or-xxx');

    const key = await settings.getApiKey('openrouter');
    expect(key).toBe('sk-or-xxx');
    expect(statSync(p.ossHome).mode & 0o777).toBe(0o700);
    expect(statSync(join(p.ossHome, 'credentials.json')).mode & 0o777).toBe(0o600);
  });

  it('prefers the environment variable over a stored key', async () => {
    const { p } = settingsFor();
    const settings = new SettingsService({ cwd: p.root, env: { ...p.env, OPENROUTER_API_KEY: 'env-key' } });
    await settings.setApiKey('openrouter', 'stored-key');

    const key = await settings.getApiKey('openrouter');
    expect(key).toBe('env-key');
  });

  it('names the providers whose configured models have no key, until one is stored (seed 1.2)', async () => {
    const { settings } = settingsFor();
    expect(await settings.missingApiKeys()).toEqual([]);
    await settings.setModelForPrompt('command', 'oss:ship', 'openrouter/deepseek/deepseek-chat');
    await settings.setModelForPrompt('agent', 'reviewer', 'ollama/codellama');
    expect(await settings.missingApiKeys()).toEqual(['openrouter']);
    await settings.setApiKey('openrouter', 'sk-or-xxx');
    expect(await settings.missingApiKeys()).toEqual([]);
  });
});
