import { describe, expect, it } from 'vitest';
import { SettingsService } from '../../src/config/settings.js';
import { tempProject } from '../routing/temp-project.js';

function settingsFor() {
  const p = tempProject();
  return { p, settings: new SettingsService({ cwd: p.root, env: p.env }) };
}

describe('SettingsService - model configuration (seed 8.1)', () => {
  it('should get model config for prompt', async () => {
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

  it('should list all configured models', async () => {
    const { settings } = settingsFor();

    const models = await settings.getModelConfig();
    expect(models.agents).toBeDefined();
    expect(models.commands).toBeDefined();
    expect(models.skills).toBeDefined();
    expect(models.hooks).toBeDefined();
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
  it('should store API keys securely', async () => {
    const { settings } = settingsFor();
    await settings.setApiKey('openrouter', 'sk-or-xxx');

    const key = await settings.getApiKey('openrouter');
    expect(key).toBe('sk-or-xxx');
  });

  it('should prefer env vars over stored keys', async () => {
    const { p } = settingsFor();
    const settings = new SettingsService({ cwd: p.root, env: { ...p.env, OPENROUTER_API_KEY: 'env-key' } });
    await settings.setApiKey('openrouter', 'stored-key');

    const key = await settings.getApiKey('openrouter');
    expect(key).toBe('env-key');
  });

  it('should validate API keys exist for configured providers (seed 1.2)', async () => {
    const { settings } = settingsFor();
    expect(await settings.missingApiKeys()).toEqual([]);
    await settings.setModelForPrompt('command', 'oss:ship', 'openrouter/deepseek/deepseek-chat');
    await settings.setModelForPrompt('agent', 'reviewer', 'ollama/codellama');
    expect(await settings.missingApiKeys()).toEqual(['openrouter']);
    await settings.setApiKey('openrouter', 'sk-or-xxx');
    expect(await settings.missingApiKeys()).toEqual([]);
  });
});
