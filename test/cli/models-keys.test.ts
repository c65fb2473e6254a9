// `oss models keys set|list|rm` and the credentials store: 0600 file in a 0700 folder, environment wins,
// keys never echoed, unknown keys in the file kept.
import { chmod, mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { credentialsPath, getApiKey, maskKey } from '../../src/config/credentials.js';
import { capturedIO } from '../support/captured-io.js';

const KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef1234';
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  const home = await mkdtemp(join(tmpdir(), 'oss-keys-'));
  env = { HOME: home, OSS_HOME: join(home, '.oss') };
});

async function run(args: string[], stdin?: string) {
  const io = capturedIO(env, env.HOME!);
  if (stdin !== undefined) {
    const input = new PassThrough();
    input.end(stdin);
    io.stdin = input;
  }
  const code = await main(['models', 'keys', ...args], io);
  return { code, out: io.stdoutText(), err: io.stderrText() };
}

describe('oss models keys set', () => {
  it('stores a key given as an argument in a 0600 file inside a 0700 folder, and shows it masked', async () => {
    const { code, out } = await run(['set', 'openrouter', KEY]);
    expect(code).toBe(0);
    expect(out).toBe(`Stored the openrouter key (sk-or-…1234) in ${credentialsPath(env)}.\n`);
    expect((await stat(credentialsPath(env))).mode & 0o777).toBe(0o600);
    expect((await stat(env.OSS_HOME!)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(credentialsPath(env), 'utf8'))).toEqual({ keys: { openrouter: KEY } });
  });

  it('reads the key from stdin when none is given and stdin is not a terminal', async () => {
    const { code, out, err } = await run(['set', 'openai'], 'sk-proj-abcdefghijklmnop9876\n');
    expect(code).toBe(0);
    expect(out).toBe(`Stored the openai key (sk-proj-…9876) in ${credentialsPath(env)}.\n`);
    expect(`${out}${err}`).not.toContain('abcdefghijklmnop');
    expect(await getApiKey('openai', {}, env)).toBe('sk-proj-abcdefghijklmnop9876');
  });

  it('asks with a hidden prompt on a terminal and never echoes what is typed', async () => {
    const io = capturedIO(env, env.HOME!);
    const terminal = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => terminal });
    io.stdin = terminal;
    io.stdinIsTTY = true;
    const done = main(['models', 'keys', 'set', 'anthropic'], io);
    await new Promise((resolve) => setImmediate(resolve));
    terminal.write('sk-ant-api03-typed-secret-WXYZ\r');
    expect(await done).toBe(0);
    expect(io.stderrText()).toBe('anthropic API key: \n');
    expect(io.stdoutText()).toBe(`Stored the anthropic key (sk-ant-…WXYZ) in ${credentialsPath(env)}.\n`);
    expect(await getApiKey('anthropic', {}, env)).toBe('sk-ant-api03-typed-secret-WXYZ');
  });

  it('tightens an existing oss folder to 0700 and keeps keys it does not know', async () => {
    await mkdir(env.OSS_HOME!, { recursive: true, mode: 0o755 });
    await writeFile(credentialsPath(env), JSON.stringify({ otherTool: { token: 'x' }, keys: { gemini: 'AIzaOld0000' } }), { mode: 0o644 });
    await run(['set', 'openrouter', KEY]);
    expect(JSON.parse(await readFile(credentialsPath(env), 'utf8'))).toEqual({ otherTool: { token: 'x' }, keys: { gemini: 'AIzaOld0000', openrouter: KEY } });
    expect((await stat(credentialsPath(env))).mode & 0o777).toBe(0o600);
    expect((await stat(env.OSS_HOME!)).mode & 0o777).toBe(0o700);
  });

  it('notes that a set environment variable overrides the stored key', async () => {
    env.OPENROUTER_API_KEY = 'sk-or-from-env-5678';
    const { out } = await run(['set', 'openrouter', KEY]);
    expect(out).toBe(`Stored the openrouter key (sk-or-…1234) in ${join(env.OSS_HOME!, 'credentials.json')}.\nNote: OPENROUTER_API_KEY is set and overrides the stored key.\n`);
  });

  it('rejects an unknown provider and an empty key (exit 2), storing nothing', async () => {
    const unknown = await run(['set', 'nope', KEY]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe(`oss: unknown provider 'nope'. Built in: openrouter, ollama, openai, gemini, anthropic, deepseek, groq, mistral, xai, together, fireworks, cerebras, moonshot, zai, lmstudio, vllm; declare others under "providers" in ${join(env.OSS_HOME!, 'config.json')}.\n`);
    const empty = await run(['set', 'openai'], '\n');
    expect(empty.code).toBe(2);
    await expect(stat(credentialsPath(env))).rejects.toThrow();
  });
});

