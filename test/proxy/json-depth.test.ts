// How deeply a body nests, found from the bytes before parsing: a body nesting deeper than 256 levels is a 400
// at the door instead of a stack overflow reported as a network failure, while brackets inside strings (escaped
// quotes included) do not count. The server half is driven with inject() on the real app.
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../src/proxy/json-depth.js';
import { openAITextStream, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';
import { anthropicError, sdkMessage } from '../support/expected-messages.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { HELLO, injectableProxy, planFor, replyOf } from '../support/proxy-harness.js';

const provider = await startOpenAIUpstream(() => openAITextStream(['Hi']));
afterAll(() => provider.close());
const proxy = injectableProxy({ plan: planFor('openrouter/deepseek/deepseek-chat'), env: { OPENROUTER_BASE_URL: provider.url, OPENROUTER_API_KEY: 'sk-or' } });

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const bytes = (text: string) => Buffer.from(text);

describe('nestsDeeperThan', () => {
  it.each([
    ['an object as deep as the limit', nested(3), 3, false],
    ['an object one level deeper', nested(4), 3, true],
    ['arrays and objects together', '[{"a":[1]}]', 2, true],
    ['brackets inside a string', `{"a":"${'[{'.repeat(50)}"}`, 1, false],
    ['brackets after an escaped quote inside a string', '{"a":"\\"[[[["}', 1, false],
    ['brackets after an escaped backslash ending a string', '{"a":"\\\\",  "b":[[1]]}', 2, true],
    ['an unterminated string (left to JSON.parse)', '{"a":"[[[[', 1, false],
  ])('%s', (_name, text, limit, deeper) => {
    expect(nestsDeeperThan(bytes(text), limit)).toBe(deeper);
  });
});

describe('the request body depth limit', () => {
  it(`refuses 100k-deep nesting with a 400 instead of overflowing the stack`, async () => {
    const body = `{"model":"m","max_tokens":10,"stream":true,"messages":[{"role":"user","content":[{"type":"tool_use","id":"t","name":"n","input":${nested(100_000)}}]}]}`;
    expect(replyOf(await proxy.request({ path: '/v1/messages', payload: body }))).toEqual({
      status: 400,
      'x-should-retry': 'false',
      body: anthropicError('invalid_request_error', `oss proxy: the request body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`),
    });
    expect([provider.requests.length, proxy.fallbacks]).toEqual([0, []]);
  });

  it('accepts nesting of 200 levels, and brackets inside strings do not count', async () => {
    const input = JSON.parse(nested(200)) as unknown;
    const body = {
      ...HELLO,
      messages: [{ role: 'user', content: [{ type: 'text', text: `${'[{'.repeat(400)} \\" ${'"'.repeat(3)}` }, { type: 'tool_result', tool_use_id: 't', content: JSON.stringify(input) }] }],
    };
    const response = await proxy.request({ path: '/v1/messages', payload: body, headers: { 'x-api-key': 'sk-ant-user' } });
    expect([response.statusCode, response.headers['content-type'], await accumulateWithSdk(response.body)]).toEqual([
      200,
      'text/event-stream',
      sdkMessage('Hi', { model: 'openrouter/deepseek/deepseek-chat', usage: [10, 5], idPrefix: 'msg_oss_' }),
    ]);
    expect(provider.requests).toHaveLength(1);
  });
});
