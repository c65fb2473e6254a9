// Which project config files the user has trusted to say where requests and keys go: `<OSS_HOME>/trusted.json`,
// `{ "files": { "<absolute path>": { "sha256": "<hex of the file's bytes>", "trusted_at": "<ISO time>" } } }`.
// Trust is per path and per content: a file whose bytes changed since `oss trust` is untrusted again.
// Written atomically, mode 0600 in a 0700 folder; keys this tool does not know are kept on every write.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { ossHome } from './paths.js';
import { readOptionalFile } from './read-optional-file.js';
import { writeFileAtomically } from './write-file-atomically.js';

export interface TrustEntry {
  sha256: string;
  trusted_at: string;
}

interface TrustFile {
  files?: Record<string, TrustEntry>;
  [unknownKey: string]: unknown;
}

/** Whether a file is trusted as it is now; `changed` when it was trusted with other content. */
export type TrustState = 'trusted' | 'untrusted' | 'changed';

export function trustStorePath(env: NodeJS.ProcessEnv): string {
  return join(ossHome(env), 'trusted.json');
}

export function hashConfigText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readTrustFile(env: NodeJS.ProcessEnv): Promise<TrustFile> {
  const path = trustStorePath(env);
  let text: string | undefined;
  try {
    text = await readOptionalFile(path);
  } catch (error) {
    throw new ConfigError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the file and its permissions`);
  }
  if (text === undefined || text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isObject(parsed) || (parsed.files !== undefined && !isObject(parsed.files))) throw new Error('wrong shape');
    return parsed as TrustFile;
  } catch {
    throw new ConfigError(`${path} is not a valid trust list ({"files": {"<path>": {"sha256": …}}}); delete it and run \`oss trust\` again`);
  }
}

async function writeTrustFile(file: TrustFile, env: NodeJS.ProcessEnv): Promise<void> {
  await mkdir(ossHome(env), { recursive: true, mode: 0o700 });
  await writeFileAtomically(trustStorePath(env), `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
}

/** Every trusted path with its entry. */
export async function listTrusted(env: NodeJS.ProcessEnv): Promise<Record<string, TrustEntry>> {
  const files = (await readTrustFile(env)).files ?? {};
  return Object.fromEntries(Object.entries(files).filter((entry): entry is [string, TrustEntry] => isObject(entry[1]) && typeof entry[1].sha256 === 'string'));
}

/** Whether `file`, whose current text is `text`, is trusted. */
export async function trustState(file: string, text: string, env: NodeJS.ProcessEnv): Promise<TrustState> {
  const entry = (await listTrusted(env))[resolve(file)];
  if (!entry) return 'untrusted';
  return entry.sha256 === hashConfigText(text) ? 'trusted' : 'changed';
}

/** Record `file` as trusted with the hash of `text` (the content the user reviewed). */
export async function recordTrust(file: string, text: string, env: NodeJS.ProcessEnv, now: Date = new Date()): Promise<TrustEntry> {
  const store = await readTrustFile(env);
  const entry: TrustEntry = { sha256: hashConfigText(text), trusted_at: now.toISOString() };
  await writeTrustFile({ ...store, files: { ...(store.files ?? {}), [resolve(file)]: entry } }, env);
  return entry;
}

/** Forget `file`; false when it was not trusted. */
export async function revokeTrust(file: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const store = await readTrustFile(env);
  const key = resolve(file);
  if (!store.files || !Object.hasOwn(store.files, key)) return false;
  const { [key]: _removed, ...rest } = store.files;
  await writeTrustFile({ ...store, files: rest }, env);
  return true;
}
