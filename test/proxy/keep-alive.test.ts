// A streaming request's wait before its first content is kept alive with SSE comment lines, the first with the
// 200 and SSE headers; a comment is not an event, so until content is committed the answer may still change
// course. About bytes on the wire over time, so over real loopback: KeepAlive on Node's own ServerResponse,
// then the proxy in front of a provider that is silent at first (edge-cases.md #11).
import { afterEach, describe, expect, it } from 'vitest';
import { KeepAlive, SSE_HEADERS } from '../../src/proxy/keep-alive.js';
import { openAITextStream, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { sdkMessage } from '../support/expected-messages.js';
import { answeredBy, closeAfterEach, HELLO, planFor, until } from '../support/proxy-harness.js';

const session = closeAfterEach<ScriptedUpstream>();
const COMMENT = ': keep-alive\n\n';
const EVENT = 'event: ping\ndata: {"type":"ping"}\n\n';

/** The SSE events of a body, in order. */
function eventNames(sse: string): string[] {
  return [...sse.matchAll(/^event: (\S+)$/gm)].map((match) => match[1]!);
}

describe('KeepAlive', () => {
  const stopped: KeepAlive[] = [];
  afterEach(() => stopped.splice(0).forEach((keepAlive) => keepAlive.stop()));

  it('sends the 200 with SSE headers and a comment each interval, then nothing once content is committed', async () => {
    const states: boolean[] = [];
    const answer = await answeredBy(async (res) => {
      const keepAlive = new KeepAlive(res, 5);
      stopped.push(keepAlive);
      states.push(keepAlive.onlyComments);
      await until(() => res.headersSent, 'the first comment');
      states.push(keepAlive.onlyComments);
      keepAlive.commit();
      states.push(keepAlive.onlyComments);
      res.write(EVENT);
      await new Promise((resolve) => setTimeout(resolve, 30));
      res.end();
    });
    const comments = /^(: keep-alive\n\n)+/.exec(answer.body)?.[0] ?? '';
    expect([answer.status, answer.headers, comments.length > 0, answer.body.slice(comments.length), states]).toEqual([200, SSE_HEADERS, true, EVENT, [false, true, false]]);
  });

  it('sends nothing when stopped before its first beat, leaving the answer free to be anything', async () => {
    const answer = await answeredBy(async (res) => {
      const keepAlive = new KeepAlive(res, 5);
      keepAlive.stop();
      await new Promise((resolve) => setTimeout(resolve, 30));
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{}');
    });
    expect(answer).toEqual({ status: 201, headers: { 'content-type': 'application/json', connection: 'keep-alive' }, body: '{}' });
  });
});

describe('keep-alive through the proxy', () => {
  it('edge #11: keeps a silent upstream alive with SSE comment lines, not message_start or ping, then sends the whole answer', async () => {
    session.upstream = await startOpenAIUpstream(() => ({ ...openAITextStream(['late answer']), delayMs: 300 }));
    const { post } = await session.startProxy({
      plan: planFor('openrouter/deepseek/deepseek-chat', { fallback: false }),
      env: { OPENROUTER_BASE_URL: session.upstream.url, OPENROUTER_API_KEY: 'sk-or' },
      tuning: { pingIntervalMs: 20 },
    });
    const sse = await (await post('/v1/messages', HELLO)).text();
    // How many comments fit in the silence depends on the machine; that they come first, and alone, does not.
    const comments = /^(: keep-alive\n\n)+/.exec(sse)?.[0] ?? '';
    expect(comments.length).toBeGreaterThan(0);
    expect(eventNames(sse.slice(comments.length))).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(sse.slice(comments.length)).not.toContain(COMMENT);
    expect(await accumulateWithSdk(sse)).toEqual(sdkMessage('late answer', { model: 'openrouter/deepseek/deepseek-chat', usage: [10, 5], idPrefix: 'msg_oss_' }));
  });
});
