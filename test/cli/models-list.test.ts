// `oss models list`: provider headings, prices per 1M, context windows, capability marks, installed Ollama models.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { writeModelCache } from '../../src/registry/model-cache.js';
import { capturedIO } from '../support/captured-io.js';
import { closedPortUrl } from '../support/closed-port.js';
import { startOllamaUpstream, type ScriptedUpstream } from '../support/scripted-ollama-upstream.js';
import { startOpenAIUpstream } from '../support/scripted-openai-upstream.js';

let env: NodeJS.ProcessEnv;
let ollama: ScriptedUpstream | undefined;

beforeEach(async () => {
  const home = await mkdtemp(join(tmpdir(), 'oss-list-'));
  env = { HOME: home, OSS_HOME: join(home, '.oss'), OLLAMA_HOST: await closedPortUrl() };
});
afterEach(async () => {
  await ollama?.close();
  ollama = undefined;
});

async function run(...args: string[]) {
  const io = capturedIO(env, env.HOME!);
  const code = await main(['models', 'list', ...args], io);
  return { code, out: io.stdoutText(), err: io.stderrText() };
}

const line = (out: string, id: string) => out.split('\n').find((text) => text.trim().startsWith(`${id} `));

describe('oss models list', () => {
  it('should list available models grouped by provider (seed plan)', async () => {
    const { code, out, err } = await run();
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.split('\n').slice(0, 2)).toEqual(['Prices: USD per 1M tokens, input / output. Marks: T tools, V vision, R reasoning.', '']);
    for (const heading of ['OpenRouter', 'Ollama', 'OpenAI', 'Gemini', 'Anthropic']) expect(out).toMatch(new RegExp(`^${heading} \\(\\d+\\)`, 'm'));
    const headings = out.split('\n').filter((text) => /^\S.* \(\d+\)/.test(text)).map((text) => text.split(' ')[0]);
    expect(headings.slice(0, 5)).toEqual(['OpenRouter', 'Ollama', 'OpenAI', 'Gemini', 'Anthropic']);
  });

  it('shows prices per 1M tokens, the context window, capability marks and retirement dates in aligned columns', async () => {
    const { out } = await run();
    expect(line(out, 'openai/gpt-4o')).toBe('  openai/gpt-4o                                 $2.50 / $10.00    128k ctx  TV-');
    expect(line(out, 'openrouter/qwen/qwen3-coder:free')).toBe('  openrouter/qwen/qwen3-coder:free                     free              262k ctx  T--');
    expect(line(out, 'openrouter/openrouter/auto')).toBe('  openrouter/openrouter/auto                           varies              2M ctx  TVR');
    expect(line(out, 'gemini/gemini-2.0-flash')).toBe('  gemini/gemini-2.0-flash                               $0.10 / $0.40       1M ctx  TV-  retired on 2026-06-01');
  });

  it('marks the Ollama models the running server has installed, including ones the catalogue lacks', async () => {
    ollama = await startOllamaUpstream(['llama3.2:latest', 'my-tune:7b']);
    env.OLLAMA_HOST = ollama.url;
    const { out } = await run('--provider', 'ollama');
    expect(out.split('\n').slice(0, 3)).toEqual([
      'Prices: USD per 1M tokens, input / output. Marks: T tools, V vision, R reasoning.',
      '',
      `Ollama (31)  ready; local models are free; installed per ${ollama.url}/api/tags`,
    ]);
    expect(line(out, 'ollama/llama3.2')).toBe('  ollama/llama3.2                         free              131k ctx  T--  installed');
    expect(line(out, 'ollama/my-tune:7b')).toBe('  ollama/my-tune:7b                       free                 ? ctx  ---  installed');
    expect(line(out, 'ollama/codellama')).toBe('  ollama/codellama                        free               16k ctx  ---');
    expect(out).not.toContain('OpenRouter');
  });

  it('says when Ollama is not reachable and marks nothing installed', async () => {
    const { out } = await run('--provider', 'ollama');
    expect(out.split('\n')[2]).toBe(`Ollama (30)  not ready; local models are free; Ollama not reachable at ${env.OLLAMA_HOST}/api/tags (start it with \`ollama serve\`)`);
    expect(line(out, 'ollama/llama3.2')).toBe('  ollama/llama3.2                         free              131k ctx  T--');
    expect(out).not.toContain('installed\n');
  });

  it('falls back to the refresh cache for installed marks when Ollama is not reachable', async () => {
    await writeModelCache({ ollama: { fetchedAt: new Date().toISOString(), url: 'x', installed: ['codellama'], models: [] } }, env);
    const { out } = await run('--provider', 'ollama', '--json');
    const parsed = JSON.parse(out);
    expect(parsed.ollama).toEqual({ installedFrom: 'cache', url: `${env.OLLAMA_HOST}/api/tags`, installed: ['codellama'] });
    const models = parsed.providers[0].models as Array<{ id: string; installed: boolean | null }>;
    expect(models.find((m) => m.id === 'ollama/codellama')?.installed).toBe(true);
    expect(models.find((m) => m.id === 'ollama/llama3.2')?.installed).toBe(false);
  });

  it('prints the stable JSON shape with --json', async () => {
    const { code, out } = await run('--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed.providers.map((group: { provider: string }) => group.provider).slice(0, 5)).toEqual(['openrouter', 'ollama', 'openai', 'gemini', 'anthropic']);
    expect(parsed.ollama).toEqual({ installedFrom: 'none', url: `${env.OLLAMA_HOST}/api/tags`, installed: null });
    const openai = parsed.providers.find((group: { provider: string }) => group.provider === 'openai');
    expect(openai.label).toBe('OpenAI');
    expect([openai.usable, openai.readiness]).toEqual([false, 'not ready: set OPENAI_API_KEY or run `oss models keys set openai`']);
    expect(openai.models.find((m: { id: string }) => m.id === 'openai/gpt-4o')).toEqual({
      id: 'openai/gpt-4o', provider: 'openai', upstreamModel: 'gpt-4o',
      inputPer1M: 2.5, outputPer1M: 10, cacheReadPer1M: 1.25, cacheWritePer1M: null,
      contextWindow: 128000, maxOutputTokens: 16384, tools: true, vision: true, reasoning: false, reasoningModel: false,
      free: false, dynamicPricing: false, deprecationDate: null, installed: null, usable: false,
    });
    expect(parsed.providers.find((group: { provider: string }) => group.provider === 'openrouter').models.length).toBeGreaterThan(10);
  });

  it('fails with exit 1 and names the built-in providers for a provider it knows no models of', async () => {
    const { code, out, err } = await run('--provider', 'nope');
    expect(code).toBe(1);
    expect(err).toBe("oss: no models known for provider 'nope'. Built in: openrouter, ollama, openai, gemini, anthropic, deepseek, groq, mistral, xai, together, fireworks, cerebras, moonshot, zai, lmstudio, vllm.\n");
    expect(out).toBe('');
  });

  it('marks each provider usable now or says what is missing: a key set in the environment, a stored key, a local server that answers; presets without catalogue models are listed too', async () => {
    const lmstudio = await startOpenAIUpstream(() => ({ kind: 'json', body: { object: 'list', data: [] } }));
    try {
      env.OPENAI_API_KEY = 'sk-test';
      env.LMSTUDIO_BASE_URL = `${lmstudio.url}/v1`;
      env.VLLM_BASE_URL = `${await closedPortUrl()}/v1`;
      expect(await main(['models', 'keys', 'set', 'groq', 'gsk-stored'], capturedIO(env, env.HOME!))).toBe(0);
      const { code, out } = await run();
      expect(code).toBe(0);
      const headings = out.split('\n').filter((text) => /^\S.* \(\d+\) {2}/.test(text));
      expect(headings.map((text) => text.replace(/\(\d+\)/, '(n)'))).toEqual([
        'OpenRouter (n)  not ready: set OPENROUTER_API_KEY or run `oss models keys set openrouter`',
        `Ollama (n)  not ready; local models are free; Ollama not reachable at ${env.OLLAMA_HOST}/api/tags (start it with \`ollama serve\`)`,
        'OpenAI (n)  ready: OPENAI_API_KEY is set',
        'Gemini (n)  not ready: set GEMINI_API_KEY or GOOGLE_API_KEY or run `oss models keys set gemini`',
        'Anthropic (n)  not ready: set ANTHROPIC_API_KEY or run `oss models keys set anthropic`',
        'DeepSeek (n)  not ready: set DEEPSEEK_API_KEY or run `oss models keys set deepseek`',
        'Groq (n)  ready: key stored with `oss models keys set`',
        'Mistral (n)  not ready: set MISTRAL_API_KEY or run `oss models keys set mistral`',
        'xAI (n)  not ready: set XAI_API_KEY or run `oss models keys set xai`',
        'Together AI (n)  not ready: set TOGETHER_API_KEY or run `oss models keys set together`',
        'Fireworks AI (n)  not ready: set FIREWORKS_API_KEY or run `oss models keys set fireworks`',
        'Cerebras (n)  not ready: set CEREBRAS_API_KEY or run `oss models keys set cerebras`',
        'Moonshot AI (n)  not ready: set MOONSHOT_API_KEY or run `oss models keys set moonshot`',
        'Z.ai (n)  not ready: set ZAI_API_KEY or run `oss models keys set zai`',
        `LM Studio (n)  ready: running at ${lmstudio.url}/v1`,
        `vLLM (n)  not ready: nothing answers at ${env.VLLM_BASE_URL} (start vLLM's server)`,
      ]);
      const groq = out.split('\n').indexOf('Groq (0)  ready: key stored with `oss models keys set`');
      expect(out.split('\n')[groq + 1]).toBe('  not in the catalogue: any model it serves works as groq/<model>');
      const parsed = JSON.parse((await run('--provider', 'lmstudio', '--json')).out);
      expect(parsed.providers).toEqual([{ provider: 'lmstudio', label: 'LM Studio', usable: true, readiness: `ready: running at ${lmstudio.url}/v1`, models: [] }]);
      expect(lmstudio.requests.map((r) => [r.method, r.path])).toEqual([['GET', '/v1/models'], ['GET', '/v1/models']]);
    } finally {
      await lmstudio.close();
    }
  });

  it('marks an installed Ollama model usable when the server runs, and a catalogue model it lacks not', async () => {
    ollama = await startOllamaUpstream(['llama3.2:latest']);
    env.OLLAMA_HOST = ollama.url;
    const parsed = JSON.parse((await run('--provider', 'ollama', '--json')).out);
    const models = parsed.providers[0].models as Array<{ id: string; usable: boolean }>;
    expect([parsed.providers[0].usable, models.find((m) => m.id === 'ollama/llama3.2')?.usable, models.find((m) => m.id === 'ollama/codellama')?.usable]).toEqual([true, true, false]);
  });
});
