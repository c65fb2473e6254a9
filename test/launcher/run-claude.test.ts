// Teardown of `oss run` on every path, through the real launcher and proxy with a stand-in claude that makes
// one request through the proxy and then exits with a code, waits for a signal, or cannot be started at all.
// Each path must free the proxy's port, merge the run's usage into the ledger exactly once (one request in
// usage.json, not two) and print one summary line (none with --quiet).
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OssConfig } from '../../src/config/config-types.js';
import { OssError } from '../../src/errors.js';
import { CLAUDE_INSTALL_COMMAND } from '../../src/launcher/find-claude.js';
import { runClaude, type RunClaudeInput } from '../../src/launcher/run-claude.js';
import { runUsage } from '../../src/launcher/run-usage.js';
import type { RoutePlan } from '../../src/routing/route-plan-types.js';
import type { Ledger } from '../../src/usage/ledger.js';
import { isListening } from '../support/closed-port.js';
import { openAITextMessage, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';

const root = mkdtempSync(join(tmpdir(), 'oss-run-claude-'));
let upstream: ScriptedUpstream;

beforeAll(async () => {
  upstream = await startOpenAIUpstream(() => openAITextMessage('hi', { prompt: 40, completion: 2 }));
});
afterAll(async () => {
  await upstream.close();
});

/**
 * A stand-in claude: notes the proxy URL it was given, sends one request through it, then exits with
 * FAKE_EXIT, or (FAKE_EXIT=wait) says it is ready and exits 0 on the first signal, as `claude -p` does.
 */
function writeStandIn(dir: string): string {
  const path = join(dir, 'claude.mjs');
  writeFileSync(
    path,
    `#!${process.execPath}
import { writeFileSync } from 'node:fs';
writeFileSync(process.env.FAKE_URL_FILE, process.env.ANTHROPIC_BASE_URL);
const response = await fetch(process.env.ANTHROPIC_BASE_URL + '/v1/messages', {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: 'Bearer ' + process.env.ANTHROPIC_AUTH_TOKEN, 'anthropic-version': '2023-06-01' },
  body: JSON.stringify({ model: process.env.ANTHROPIC_MODEL, max_tokens: 16, messages: [{ role: 'user', content: 'hello' }] }),
});
await response.text();
if (process.env.FAKE_EXIT === 'wait') {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(0));
  writeFileSync(process.env.FAKE_READY_FILE, 'ready');
  setInterval(() => {}, 1000);
} else {
  process.exit(Number(process.env.FAKE_EXIT));
}
`,
  );
  chmodSync(path, 0o755);
  return path;
}

interface Run {
  dir: string;
  input: RunClaudeInput;
  stderr: string[];
  urlFile: string;
  readyFile: string;
  ledger(): Ledger;
  summaryLines(): string[];
}

function setUp(fakeExit: string, overrides: Partial<RunClaudeInput> = {}): Run {
  const dir = mkdtempSync(join(root, 'run-'));
  const ossHome = join(dir, '.oss');
  const urlFile = join(dir, 'url.txt');
  const readyFile = join(dir, 'ready');
  const config: OssConfig = { providers: { scripted: { type: 'openai', baseUrl: `${upstream.url}/v1`, apiKeyEnv: 'SCRIPTED_API_KEY' } } };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    OSS_HOME: ossHome,
    SCRIPTED_API_KEY: 'sk-scripted',
    FAKE_EXIT: fakeExit,
    FAKE_URL_FILE: urlFile,
    FAKE_READY_FILE: readyFile,
  };
  const plan: RoutePlan = {
    prompt: { type: 'adhoc', name: 'adhoc' },
    main: { model: 'scripted/model-1', source: 'cli' },
    background: { model: 'scripted/model-1', source: 'cli' },
    agents: [],
    fallback: false,
  };
  const stderr: string[] = [];
  const input: RunClaudeInput = {
    plan,
    config,
    env,
    cwd: dir,
    promptText: 'hello',
    print: true,
    quiet: false,
    claudeBin: writeStandIn(dir),
    claudeArgs: [],
    stderr: (text) => stderr.push(text),
    stdin: 'ignore',
    ...runUsage(env, (line) => stderr.push(`${line}\n`)),
    ...overrides,
  };
  return {
    dir,
    input,
    stderr,
    urlFile,
    readyFile,
    ledger: () => (existsSync(join(ossHome, 'usage.json')) ? (JSON.parse(readFileSync(join(ossHome, 'usage.json'), 'utf8')) as Ledger) : {}),
    summaryLines: () => stderr.join('').split('\n').filter((line) => line.startsWith('oss: adhoc · ')),
  };
}