describe('getApiKey', () => {
  it('prefers the environment over the stored key', async () => {
    await run(['set', 'gemini', 'AIzaStored00001111']);
    expect(await getApiKey('gemini', {}, env)).toBe('AIzaStored00001111');
    expect(await getApiKey('gemini', {}, { ...env, GOOGLE_API_KEY: 'from-google-var' })).toBe('from-google-var');
    expect(await getApiKey('gemini', {}, { ...env, GEMINI_API_KEY: 'a', GOOGLE_API_KEY: 'b' })).toBe('a');
  });

  it('reads a custom provider\'s apiKeyEnv, else its stored key', async () => {
    const config = { providers: { deepseek: { type: 'openai' as const, baseUrl: 'https://api.deepseek.com/v1', apiKeyEnv: 'DEEPSEEK_API_KEY' } } };
    expect(await getApiKey('deepseek', config, { ...env, DEEPSEEK_API_KEY: 'sk-ds' })).toBe('sk-ds');
    expect(await getApiKey('deepseek', config, env)).toBeUndefined();
  });

  it('masks keys so that they can be told apart but not used', () => {
    expect(maskKey(KEY)).toBe('sk-or-…1234');
    expect(maskKey('sk-ant-api03-abcdefghijkl-WXYZ')).toBe('sk-ant-…WXYZ');
    expect(maskKey('AIzaSyA0123456789abcd')).toBe('…abcd');
    expect(maskKey('short')).toBe('…rt');
  });
});

describe('oss models keys list', () => {
  it('tightens a credentials.json that other users can read (0644) when it is read, saying so in one line', async () => {
    await mkdir(env.OSS_HOME!, { recursive: true, mode: 0o700 });
    const path = credentialsPath(env);
    await writeFile(path, JSON.stringify({ keys: { openrouter: KEY } }), { mode: 0o644 });
    await chmod(path, 0o644);
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      expect(await getApiKey('openrouter', {}, env)).toBe(KEY);
    } finally {
      spy.mockRestore();
    }
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(written).toEqual([`oss: ${path} could be read by other users (mode 644); changed it to 600\n`]);
    const again = await run(['list']);
    expect([again.code, again.err]).toEqual([0, '']);
  });

  it('names credentials.json when a folder stands in its place (exit 2)', async () => {
    await mkdir(credentialsPath(env), { recursive: true });
    const result = await run(['list']);
    expect([result.code, result.out, result.err]).toEqual([2, '', `oss: ${credentialsPath(env)}: cannot be read (EISDIR); check the file and its permissions\n`]);
  });

  it('shows stored keys masked and which environment variable overrides each', async () => {
    await run(['set', 'openrouter', KEY]);
    await run(['set', 'openai', 'sk-proj-abcdefghijklmnop9876']);
    env.OPENAI_API_KEY = 'sk-env-0000';
    env.GEMINI_API_KEY = 'AIza-env';
    const { code, out } = await run(['list']);
    expect(code).toBe(0);
    expect(out).toBe([
      'Provider    Stored key     Environment',
      'openrouter  sk-or-…1234    OPENROUTER_API_KEY not set',
      'ollama      -              no key needed',
      'openai      sk-proj-…9876  OPENAI_API_KEY is set and overrides the stored key',
      'gemini      -              GEMINI_API_KEY is set',
      'anthropic   -              ANTHROPIC_API_KEY not set',
      'deepseek    -              DEEPSEEK_API_KEY not set',
      'groq        -              GROQ_API_KEY not set',
      'mistral     -              MISTRAL_API_KEY not set',
      'xai         -              XAI_API_KEY not set',
      'together    -              TOGETHER_API_KEY not set',
      'fireworks   -              FIREWORKS_API_KEY not set',
      'cerebras    -              CEREBRAS_API_KEY not set',
      'moonshot    -              MOONSHOT_API_KEY not set',
      'zai         -              ZAI_API_KEY not set',
      'lmstudio    -              no key needed',
      'vllm        -              no key needed',
      '',
      `Stored in ${credentialsPath(env)}. Set one with \`oss models keys set <provider>\`.`,
      '',
    ].join('\n'));
    expect(out).not.toContain('0123456789abcdef');
    expect(out).not.toContain('sk-env-0000');
  });

  it('prints the stable JSON shape with --json, never the key itself', async () => {
    await run(['set', 'openrouter', KEY]);
    env.OPENROUTER_API_KEY = 'sk-or-env-9999';
    const { out } = await run(['list', '--json']);
    const parsed = JSON.parse(out);
    expect(parsed.file).toBe(credentialsPath(env));
    expect(parsed.providers[0]).toEqual({
      provider: 'openrouter', stored: true, masked: 'sk-or-…1234', envVars: ['OPENROUTER_API_KEY'], envSet: 'OPENROUTER_API_KEY', active: 'env',
    });
    expect(parsed.providers.find((row: { provider: string }) => row.provider === 'ollama')).toEqual({
      provider: 'ollama', stored: false, masked: null, envVars: [], envSet: null, active: null,
    });
    expect(out).not.toContain(KEY);
    expect(out).not.toContain('sk-or-env-9999');
  });
});

describe('oss models keys rm', () => {
  it('removes a stored key, and says when there is none (exit 1)', async () => {
    await run(['set', 'openrouter', KEY]);
    const removed = await run(['rm', 'openrouter']);
    expect(removed.code).toBe(0);
    expect(removed.out).toBe(`Removed the stored openrouter key from ${credentialsPath(env)}.\n`);
    expect(await getApiKey('openrouter', {}, env)).toBeUndefined();
    const again = await run(['rm', 'openrouter']);
    expect(again.code).toBe(1);
    expect(again.err).toBe(`oss: no stored key for openrouter in ${credentialsPath(env)} (see \`oss models keys list\`).\n`);
  });
});
