// Where `oss serve` gets its path secret: `--secret-file <path>`, else OSS_SECRET, else a fresh random one.
// `--secret S` is refused: an argument is visible to every user of the machine in `ps`; the message names
// the two ways that are not.
import { stat } from 'node:fs/promises';
import { UsageError } from '../../errors.js';
import { readConfigText } from '../../config/read-optional-file.js';

const SECRET = /^[A-Za-z0-9._~-]{8,128}$/;
const EXPECTED = 'expected 8 to 128 characters from A-Z a-z 0-9 . _ ~ - (it becomes part of the URL path)';

export interface SecretOptions {
  secret?: string;
  secretFile?: string;
}

/** The secret to use, or undefined for a generated one. `warn` gets one line for a file others can read. */
export async function serveSecret(opts: SecretOptions, env: NodeJS.ProcessEnv, warn: (line: string) => void): Promise<string | undefined> {
  if (opts.secret !== undefined) {
    throw new UsageError('--secret shows the secret to every user of this machine (ps): set OSS_SECRET, or pass --secret-file <path> (a file only you can read)');
  }
  if (opts.secretFile !== undefined) {
    const text = await readConfigText(opts.secretFile);
    if (text === undefined) throw new UsageError(`--secret-file ${opts.secretFile}: no such file`);
    const secret = text.trim();
    if (!SECRET.test(secret)) throw new UsageError(`--secret-file ${opts.secretFile}: ${EXPECTED}`);
    const mode = (await stat(opts.secretFile)).mode & 0o777;
    if ((mode & 0o077) !== 0) warn(`oss serve: ${opts.secretFile} can be read by other users (mode ${mode.toString(8)}); run \`chmod 600 ${opts.secretFile}\``);
    return secret;
  }
  const fromEnv = env.OSS_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!SECRET.test(fromEnv)) throw new UsageError(`OSS_SECRET: ${EXPECTED}`);
    return fromEnv;
  }
  return undefined;
}
