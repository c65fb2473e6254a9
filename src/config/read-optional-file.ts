// Reading a file that may not exist yet (a config layer, credentials.json, the usage ledger): its text, or
// undefined when there is no such file. Any other failure (permissions, a folder in its place) is an error.
import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.js';

export async function readOptionalFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A config file's text, undefined when it does not exist; a ConfigError (exit 2) naming the file otherwise. */
export async function readConfigText(file: string): Promise<string | undefined> {
  try {
    return await readOptionalFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${file}: cannot be read (${code ?? String(error)}); check the file and its permissions`);
  }
}
