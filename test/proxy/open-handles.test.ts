// After shutdown() the proxy leaves nothing behind in the process: no server, no socket to an upstream
// (undici's keep-alive pool included), no timer (pings, timeouts). Each fault from issue 4's list runs
// against a real scripted upstream first, so a leak on any of those paths shows here.
import { afterEach, describe, expect, it } from 'vitest';
import { start as startAnthropic, type ScriptedServer } from '../support/scripted-anthropic-server.js';
import { openAIStreamStart, openAITextStream, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';
import { HELLO, planFor, startProxy } from '../support/proxy-harness.js';
import type { UpstreamScript } from '../support/scripted-upstream.js';

const servers: Array<ScriptedUpstream | ScriptedServer> = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Handles of the kinds a proxy could leak, counted by type. */
function handles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) {
    if (['TCPServerWrap', 'TCPSocketWrap', 'Timeout', 'Immediate'].includes(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

async function settled(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

const FAULTS: Array<[string, UpstreamScript]> = [
  ['a normal stream', () => openAITextStream(['Hello', ' world'])],
  ['an upstream reset mid-stream', () => ({ kind: 'reset-mid-stream', chunks: openAIStreamStart(['Hello']) })],
  ['an upstream that never answers', () => ({ kind: 'never-answer' })],
  ['a 429 storm', () => ({ kind: 'json', status: 429, body: { error: { message: 'slow down', type: 'rate_limit_exceeded' } }, headers: { 'retry-after': '0' } })],
  ['malformed upstream SSE', () => ({ kind: 'sse', chunks: ['data: {"choices":[{"delta":{"content":"Hi"}\n\n', 'data: not json\n\n'] })],
];

describe('proxy shutdown', () => {
  it.each(FAULTS)('leaves no server, socket or timer behind after %s', async (_name, script) => {
    const provider = await startOpenAIUpstream(script);
    const claude = await startAnthropic({ text: 'From Claude.' });
    servers.push(provider, claude);
    await settled();
    const before = handles();

    const running = await startProxy({
      plan: planFor('openrouter/deepseek/deepseek-chat'),
      env: { OPENROUTER_BASE_URL: provider.url, OPENROUTER_API_KEY: 'sk-or', ANTHROPIC_BASE_URL: claude.url },
      tuning: { pingIntervalMs: 20, timeouts: { headersMs: 100 }, retry: { baseDelayMs: 5, maxTotalWaitMs: 50, maxRetries: 2 } },
    });
    const response = await running.post('/v1/messages', HELLO, { 'x-api-key': 'sk-ant-user' });
    await response.text();
    await running.proxy.shutdown();
    await settled();

    expect(running.proxy.isRunning()).toBe(false);
    expect(running.usage).toHaveLength(1);
    const after = handles();
    const grown = Object.fromEntries(Object.entries(after).filter(([kind, count]) => count > (before[kind] ?? 0)));
    expect(grown).toEqual({});
  });
});
