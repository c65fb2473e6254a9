import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureObject, updateConfigFile } from '../../src/config/write-config.js';
import { ConfigError } from '../../src/errors.js';
import { tempProject } from '../routing/temp-project.js';

describe('updateConfigFile', () => {
  it('keeps unknown keys, key order and the file\'s indentation', async () => {
    const p = tempProject();
    const original = '{\n    "zeta": 1,\n    "models": {\n        "theme": "dark",\n        "commands": { "a": "claude" }\n    },\n    "alpha": [1, 2]\n}\n';
    const file = p.write('.oss/config.json', original);
    await updateConfigFile(file, (config) => {
      ensureObject(config, ['models', 'commands']).b = 'ollama/llama3.2';
      return true;
    });
    expect(p.read(file)).toBe(
      '{\n    "zeta": 1,\n    "models": {\n        "theme": "dark",\n        "commands": {\n            "a": "claude",\n            "b": "ollama/llama3.2"\n        }\n    },\n    "alpha": [\n        1,\n        2\n    ]\n}\n',
    );
  });

  it('writes nothing when the result is invalid', async () => {
    const p = tempProject();
    const original = '{ "models": { "default": "claude" } }';
    const file = p.write('.oss/config.json', original);
    const before = statSync(file).mtimeMs;
    const error = await updateConfigFile(file, (config) => {
      ensureObject(config, ['models']).default = 'not-a-model';
      return true;
    }).catch((caught: unknown) => caught);
    expect([error instanceof ConfigError, (error as ConfigError).exitCode, (error as Error).message]).toEqual([
      true,
      2,
      `${file}: models.default: expected a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude, got "not-a-model"`,
    ]);
    expect(p.read(file)).toBe(original);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('creates missing folders, and does not create a file when nothing changed', async () => {
    const p = tempProject();
    const untouched = join(p.root, 'a', '.oss', 'config.json');
    expect(await updateConfigFile(untouched, () => false)).toBe(false);
    expect(existsSync(untouched)).toBe(false);
    const file = join(p.root, 'b', '.oss', 'config.json');
    expect(await updateConfigFile(file, (config) => ((config.models = { default: 'claude' }), true))).toBe(true);
    expect(JSON.parse(p.read(file))).toEqual({ models: { default: 'claude' } });
  });

  it('refuses to rewrite a file that is not valid JSON, leaving it as it was', async () => {
    const p = tempProject();
    const file = p.write('.oss/config.json', '{ broken');
    await expect(updateConfigFile(file, () => true)).rejects.toEqual(new ConfigError(`${file}: not valid JSON at line 1, column 3 (Expected property name or '}'); fix the file or move it aside`));
    expect(p.read(file)).toBe('{ broken');
  });
});
