import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getApiKey, setApiKey } from '../../src/config/credentials.js';
import { providerReadiness } from '../../src/registry/provider-readiness.js';
import { tempProject } from '../routing/temp-project.js';

const noOllama = { source: 'none', url: 'http://127.0.0.1:9/api/tags', installed: null } as const;

describe('API keys (seed 8.1)', () => {
  it('stores API keys in a 0600 file inside a 0700 folder and reads them back', async () => {
    const p = tempProject();
    await setApiKey('openrouter', 'sk-or-xxx', p.env);
    expect(await getApiKey('openrouter', {}, p.env)).toBe('sk-or-xxx');
    expect(statSync(p.ossHome).mode & 0o777).toBe(0o700);
    expect(statSync(join(p.ossHome, 'credentials.json')).mode & 0o777).toBe(0o600);
  });

  it('prefers the environment variable over a stored key', async () => {
    const p = tempProject();
    const env = { ...p.env, OPENROUTER_API_KEY: 'env-key' };
    await setApiKey('openrouter', 'stored-key', env);
    expect(await getApiKey('openrouter', {}, env)).toBe('env-key');
  });

  it('says a provider without a key is not ready, until one is stored (seed 1.2)', async () => {
    const p = tempProject();
    expect(await providerReadiness('openrouter', {}, p.env, noOllama)).toEqual({
      usable: false,
      line: 'not ready: set OPENROUTER_API_KEY or run `oss models keys set openrouter`',
    });
    await setApiKey('openrouter', 'sk-or-xxx', p.env);
    expect(await providerReadiness('openrouter', {}, p.env, noOllama)).toEqual({ usable: true, line: 'ready: key stored with `oss models keys set`' });
  });
});
