// `oss models keys set <provider> [key]`, `keys list [--json]`, `keys rm <provider>`.
// Without [key], the key is read from stdin when it is not a terminal (`pass openrouter | oss models keys
// set openrouter`), else from a hidden prompt: either way it stays out of shell history. Keys are never
// echoed: output shows them masked (`sk-or-…1234`).
//
// `keys list --json` output (stable; documented in docs/json-output.md):
// { "file": string,
//   "providers": [{ "provider": string, "stored": boolean, "masked": string|null,
//                   "envVars": string[],          // variables that override the stored key, first set wins
//                   "envSet": string|null,        // the variable that is set now, if any
//                   "active": "env"|"stored"|null }] }  // which key a request would use
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { ReadStream } from 'node:tty';
import type { CliIO } from '../../io.js';
import { UsageError } from '../../errors.js';
import { loadConfig } from '../../config/load-config.js';
import { BUILTIN_PROVIDERS, resolveProvider } from '../../config/providers.js';
import { credentialsPath, envKey, keyEnvNames, listStoredKeys, maskKey, removeApiKey, setApiKey } from '../../config/credentials.js';
import type { OssConfig } from '../../config/config-types.js';
import { userConfigPath } from '../../config/paths.js';

export async function keysSet(provider: string, key: string | undefined, io: CliIO): Promise<number> {
  const config = (await loadConfig({ cwd: io.cwd, env: io.env })).merged;
  checkProvider(provider, config, io.env);
  const raw = key ?? (io.stdinIsTTY ? await hiddenPrompt(`${provider} API key: `, io) : await readAll(io.stdin));
  const value = raw.trim();
  if (!value) throw new UsageError(`no key given for ${provider}: pass it on stdin or type it at the prompt.`);
  if (/\s/.test(value)) throw new UsageError(`the ${provider} key contains whitespace; paste only the key itself.`);
  await setApiKey(provider, value, io.env);
  io.stdout(`Stored the ${provider} key (${maskKey(value)}) in ${credentialsPath(io.env)}.\n`);
  const overriding = envKey(provider, config, io.env);
  if (overriding) io.stdout(`Note: ${overriding.name} is set and overrides the stored key.\n`);
  return 0;
}

export async function keysList(opts: Record<string, unknown>, io: CliIO): Promise<number> {
  const config = (await loadConfig({ cwd: io.cwd, env: io.env })).merged;
  const stored = await listStoredKeys(io.env);
  const names = [...new Set([...Object.keys(BUILTIN_PROVIDERS), ...Object.keys(config.providers ?? {}), ...Object.keys(stored)])];
  const rows = names.map((provider) => {
    const storedKey = stored[provider];
    const set = envKey(provider, config, io.env);
    return {
      provider,
      stored: storedKey !== undefined,
      masked: storedKey !== undefined ? maskKey(storedKey) : null,
      envVars: keyEnvNames(provider, config, io.env),
      envSet: set?.name ?? null,
      active: set ? ('env' as const) : storedKey !== undefined ? ('stored' as const) : null,
    };
  });
  if (opts.json) {
    io.stdout(`${JSON.stringify({ file: credentialsPath(io.env), providers: rows }, null, 2)}\n`);
    return 0;
  }
  const table = [
    ['Provider', 'Stored key', 'Environment'],
    ...rows.map((row) => [
      row.provider,
      row.masked ?? '-',
      row.envVars.length === 0
        ? 'no key needed'
        : row.envSet
          ? `${row.envSet} is set${row.stored ? ' and overrides the stored key' : ''}`
          : `${row.envVars.join(' or ')} not set`,
    ]),
  ];
  const widths = [0, 1].map((column) => Math.max(...table.map((line) => line[column]!.length)));
  const lines = table.map((line) => `${line[0]!.padEnd(widths[0]!)}  ${line[1]!.padEnd(widths[1]!)}  ${line[2]}`.trimEnd());
  io.stdout(`${lines.join('\n')}\n\nStored in ${credentialsPath(io.env)}. Set one with \`oss models keys set <provider>\`.\n`);
  return 0;
}

export async function keysRemove(provider: string, io: CliIO): Promise<number> {
  if (await removeApiKey(provider, io.env)) {
    io.stdout(`Removed the stored ${provider} key from ${credentialsPath(io.env)}.\n`);
    return 0;
  }
  io.stderr(`oss: no stored key for ${provider} in ${credentialsPath(io.env)} (see \`oss models keys list\`).\n`);
  return 1;
}

function checkProvider(provider: string, config: OssConfig, env: NodeJS.ProcessEnv): void {
  if (!resolveProvider(provider, config, env)) {
    throw new UsageError(
      `unknown provider '${provider}'. Built in: ${Object.keys(BUILTIN_PROVIDERS).join(', ')}; declare others under "providers" in ${userConfigPath(env)}.`,
    );
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text;
}

/** Ask on stderr and read one line from the terminal without echoing it. */
async function hiddenPrompt(question: string, io: CliIO): Promise<string> {
  io.stderr(question);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: io.stdin, output: muted, terminal: true });
  const tty = io.stdin as Partial<ReadStream>;
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
      rl.once('SIGINT', () => reject(new UsageError('cancelled; no key stored.')));
    });
  } finally {
    rl.close();
    if (tty.isTTY) tty.setRawMode?.(false);
    io.stderr('\n');
  }
}
