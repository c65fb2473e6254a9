// Built-in provider presets: each one works with only its key set (or, for a local server, nothing), sends the
// key only to itself on the provider's real path, and moves to a loopback stand-in with `<PROVIDER>_BASE_URL`.
// The providers with an Anthropic-compatible endpoint (DeepSeek, Moonshot, z.ai, Ollama) reach it, untranslated,
// when config says `"type": "anthropic"`.
import { afterEach, describe, expect, it } from 'vitest';
import { resolveProvider } from '../../src/config/providers.js';
import { validateDeclaredProviders } from '../../src/config/validate-config.js';
import { ConfigError } from '../../src/errors.js';
import { planFor, startProxy, type StartedProxy } from '../support/proxy-harness.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { start as startAnthropic, type ScriptedServer } from '../support/scripted-anthropic-server.js';
import { openAITextStream, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';
import type { RecordingServer } from '../support/scripted-upstream.js';
import { closedPortUrl } from '../support/closed-port.js';

/** name → [default base URL, key variable, base URL variable, model to ask for] (the providers' documented values). */
const PRESETS: Record<string, [string, string | undefined, string, string]> = {
  deepseek: ['https://api.deepseek.com', 'DEEPSEEK_API_KEY', 'DEEPSEEK_BASE_URL', 'deepseek-chat'],
  groq: ['https://api.groq.com/openai/v1', 'GROQ_API_KEY', 'GROQ_BASE_URL', 'llama-3.3-70b-versatile'],
  mistral: ['https://api.mistral.ai/v1', 'MISTRAL_API_KEY', 'MISTRAL_BASE_URL', 'mistral-small-latest'],
  xai: ['https://api.x.ai/v1', 'XAI_API_KEY', 'XAI_BASE_URL', 'grok-3-mini'],
  together: ['https://api.together.xyz/v1', 'TOGETHER_API_KEY', 'TOGETHER_BASE_URL', 'deepseek-ai/DeepSeek-R1'],
  fireworks: ['https://api.fireworks.ai/inference/v1', 'FIREWORKS_API_KEY', 'FIREWORKS_BASE_URL', 'accounts/fireworks/models/llama-v3p1-8b-instruct'],
  cerebras: ['https://api.cerebras.ai/v1', 'CEREBRAS_API_KEY', 'CEREBRAS_BASE_URL', 'llama3.1-8b'],
  moonshot: ['https://api.moonshot.ai/v1', 'MOONSHOT_API_KEY', 'MOONSHOT_BASE_URL', 'kimi-k2-0905-preview'],
  zai: ['https://api.z.ai/api/paas/v4', 'ZAI_API_KEY', 'ZAI_BASE_URL', 'glm-4.6'],
  lmstudio: ['http://localhost:1234/v1', undefined, 'LMSTUDIO_BASE_URL', 'qwen2.5-7b-instruct'],
  vllm: ['http://localhost:8000/v1', undefined, 'VLLM_BASE_URL', 'meta-llama/Llama-3.1-8B-Instruct'],
};

const ASK = { model: 'claude-opus-5-5', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'Hello' }] };

let upstream: RecordingServer | ScriptedServer | undefined;
let running: StartedProxy | undefined;
afterEach(async () => {
  await running?.proxy.shutdown();
  await upstream?.close();
  running = undefined;
  upstream = undefined;
});

describe('built-in provider presets', () => {
  it('each preset resolves to its documented base URL and key variable with nothing configured', () => {
    const resolved = Object.fromEntries(Object.keys(PRESETS).map((name) => {
      const info = resolveProvider(name, {}, {});
      return [name, [info?.type, info?.baseUrl, info?.keyEnv]];
    }));
    expect(resolved).toEqual(Object.fromEntries(Object.entries(PRESETS).map(([name, [baseUrl, key]]) => [name, ['openai', baseUrl, key ? [key] : []]])));
  });

  for (const [name, [defaultUrl, keyVar, baseVar, model]] of Object.entries(PRESETS)) {
    const path = new URL(defaultUrl).pathname.replace(/\/$/, '');
    it(`${name}: ${baseVar} moves it to a loopback stand-in, which gets ${keyVar ? `its ${keyVar} key` : 'no key'} on ${path}/chat/completions and streams the answer back`, async () => {
      const server = await startOpenAIUpstream(() => openAITextStream(['Hi from ', name], { prompt: 7, completion: 3 }));
      upstream = server;
      const env: Record<string, string> = { [baseVar]: `${server.url}${path}`, OPENAI_API_KEY: 'sk-must-not-leak' };
      if (keyVar) env[keyVar] = `key-for-${name}`;
      running = await startProxy({ plan: planFor(`${name}/${model}`, { fallback: false }), env });
      const response = await running.post('/v1/messages', ASK, { 'x-api-key': 'sk-ant-user' });
      const message = await accumulateWithSdk(await response.text());
      expect([message.model, message.content, message.stop_reason, message.usage.input_tokens, message.usage.output_tokens]).toEqual([
        `${name}/${model}`,
        [{ type: 'text', text: `Hi from ${name}` }],
        'end_turn',
        7,
        3,
      ]);
      expect(server.requests.map((r) => [r.method, r.path, r.headers.authorization, (r.body as { model: string }).model])).toEqual([
        ['POST', `${path}/chat/completions`, keyVar ? `Bearer key-for-${name}` : undefined, model],
      ]);
      expect(JSON.stringify(server.requests[0]?.headers)).not.toContain('sk-must-not-leak');
      expect(JSON.stringify(server.requests[0]?.headers)).not.toContain('sk-ant-user');
    });
  }

  it('a local preset that is not running says so and how to start it', async () => {
    const closed = await closedPortUrl();
    running = await startProxy({ plan: planFor('lmstudio/qwen2.5-7b-instruct', { fallback: false }), env: { LMSTUDIO_BASE_URL: `${closed}/v1` } });
    const response = await running.post('/v1/messages', ASK, { 'x-api-key': 'sk-ant-user' });
    expect([response.status, await response.json()]).toEqual([
      502,
      { type: 'error', error: { type: 'api_error', message: `lmstudio not running at ${closed}/v1: start LM Studio's local server (Developer tab, or \`lms server start\`)` } },
    ]);
  });

  it('a preset whose key is missing answers 401 naming the variable and the command that stores a key', async () => {
    running = await startProxy({ plan: planFor('groq/llama-3.3-70b-versatile', { fallback: false }), env: {} });
    const response = await running.post('/v1/messages', ASK, { 'x-api-key': 'sk-ant-user' });
    expect([response.status, await response.json()]).toEqual([
      401,
      { type: 'error', error: { type: 'authentication_error', message: 'no API key for groq: set GROQ_API_KEY or run `oss models keys set groq`' } },
    ]);
  });
});

