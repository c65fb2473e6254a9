// `oss models test <model>`: one real request through the proxy's adapter, in process, against scripted
// upstreams on loopback.
import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';
import { closedPortUrl } from '../support/closed-port.js';
import { geminiError, geminiTextMessage, startGeminiUpstream, type ScriptedUpstream } from '../support/scripted-gemini-upstream.js';
import { startOllamaUpstream } from '../support/scripted-ollama-upstream.js';

const HOME = process.env.HOME!;
mkdirSync(HOME, { recursive: true });

let upstream: ScriptedUpstream | undefined;

afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

/** Output with the measured latency replaced by a placeholder, so the rest can be compared exactly. */
const withoutLatency = (text: string) => text.replace(/ \d+ms:/, ' <n>ms:');

function io(env: NodeJS.ProcessEnv) {
  return capturedIO({ HOME, OSS_HOME: process.env.OSS_HOME, ...env }, HOME);
}

describe('oss models test', () => {
  it('prints ✓ with the latency and the reply, exit 0', async () => {
    upstream = await startGeminiUpstream(() => geminiTextMessage('pong'));
    const cio = io({ GEMINI_BASE_URL: upstream.url, GEMINI_API_KEY: 'k' });
    expect(await main(['models', 'test', 'gemini/gemini-2.0-flash'], cio)).toBe(0);
    expect(cio.stdoutText()).toMatch(/^✓ gemini\/gemini-2\.0-flash \d+ms: pong\n$/);
    expect(withoutLatency(cio.stdoutText())).toBe('✓ gemini/gemini-2.0-flash <n>ms: pong\n');
    expect(cio.stderrText()).toBe('');
    expect(upstream.requests[0]?.headers['x-goog-api-key']).toBe('k');
  });

  it('gives the stable JSON shape with --json', async () => {
    upstream = await startOllamaUpstream(['llama3.2'], 'pong');
    const cio = io({ OLLAMA_HOST: upstream.url });
    expect(await main(['models', 'test', 'ollama/llama3.2', '--json'], cio)).toBe(0);
    const result = JSON.parse(cio.stdoutText()) as Record<string, unknown>;
    expect(Number.isInteger(result.latency_ms) && (result.latency_ms as number) >= 0).toBe(true);
    expect({ ...result, latency_ms: '<n>' }).toEqual({ model: 'ollama/llama3.2', ok: true, latency_ms: '<n>', reply: 'pong' });
  });

  it('fails with exit 1 and names the key to set when it is missing', async () => {
    const cio = io({});
    expect(await main(['models', 'test', 'openrouter/deepseek/deepseek-chat'], cio)).toBe(1);
    expect(cio.stdoutText()).toBe('✗ openrouter/deepseek/deepseek-chat: no API key for openrouter: set OPENROUTER_API_KEY or run `oss models keys set openrouter`\n');
  });

  it('fails with exit 1 on a rejected key (401), naming the key variable and the keys command', async () => {
    upstream = await startGeminiUpstream(() => geminiError(401, 'UNAUTHENTICATED', 'API key not valid'));
    const cio = io({ GEMINI_BASE_URL: upstream.url, GEMINI_API_KEY: 'bad' });
    expect(await main(['models', 'test', 'gemini/gemini-2.0-flash', '--json'], cio)).toBe(1);
    const result = JSON.parse(cio.stdoutText()) as Record<string, unknown>;
    expect({ ...result, latency_ms: '<n>' }).toEqual({
      model: 'gemini/gemini-2.0-flash',
      ok: false,
      latency_ms: '<n>',
      error: { type: 'authentication_error', status: 401, message: 'gemini/gemini-2.0-flash (gemini): the API key was rejected (API key not valid); set a working key with `oss models keys set gemini`' },
    });
  });

  it('should report failure for invalid model (seed 5.1): invalid/model names no known provider', async () => {
    const cio = io({});
    expect(await main(['models', 'test', 'invalid/model'], cio)).toBe(1);
    expect(cio.stdoutText()).toBe(
      '✗ invalid/model: unknown model id: expected a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude\n',
    );
  });

  it('fails with exit 1 on an id that is not a model id', async () => {
    const cio = io({});
    expect(await main(['models', 'test', 'invalid'], cio)).toBe(1);
    expect(cio.stdoutText()).toBe(
      '✗ invalid: unknown model id: expected a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude\n',
    );
  });

  it('fails with exit 1 and says how to start Ollama when it is not running', async () => {
    const url = await closedPortUrl();
    const cio = io({ OLLAMA_HOST: url });
    expect(await main(['models', 'test', 'ollama/llama3.2'], cio)).toBe(1);
    expect(cio.stdoutText()).toBe(`✗ ollama/llama3.2: Ollama not running at ${url}: start it with \`ollama serve\`\n`);
  });

  it('fails with exit 1 when the model does not answer within --timeout', async () => {
    upstream = await startGeminiUpstream(() => ({ kind: 'never-answer' }));
    const cio = io({ GEMINI_BASE_URL: upstream.url, GEMINI_API_KEY: 'k' });
    expect(await main(['models', 'test', 'gemini/gemini-2.0-flash', '--timeout', '200'], cio)).toBe(1);
    expect(cio.stdoutText()).toBe('✗ gemini/gemini-2.0-flash: no answer within 200ms\n');
  });
});
