// A malformed request is refused at the door: 400 invalid_request_error naming the field, x-should-retry
// false, nothing sent to the provider or to Claude, no fallback line blaming the provider. Before this check
// these bodies crashed the translators into a retryable 500 that fell back to Claude. Driven with inject() on
// the real app; how deep a body may nest is test/proxy/json-depth.test.ts's.
import { afterAll, describe, expect, it } from 'vitest';
import { start } from '../support/scripted-anthropic-server.js';
import { openAITextStream, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';
import { anthropicError } from '../support/expected-messages.js';
import { HELLO, injectableProxy, planFor, replyOf } from '../support/proxy-harness.js';

const provider = await startOpenAIUpstream(() => openAITextStream(['Hi']));
const claude = await start({ text: 'From Claude.' });
afterAll(async () => {
  await provider.close();
  await claude.close();
});
const proxy = injectableProxy({
  plan: planFor('openrouter/deepseek/deepseek-chat'),
  env: { OPENROUTER_BASE_URL: provider.url, OPENROUTER_API_KEY: 'sk-or', ANTHROPIC_BASE_URL: claude.url },
});

const USER = { 'x-api-key': 'sk-ant-user' };
const userSays = (content: unknown) => ({ ...HELLO, messages: [{ role: 'user', content }] });

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

const refused = (message: string) => ({ status: 400, 'x-should-retry': 'false', body: anthropicError('invalid_request_error', message) });

describe('request shape at the door', () => {
  it.each(MALFORMED)('refuses %s with a 400 naming the field, sending nothing anywhere', async (_name, body, message) => {
    const before = { provider: provider.requests.length, claude: claude.requests.length, usage: proxy.usage.length };
    expect(replyOf(await proxy.request({ path: '/v1/messages', payload: body, headers: USER }))).toEqual(refused(message));
    expect({ provider: provider.requests.length, claude: claude.requests.length, usage: proxy.usage.length }).toEqual(before);
    expect(proxy.fallbacks).toEqual([]);
  });

  it('refuses the same shapes on count_tokens', async () => {
    const response = await proxy.request({ path: '/v1/messages/count_tokens', payload: { model: 'x', messages: [{ role: 'user', content: null }] }, headers: USER });
    expect(replyOf(response)).toEqual(refused('messages.0.content: must be string or array'));
  });
});
