// `oss serve` as a user runs it: the real bin in a child process. The first stdout line is the base URL,
// requests through it reach the route, and SIGTERM / SIGINT stop it with exit 0 and a free port.
// Needs `npm run build` first (dist/).
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { start, type ScriptedServer } from '../support/scripted-anthropic-server.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { sdkMessage } from '../support/expected-messages.js';
import { HELLO } from '../support/proxy-harness.js';
import { openAITextStream, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';

const BIN = fileURLToPath(new URL('../../bin/oss.js', import.meta.url));
const HOME = process.env.HOME!;
mkdirSync(HOME, { recursive: true });

let claude: ScriptedServer | undefined;
let child: ResultPromise | undefined;
let provider: ScriptedUpstream | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await child?.catch(() => undefined);
  await claude?.close();
  await provider?.close();
  child = undefined;
  claude = undefined;
  provider = undefined;
});

async function startServe(args: string[], env: Record<string, string> = {}): Promise<{ baseUrl: string; output: () => string }> {
  claude = await start({ text: 'Served.' });
  child = execa('node', [BIN, 'serve', ...args], {
    env: { ...process.env, ANTHROPIC_BASE_URL: claude.url, ...env },
    extendEnv: false,
    cwd: HOME,
    reject: false,
  });
  let stdout = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => (stdout += chunk));
  while (!stdout.includes('\n')) await once(child.stdout!, 'data');
  const first = stdout.split('\n', 1)[0]!;
  expect(first).toMatch(/^ANTHROPIC_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/\S+$/);
  return { baseUrl: first.slice('ANTHROPIC_BASE_URL='.length), output: () => stdout };
}

