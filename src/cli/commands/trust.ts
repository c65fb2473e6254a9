// `oss trust [file…]`: let a project's config files say where requests and keys go (providers' type, baseUrl,
// apiKeyEnv, headers). Without files: this project's .oss/config.json and .oss/config.local.json. Before
// recording, it shows the settings being trusted, so the user sees what they agree to.
// `oss trust --list` shows every trusted file and whether it changed since; `oss trust --revoke [file…]` forgets.
import { resolve } from 'node:path';
import type { CliIO } from '../../io.js';
import { UsageError } from '../../errors.js';
import { findProjectDir, localConfigPath, projectConfigPath } from '../../config/paths.js';
import { readConfigText } from '../../config/read-optional-file.js';
import { parseConfigText } from '../../config/validate-config.js';
import { hashConfigText, listTrusted, recordTrust, revokeTrust } from '../../config/trust-store.js';
import { trustedOnlyEntries } from '../../config/untrusted-config.js';

export interface TrustOptions {
  list?: boolean;
  revoke?: boolean;
}

/** The files named, else this project's existing config files. */
async function targetFiles(files: string[], io: CliIO): Promise<string[]> {
  if (files.length > 0) return files.map((file) => resolve(io.cwd, file));
  const projectDir = findProjectDir(io.cwd, io.env);
  const candidates = projectDir ? [projectConfigPath(projectDir), localConfigPath(projectDir)] : [];
  const found: string[] = [];
  for (const file of candidates) if ((await readConfigText(file)) !== undefined) found.push(file);
  if (found.length === 0) throw new UsageError(`no .oss/config.json or .oss/config.local.json found from ${io.cwd}; name the file: oss trust <file>`);
  return found;
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

async function trust(files: string[], io: CliIO): Promise<number> {
  for (const file of await targetFiles(files, io)) {
    const text = await readConfigText(file);
    if (text === undefined) throw new UsageError(`${file}: no such file; nothing to trust`);
    const settings = trustedOnlyEntries(parseConfigText(text, file));
    await recordTrust(file, text, io.env);
    io.stdout(`trusted ${file} (sha256 ${hashConfigText(text).slice(0, 12)}); it may now set:${settings.length === 0 ? ' (no provider settings yet)' : ''}\n`);
    for (const { path, value } of settings) io.stdout(`  ${path} = ${describeValue(value)}\n`);
  }
  io.stdout('Editing a trusted file makes it untrusted again until you run `oss trust` again.\n');
  return 0;
}

async function list(io: CliIO): Promise<number> {
  const trusted = await listTrusted(io.env);
  const paths = Object.keys(trusted).sort();
  if (paths.length === 0) {
    io.stdout('no trusted project config files (trust one with `oss trust` inside the project)\n');
    return 0;
  }
  for (const path of paths) {
    const text = await readConfigText(path).catch(() => undefined);
    const state = text === undefined ? 'missing' : hashConfigText(text) === trusted[path]?.sha256 ? 'trusted' : 'changed since trusted';
    io.stdout(`${path}  ${state}  (${trusted[path]?.trusted_at ?? ''})\n`);
  }
  return 0;
}

async function revoke(files: string[], io: CliIO): Promise<number> {
  for (const file of await targetFiles(files, io)) {
    io.stdout((await revokeTrust(file, io.env)) ? `no longer trusted: ${file}\n` : `was not trusted: ${file}\n`);
  }
  return 0;
}

export async function trustCommand(files: string[], opts: TrustOptions, io: CliIO): Promise<number> {
  if (opts.list && opts.revoke) throw new UsageError('--list and --revoke: give one');
  if (opts.list) {
    if (files.length > 0) throw new UsageError('--list takes no file');
    return list(io);
  }
  return opts.revoke ? revoke(files, io) : trust(files, io);
}
