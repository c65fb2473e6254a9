// A malformed request is refused at the door: 400 invalid_request_error naming the field, x-should-retry
// false, nothing sent to the provider or to Claude, no fallback line blaming the provider. Before this check
// these bodies crashed the translators into a retryable 500 that fell back to Claude.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type ScriptedServer } from '../support/scripted-anthropic-server.js';
import { openAITextStream, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';
import { HELLO, planFor, startProxy, type StartedProxy } from '../support/proxy-harness.js';

let provider: ScriptedUpstream;
let claude: ScriptedServer;
let running: StartedProxy;

beforeAll(async () => {
  provider = await startOpenAIUpstream(() => openAITextStream(['Hi']));
  claude = await start({ text: 'From Claude.' });
  running = await startProxy({
    plan: planFor('openrouter/deepseek/deepseek-chat'),
    env: { OPENROUTER_BASE_URL: provider.url, OPENROUTER_API_KEY: 'sk-or', ANTHROPIC_BASE_URL: claude.url },
  });
});

afterAll(async () => {
  await running.proxy.shutdown();
  await provider.close();
  await claude.close();
});

const USER = { 'x-api-key': 'sk-ant-user' };
const userSays = (content: unknown) => ({ ...HELLO, messages: [{ role: 'user', content }] });

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const MALFORMED: Array<[string, unknown, string]> = [
  ['messages:[null]', { ...HELLO, messages: [null] }, 'messages.0: must be an object'],
  ['content:null', userSays(null), 'messages.0.content: must be string or array'],
  ['tools:{}', { ...HELLO, tools: {} }, 'tools: must be an array'],
  ['system:[null]', { ...HELLO, system: [null] }, 'system.0: must be an object'],
  ['stop_sequences:"x"', { ...HELLO, stop_sequences: 'x' }, 'stop_sequences: must be an array'],
  ['a text block without text', userSays([{ type: 'text' }]), 'messages.0.content.0.text: Field required'],
  ['a tool_use without an id', userSays([{ type: 'tool_use', name: 'Read', input: {} }]), 'messages.0.content.0.id: Field required'],
  ['a tool_result holding a null block', userSays([{ type: 'tool_result', tool_use_id: 't', content: [null] }]), 'messages.0.content.0.content.0: must be an object'],
  ['a message without a role', { ...HELLO, messages: [{ content: 'Hi' }] }, 'messages.0.role: Field required'],
  ['a tool whose schema is a string', { ...HELLO, tools: [{ name: 'x', input_schema: 'object' }] }, 'tools.0.input_schema: must be an object'],
  ['a body that is an array', [HELLO], 'the request body: must be an object'],
];

async function expectRefused(response: Response, message: string): Promise<void> {
  expect({ status: response.status, retry: response.headers.get('x-should-retry'), body: await response.json() }).toEqual({
    status: 400,
    retry: 'false',
    body: { type: 'error', error: { type: 'invalid_request_error', message } },
  });
}

describe('request shape at the door', () => {
  it.each(MALFORMED)('refuses %s with a 400 naming the field, sending nothing anywhere', async (_name, body, message) => {
    const before = { provider: provider.requests.length, claude: claude.requests.length, usage: running.usage.length };
    await expectRefused(await running.post('/v1/messages', body, USER), message);
    expect({ provider: provider.requests.length, claude: claude.requests.length, usage: running.usage.length }).toEqual(before);
    expect(running.fallbacks).toEqual([]);
  });

  it('refuses 100k-deep nesting with a 400 instead of overflowing the stack', async () => {
    const body = `{"model":"m","max_tokens":10,"stream":true,"messages":[{"role":"user","content":[{"type":"tool_use","id":"t","name":"n","input":${nested(100_000)}}]}]}`;
    await expectRefused(await running.post('/v1/messages', body, USER), 'oss proxy: the request body nests objects and arrays more than 256 levels deep');
    expect(running.fallbacks).toEqual([]);
  });

  it('accepts nesting of 200 levels, and brackets inside strings do not count', async () => {
    const input = JSON.parse(nested(200)) as unknown;
    const body = userSays([
      { type: 'text', text: `${'[{'.repeat(400)} \\" ${'"'.repeat(3)}` },
      { type: 'tool_result', tool_use_id: 't', content: JSON.stringify(input) },
    ]);
    const response = await running.post('/v1/messages', body, USER);
    expect(response.status).toBe(200);
    await response.text();
  });

  it('refuses the same shapes on count_tokens', async () => {
    const response = await running.post('/v1/messages/count_tokens', { model: 'x', messages: [{ role: 'user', content: null }] }, USER);
    await expectRefused(response, 'messages.0.content: must be string or array');
  });
});