function post(baseUrl: string): Promise<Response> {
  return fetch(`${baseUrl}/v1/messages?beta=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'sk-ant-user' },
    body: JSON.stringify(HELLO),
  });
}

/** The `serve` prompt's counters in the one ledger day. */
function servedCounters(ossHome: string): Record<string, number> {
  const ledger = JSON.parse(readFileSync(join(ossHome, 'usage.json'), 'utf8')) as Record<string, Record<string, Record<string, number>>>;
  const days = Object.values(ledger);
  expect(days).toHaveLength(1);
  const served = days[0]!.serve!;
  return { requests: served.requests!, input_tokens: served.input_tokens!, output_tokens: served.output_tokens! };
}

/** What serve prints for a base URL: the URL line, then how to use it. */
function banner(baseUrl: string): string[] {
  return [
    `ANTHROPIC_BASE_URL=${baseUrl}`,
    'oss serve: main model claude; fallback to Claude on.',
    `Use it:   ANTHROPIC_BASE_URL=${baseUrl} claude`,
    "          (or set ANTHROPIC_BASE_URL in your editor's Claude Code settings; Claude Code's own login",
    `          or key reaches only Anthropic. With none, also set ANTHROPIC_AUTH_TOKEN=${baseUrl.split('/').at(-1) ?? ''})`,
    'Stop:     Ctrl-C',
  ];
}

describe('oss serve', () => {
  it('prints ANTHROPIC_BASE_URL first, serves requests through it, and stops cleanly on SIGTERM', async () => {
    const { baseUrl, output } = await startServe(['--model', 'claude']);
    const response = await fetch(`${baseUrl}/v1/messages?beta=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'sk-ant-user' },
      body: JSON.stringify(HELLO),
    });
    expect(await accumulateWithSdk(await response.text())).toEqual(sdkMessage('Served.'));
    expect(output()).toContain(`ANTHROPIC_BASE_URL=${baseUrl} claude`);
    child!.kill('SIGTERM');
    const result = await child!;
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(banner(baseUrl).join('\n'));
    expect(result.stderr).toBe('oss serve: stopped');
    await expect(fetch(`${baseUrl}/`)).rejects.toThrow();
  });

  it('uses a fixed secret from OSS_SECRET and --port, and stops on SIGINT', async () => {
    const { default: getPort } = await import('get-port');
    const port = await getPort();
    const { baseUrl } = await startServe(['--model', 'claude', '--port', String(port)], { OSS_SECRET: 'editor-secret-1' });
    expect(baseUrl).toBe(`http://127.0.0.1:${port}/editor-secret-1`);
    expect((await fetch(`${baseUrl}/`)).status).toBe(200);
    child!.kill('SIGINT');
    const result = await child!;
    expect(result.exitCode).toBe(0);
    expect([result.stdout, result.stderr]).toEqual([banner(baseUrl).join('\n'), 'oss serve: stopped']);
  });

  it('rejects an OSS_SECRET that cannot be a URL path segment with exit 2 and the allowed characters', async () => {
    const result = await execa('node', [BIN, 'serve'], { reject: false, cwd: HOME, env: { OSS_SECRET: 'a b/c' } });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('oss: OSS_SECRET: expected 8 to 128 characters from A-Z a-z 0-9 . _ ~ - (it becomes part of the URL path)');
  });

  it('refuses --secret on the command line (ps shows it to every user) and names the two safe ways', async () => {
    const result = await execa('node', [BIN, 'serve', '--secret', 'editor-secret-1'], { reject: false, cwd: HOME });
    expect([result.exitCode, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toBe('oss: --secret shows the secret to every user of this machine (ps): set OSS_SECRET, or pass --secret-file <path> (a file only you can read)');
  });

  it('reads the secret from --secret-file, and warns when other users can read that file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oss-serve-secret-'));
    const file = join(dir, 'secret');
    writeFileSync(file, 'file-secret-123\n', { mode: 0o644 });
    chmodSync(file, 0o644);
    const { baseUrl } = await startServe(['--model', 'claude', '--secret-file', file]);
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/file-secret-123$/);
    child!.kill('SIGTERM');
    const result = await child!;
    expect(result.stderr).toBe(`oss serve: ${file} can be read by other users (mode 644); run \`chmod 600 ${file}\`\noss serve: stopped`);
  });

  for (const signal of ['SIGHUP', 'SIGQUIT'] as const) {
    it(`merges the served requests into the ledger on ${signal} and exits 0`, async () => {
      const ossHome = mkdtempSync(join(tmpdir(), 'oss-serve-home-'));
      const { baseUrl } = await startServe(['--model', 'claude'], { OSS_HOME: ossHome });
      for (let i = 0; i < 2; i += 1) await (await post(baseUrl)).text();
      child!.kill(signal);
      const result = await child!;
      expect([result.exitCode, result.stderr]).toEqual([0, 'oss serve: stopped']);
      expect(servedCounters(ossHome)).toEqual({ requests: 2, input_tokens: 52, output_tokens: 14 });
    });
  }

  it('merges usage every --flush-every seconds while running, so a kill -9 loses at most that much', async () => {
    const ossHome = mkdtempSync(join(tmpdir(), 'oss-serve-home-'));
    const { baseUrl } = await startServe(['--model', 'claude', '--flush-every', '1'], { OSS_HOME: ossHome });
    await (await post(baseUrl)).text();
    for (let i = 0; i < 100 && !existsSync(join(ossHome, 'usage.json')); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    child!.kill('SIGKILL');
    await child!;
    expect(servedCounters(ossHome)).toEqual({ requests: 1, input_tokens: 26, output_tokens: 7 });
  });

  // The bundle answers its first requests with code it only loads then, or never: the request-shape check is
  // generated ahead of time, Fastify gets no schema compilers, and undici is its Agent and request API only.
  it('answers its first requests on a translated route: a malformed one with 400, a good one from the provider', async () => {
    provider = await startOpenAIUpstream(() => openAITextStream(['Hi ', 'there']));
    const { baseUrl } = await startServe(['--model', 'openrouter/deepseek/deepseek-chat'], { OPENROUTER_BASE_URL: provider.url, OPENROUTER_API_KEY: 'sk-or-serve' });
    const malformed = await fetch(`${baseUrl}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...HELLO, messages: [null] }) });
    expect([malformed.status, await malformed.json()]).toEqual([
      400,
      { type: 'error', error: { type: 'invalid_request_error', message: 'messages.0: must be an object' } },
    ]);
    const response = await fetch(`${baseUrl}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(HELLO) });
    expect(await accumulateWithSdk(await response.text())).toEqual({
      id: expect.stringMatching(/^msg_/) as unknown,
      type: 'message',
      role: 'assistant',
      model: 'openrouter/deepseek/deepseek-chat',
      content: [{ type: 'text', text: 'Hi there' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
      parsed_output: null,
    });
    expect(provider.requests.map((request) => [request.method, request.url])).toEqual([['POST', '/chat/completions']]);
  });
});