describe('Anthropic-compatible endpoints', () => {
  it('DeepSeek, Moonshot, z.ai and Ollama switch to their Anthropic-compatible endpoint with "type": "anthropic"; the OpenAI-compatible one stays the default', () => {
    const anthropic = { type: 'anthropic' as const };
    const endpoints = ['deepseek', 'moonshot', 'zai', 'ollama'].map((name) => [name, resolveProvider(name, {}, {})?.type, resolveProvider(name, { providers: { [name]: anthropic } }, {})?.baseUrl]);
    expect(endpoints).toEqual([
      ['deepseek', 'openai', 'https://api.deepseek.com/anthropic'],
      ['moonshot', 'openai', 'https://api.moonshot.ai/anthropic'],
      ['zai', 'openai', 'https://api.z.ai/api/anthropic'],
      ['ollama', 'openai', 'http://localhost:11434'],
    ]);
    expect(resolveProvider('ollama', { providers: { ollama: anthropic } }, { OLLAMA_HOST: '127.0.0.1:11500' })?.baseUrl).toBe('http://127.0.0.1:11500');
  });

  it('a preset without an Anthropic-compatible endpoint cannot be switched to one without a base URL: the config error says which', () => {
    const file = '/home/u/.oss/config.json';
    expect(() => validateDeclaredProviders([{ layer: 'user', file, config: { providers: { groq: { type: 'anthropic' } } } }] as never, { providers: { groq: { type: 'anthropic' } } })).toThrow(
      new ConfigError(`${file}: providers.groq.baseUrl: expected a base URL: groq has no built-in anthropic endpoint, got nothing`),
    );
  });

  it('deepseek as an anthropic-type route: the request goes untranslated to <base>/v1/messages with the DeepSeek key and the upstream model id', async () => {
    const text = 'Hi from the Anthropic-compatible endpoint.';
    const server = await startAnthropic({ handler: (r) => (r.path === '/anthropic/v1/messages' ? { kind: 'message', content: [{ type: 'text', text }] } : undefined) });
    upstream = server;
    running = await startProxy({
      plan: planFor('deepseek/deepseek-chat', { fallback: false }),
      config: { providers: { deepseek: { type: 'anthropic', baseUrl: `${server.url}/anthropic` } } },
      env: { DEEPSEEK_API_KEY: 'sk-deepseek' },
    });
    const response = await running.post('/v1/messages', ASK, { 'x-api-key': 'sk-ant-user' });
    const message = await accumulateWithSdk(await response.text());
    expect([message.content, message.stop_reason]).toEqual([[{ type: 'text', text: 'Hi from the Anthropic-compatible endpoint.' }], 'end_turn']);
    const sent = server.requests[0];
    expect([sent?.path, sent?.headers['x-api-key'], (sent?.body as { model: string; messages: unknown }).model, (sent?.body as { messages: unknown }).messages]).toEqual([
      '/anthropic/v1/messages',
      'sk-deepseek',
      'deepseek-chat',
      ASK.messages,
    ]);
  });

  it('ollama as an anthropic-type route reaches OLLAMA_HOST/v1/messages (not /v1/v1/messages) with no key', async () => {
    const server = await startAnthropic({ text: 'Local hello.' });
    upstream = server;
    running = await startProxy({ plan: planFor('ollama/qwen3:8b', { fallback: false }), config: { providers: { ollama: { type: 'anthropic' } } }, env: { OLLAMA_HOST: server.url } });
    const message = await accumulateWithSdk(await (await running.post('/v1/messages', ASK, { 'x-api-key': 'sk-ant-user' })).text());
    expect(message.content).toEqual([{ type: 'text', text: 'Local hello.' }]);
    expect(server.requests.map((r) => [r.path, r.headers['x-api-key'], (r.body as { model: string }).model])).toEqual([['/v1/messages', undefined, 'qwen3:8b']]);
  });
});
