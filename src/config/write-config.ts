// Read-modify-write of one config file: parse what is there, apply a change to the parsed object (keys keep
// their order; keys this tool does not know are untouched), validate the result, and only then write it
// atomically (write-file-atomic: temp file + rename). Nothing is written when parsing or validation fails.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { OssConfig } from './config-types.js';
import { readConfigText } from './read-optional-file.js';
import { parseConfigText, validateConfig } from './validate-config.js';
import { recordTrust, trustState } from './trust-store.js';
import { writeFileAtomically } from './write-file-atomically.js';

export interface UpdateOptions {
  /** Providers declared in other layers, so a model id naming one of them validates. */
  knownProviders?: OssConfig;
  /** Mode for folders this write creates (0o700 for ~/.oss). */
  dirMode?: number;
  /**
   * A project file: when the user had trusted it as it was, it stays trusted after this write (oss's own
   * edit, asked for by the user, is not a reason to ask for trust again). An untrusted file stays untrusted.
   */
  keepTrust?: { env: NodeJS.ProcessEnv };
}

/** The indentation the file already uses (2 spaces when it has none yet). */
function detectIndent(text: string | undefined): string | number {
  const match = text ? /^[ \t]+(?=")/m.exec(text) : null;
  return match ? match[0] : 2;
}

/**
 * Applies `change` to the file's parsed content and writes it back. `change` returns false to mean "nothing
 * changed": then the file is left alone (and not created).
 */
export async function updateConfigFile(
  file: string,
  change: (config: Record<string, unknown>) => boolean,
  options: UpdateOptions = {},
): Promise<boolean> {
  const text = await readConfigText(file);
  const parsed = text === undefined ? {} : parseConfigText(text, file);
  validateConfig(parsed, file, options.knownProviders);
  const config = parsed as Record<string, unknown>;
  if (!change(config)) return false;
  validateConfig(config, file, options.knownProviders);
  await mkdir(dirname(file), { recursive: true, ...(options.dirMode === undefined ? {} : { mode: options.dirMode }) });
  const wasTrusted = options.keepTrust && text !== undefined && (await trustState(file, text, options.keepTrust.env)) === 'trusted';
  const written = `${JSON.stringify(config, null, detectIndent(text))}\n`;
  await writeFileAtomically(file, written);
  if (wasTrusted && options.keepTrust) await recordTrust(file, written, options.keepTrust.env);
  return true;
}

/** The object at `path` inside `config`, created (at the end of its parent) when missing. */
export function ensureObject(config: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  let node = config;
  for (const key of path) {
    const next = node[key];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
      node = next as Record<string, unknown>;
    } else {
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    }
  }
  return node;
}