function portOf(run: Run): number {
  return Number(new URL(readFileSync(run.urlFile, 'utf8')).port);
}

/** The run's one ledger entry: one day, prompt `adhoc`. */
function adhocRequests(run: Run): number | undefined {
  const days = Object.values(run.ledger());
  expect(days).toHaveLength(1);
  return days[0]?.adhoc?.requests;
}

/**
 * Listening sockets in this process (the proxy's is one while it runs). A closed server's socket is released
 * at once but stays listed until the event loop's close phase, so count on the next turn of the loop.
 */
async function openServers(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  return process.getActiveResourcesInfo().filter((name) => name === 'TCPServerWrap').length;
}

async function waitFor(file: string): Promise<void> {
  while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('runClaude teardown', () => {
  it('claude exits 0: the port is freed, the one request is recorded once, one summary line', async () => {
    const run = setUp('0');
    expect(await runClaude(run.input)).toBe(0);
    expect(await isListening(portOf(run))).toBe(false);
    expect(adhocRequests(run)).toBe(1);
    expect(run.summaryLines()).toEqual(['oss: adhoc · scripted/model-1 · 1 request · 40 in / 2 out · $0.0000 (some requests unpriced)']);
  }, 30_000);

  it('claude crashes (exit 3): oss exits 3, the port is freed, the request is recorded once, one summary line', async () => {
    const run = setUp('3');
    expect(await runClaude(run.input)).toBe(3);
    expect(await isListening(portOf(run))).toBe(false);
    expect(adhocRequests(run)).toBe(1);
    expect(run.summaryLines()).toHaveLength(1);
  }, 30_000);

  it('--quiet prints no summary line but still records the request', async () => {
    const run = setUp('0', { quiet: true });
    expect(await runClaude(run.input)).toBe(0);
    expect(adhocRequests(run)).toBe(1);
    expect(run.stderr).toEqual([]);
  }, 30_000);

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s is forwarded to claude; oss exits %i, frees the port and records the request once', async (signal, code) => {
    const run = setUp('wait');
    const listenersBefore = process.listenerCount(signal);
    const running = runClaude(run.input);
    await waitFor(run.readyFile);
    process.emit(signal, signal);
    expect(await running).toBe(code);
    expect(await isListening(portOf(run))).toBe(false);
    expect(adhocRequests(run)).toBe(1);
    expect(run.summaryLines()).toHaveLength(1);
    expect(process.listenerCount(signal)).toBe(listenersBefore);
  }, 30_000);

  it('a signal while the proxy starts ends the run with 128+signal before claude is started, with one summary line', async () => {
    const run = setUp('0');
    const serversBefore = await openServers();
    const running = runClaude(run.input);
    process.emit('SIGINT', 'SIGINT');
    expect(await running).toBe(130);
    expect(await openServers()).toBe(serversBefore);
    expect(existsSync(run.urlFile)).toBe(false);
    expect(run.ledger()).toEqual({});
    expect(run.summaryLines()).toEqual(['oss: adhoc · no model called · 0 requests · 0 in / 0 out · $0.0000']);
  }, 30_000);

  it('claude cannot be started after the proxy is up: exit 127 naming the install command, the proxy closed, one summary line', async () => {
    const run = setUp('0');
    // Executable, so findClaude accepts it, but its interpreter does not exist: the spawn fails with ENOENT.
    const broken = join(run.dir, 'claude-broken');
    writeFileSync(broken, '#!/nonexistent/interpreter\n');
    chmodSync(broken, 0o755);
    const serversBefore = await openServers();

    const error = await runClaude({ ...run.input, claudeBin: broken }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(OssError);
    expect((error as OssError).exitCode).toBe(127);
    expect((error as OssError).message).toContain(CLAUDE_INSTALL_COMMAND);
    expect((error as OssError).message.split('\n')).toHaveLength(1);
    expect(await openServers()).toBe(serversBefore);
    expect(run.summaryLines()).toHaveLength(1);
  }, 30_000);
});
