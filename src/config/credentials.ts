// Provider API keys. The environment wins (the provider's key variables from resolveProvider, a custom
// provider's `apiKeyEnv` first); else `<OSS_HOME>/credentials.json`, `{ "keys": { "<provider>": "<key>" } }`,
// mode 0600 in a 0700 folder, written atomically (and tightened to 0600 when read); keys this tool does not
// know are kept on every write.
// Keys are never logged: callers show them through maskKey().
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import type { OssConfig } from './config-types.js';
import { ossHome } from './paths.js';
import { writeFileAtomically } from './write-file-atomically.js';
import { readConfigText } from './read-optional-file.js';
import { resolveProvider } from './providers.js';
import { rememberSecret } from '../redact.js';
import { tightenKeyFile } from './tighten-key-file.js';

interface CredentialsFile {
  keys?: Record<string, unknown>;
  [unknownKey: string]: unknown;
}

export function credentialsPath(env: NodeJS.ProcessEnv): string {
  return join(ossHome(env), 'credentials.json');
}

/** The key to use for a provider: its environment variable when set, else the stored key. */
export async function getApiKey(provider: string, config: OssConfig, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const fromEnv = envKey(provider, config, env);
  const key = fromEnv ? fromEnv.value : (await listStoredKeys(env))[provider];
  rememberSecret(key);
  return key;
}

/** The environment variable that supplies a provider's key, when one is set. */
export function envKey(provider: string, config: OssConfig, env: NodeJS.ProcessEnv): { name: string; value: string } | undefined {
  for (const name of keyEnvNames(provider, config, env)) {
    const value = env[name];
    if (value) return { name, value };
  }
  return undefined;
}

/** The environment variables that can hold a provider's key, first found wins. */
export function keyEnvNames(provider: string, config: OssConfig, env: NodeJS.ProcessEnv): string[] {
  return resolveProvider(provider, config, env)?.keyEnv ?? [];
}

/** Stored keys by provider. */
export async function listStoredKeys(env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const keys = (await readCredentials(env)).keys ?? {};
  return Object.fromEntries(Object.entries(keys).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

export async function setApiKey(provider: string, key: string, env: NodeJS.ProcessEnv): Promise<void> {
  const file = await readCredentials(env);
  await writeCredentials({ ...file, keys: { ...(file.keys ?? {}), [provider]: key } }, env);
}

/** Remove a stored key; false when there was none. */
export async function removeApiKey(provider: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const file = await readCredentials(env);
  if (!file.keys || !Object.hasOwn(file.keys, provider)) return false;
  const { [provider]: _removed, ...rest } = file.keys;
  await writeCredentials({ ...file, keys: rest }, env);
  return true;
}

/** `sk-or-v1-abcdef…1234` → `sk-or-…1234`: enough to tell keys apart, never enough to use one. */
export function maskKey(key: string): string {
  const tail = key.slice(-4);
  const prefix = /^(?:[A-Za-z]{2,5}-){1,2}/.exec(key)?.[0] ?? '';
  if (key.length < 12) return `…${key.slice(-2)}`;
  return `${prefix}…${tail}`;
}

async function readCredentials(env: NodeJS.ProcessEnv): Promise<CredentialsFile> {
  const path = credentialsPath(env);
  const text = await readConfigText(path);
  if (text === undefined) return {};
  await tightenKeyFile(path);
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    const file = parsed as CredentialsFile;
    if (file.keys !== undefined && (typeof file.keys !== 'object' || file.keys === null || Array.isArray(file.keys))) {
      throw new Error('"keys" is not an object');
    }
    return file;
  } catch {
    throw new ConfigError(`${path} is not valid credentials JSON ({"keys": {"<provider>": "<key>"}}); fix or delete it, then run \`oss models keys set <provider>\`.`);
  }
}

async function writeCredentials(file: CredentialsFile, env: NodeJS.ProcessEnv): Promise<void> {
  const dir = ossHome(env);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  await writeFileAtomically(credentialsPath(env), `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
}
