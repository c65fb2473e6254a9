// Memory on the translated path stays bounded whatever the provider sends: a stream is read from the provider
// only as fast as Claude Code reads the translation (a paused client used to make the proxy hold hundreds of
// MB), and one SSE event, a whole non-streaming answer or an error body is held only up to a size no real
// provider reaches; past it the answer ends with a clear Anthropic error naming the provider.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { openAIStreamStart, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';
import { startRecordingServer, type RecordingServer, type UpstreamScript } from '../support/scripted-upstream.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { HELLO, planFor, startProxy, until, type StartedProxy } from '../support/proxy-harness.js';

let provider: ScriptedUpstream | RecordingServer | undefined;
let running: StartedProxy | undefined;

afterEach(async () => {
  await running?.proxy.shutdown();
  await provider?.close();
  running = provider = undefined;
});

const OPENROUTER = 'openrouter/deepseek/deepseek-chat';
const MB = 1024 * 1024;

async function proxyTo(url: string): Promise<StartedProxy> {
  running = await startProxy({ plan: planFor(OPENROUTER, { fallback: false }), env: { OPENROUTER_BASE_URL: url, OPENROUTER_API_KEY: 'sk-or' } });
  return running;
}

async function scripted(script: UpstreamScript): Promise<StartedProxy> {
  provider = await startOpenAIUpstream(script);
  return proxyTo(provider.url);
}

const label = (): string => `${OPENROUTER} at ${provider!.url}`;

/** An OpenAI-compatible provider that streams 1 KB text chunks for ever, as fast as it is read. */
async function endlessProvider(): Promise<{ written: () => number }> {
  let written = 0;
  const frame = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'x'.repeat(1024) }, finish_reason: null }] })}\n\n`;
  provider = await startRecordingServer((_request, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const pump = (): void => {
      while (!res.destroyed) {
        written += frame.length;
        if (!res.write(frame)) {
          res.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
  return { written: () => written };
}

/** How many bytes the provider has written once it stops making progress (the proxy stopped reading). */
async function whenStalled(written: () => number): Promise<number> {
  let last = -1;
  for (let i = 0; i < 40; i += 1) {
    const now = written();
    if (now === last) return now;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the provider never stalled: ${Math.round(written() / MB)} MB written while the client was paused`);
}

describe('bounded memory on the translated path', () => {
  it('reads the provider only as fast as a paused Claude Code reads, and goes on when it reads again', async () => {
    const { written } = await endlessProvider();
    await proxyTo(provider!.url);
    const client = httpRequest(`${running!.proxy.baseUrl}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    const response = await new Promise<IncomingMessage>((resolve) => client.on('response', resolve).end(JSON.stringify(HELLO)));
    await new Promise((resolve) => response.once('data', resolve));
    response.pause();
    const stalledAt = await whenStalled(written);
    // Socket buffers on both sides hold a few MB at most; without backpressure the proxy read on without end.
    expect(stalledAt).toBeLessThan(16 * MB);
    let received = 0;
    response.on('data', (chunk: Buffer) => (received += chunk.length));
    response.resume();
    // Reading drains the buffered part first, then the proxy asks the provider for more.
    await until(() => written() > stalledAt + 4 * MB, 'the provider to write again once the client reads');
    expect(received).toBeGreaterThan(0);
    client.destroy();
  });

  it('ends the answer with a clear error when one SSE event grows past 16 MB, before any content', async () => {
    await scripted(() => ({ kind: 'sse', chunks: [...openAIStreamStart([]), `data: {"choices":[{"delta":{"content":"${'x'.repeat(17 * MB)}`, '"}}]}\n\n'] }));
    const response = await running!.post('/v1/messages', HELLO);
    expect({ status: response.status, retry: response.headers.get('x-should-retry'), body: await response.json() }).toEqual({
      status: 502,
      retry: 'false',
      body: {
        type: 'error',
        error: { type: 'api_error', message: `${label()}: the provider sent an SSE event larger than 16 MB, more than any real answer; oss stopped reading it. Run \`oss models test ${OPENROUTER}\` to check the provider` },
      },
    });
  });

  it('ends a stream already under way with an error event when an SSE line grows past 16 MB', async () => {
    await scripted(() => ({ kind: 'sse', chunks: [...openAIStreamStart(['Hi']), `data: ${'x'.repeat(17 * MB)}`] }));
    const sse = await (await running!.post('/v1/messages', HELLO)).text();
    const error = `${label()}: the provider sent an SSE event larger than 16 MB, more than any real answer; oss stopped reading it. Run \`oss models test ${OPENROUTER}\` to check the provider`;
    expect(sse.endsWith(`event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'api_error', message: error } })}\n\n`)).toBe(true);
    await expect(accumulateWithSdk(sse)).rejects.toThrow(error);
  });

  it('ends the answer with a clear error when one tool call\'s arguments grow past 16 MB in small fragments', async () => {
    const frame = (toolCall: Record<string, unknown>): string =>
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, ...toolCall }] }, finish_reason: null }] })}\n\n`;
    const opening = frame({ id: 'call_1', type: 'function', function: { name: 'Write', arguments: '{"content":"' } });
    const fragment = frame({ function: { arguments: 'x'.repeat(MB) } });
    await scripted(() => ({ kind: 'sse', chunks: [opening, ...Array.from({ length: 17 }, () => fragment)] }));
    const sse = await (await running!.post('/v1/messages', HELLO)).text();
    const error = `${label()}: the provider sent tool call arguments larger than 16 MB, more than any real answer; oss stopped reading it. Run \`oss models test ${OPENROUTER}\` to check the provider`;
    expect(sse.endsWith(`event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'api_error', message: error } })}\n\n`)).toBe(true);
  });

  it('caps an SSE event from Gemini the same way', async () => {
    provider = await startOpenAIUpstream(() => ({ kind: 'sse', chunks: [`data: ${'x'.repeat(17 * MB)}`] }));
    running = await startProxy({ plan: planFor('gemini/gemini-2.0-flash', { fallback: false }), env: { GEMINI_BASE_URL: provider.url, GEMINI_API_KEY: 'gem-key' } });
    const response = await running.post('/v1/messages', HELLO);
    const message = `gemini/gemini-2.0-flash at ${provider.url}: the provider sent an SSE event larger than 16 MB, more than any real answer; oss stopped reading it. Run \`oss models test gemini/gemini-2.0-flash\` to check the provider`;
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 502, body: { type: 'error', error: { type: 'api_error', message } } });
  });

  it('caps a Gemini tool call rebuilt from streamed partial arguments at 16 MB', async () => {
    const part = (functionCall: Record<string, unknown>): string => `data: ${JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ functionCall }] } }] })}\r\n\r\n`;
    const piece = { jsonPath: '$.content', stringValue: 'x'.repeat(MB), willContinue: true };
    provider = await startOpenAIUpstream(() => ({
      kind: 'sse',
      chunks: [part({ name: 'Write', willContinue: true, partialArgs: [piece] }), ...Array.from({ length: 17 }, () => part({ willContinue: true, partialArgs: [piece] }))],
    }));
    running = await startProxy({ plan: planFor('gemini/gemini-2.0-flash', { fallback: false }), env: { GEMINI_BASE_URL: provider.url, GEMINI_API_KEY: 'gem-key' } });
    const response = await running.post('/v1/messages', HELLO);
    const message = `gemini/gemini-2.0-flash at ${provider.url}: the provider sent tool call arguments larger than 16 MB, more than any real answer; oss stopped reading it. Run \`oss models test gemini/gemini-2.0-flash\` to check the provider`;
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 502, body: { type: 'error', error: { type: 'api_error', message } } });
  });

  it('refuses a non-streaming answer larger than 32 MB', async () => {
    const huge = { choices: [{ index: 0, message: { role: 'assistant', content: 'x'.repeat(33 * MB) }, finish_reason: 'stop' }] };
    await scripted(() => ({ kind: 'json', body: huge }));
    const response = await running!.post('/v1/messages', { ...HELLO, stream: false });
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 502,
      body: {
        type: 'error',
        error: { type: 'api_error', message: `${label()}: the provider sent an answer larger than 32 MB, more than any real answer; oss stopped reading it. Run \`oss models test ${OPENROUTER}\` to check the provider` },
      },
    });
  });

  it('reads only the start of an error body, so an endless one cannot hold the answer or the memory', { timeout: 10_000 }, async () => {
    provider = await startRecordingServer((_request, res: ServerResponse) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.write('upstream exploded '.repeat(8192));
      // …and never ends.
    });
    await proxyTo(provider.url);
    const response = await running!.post('/v1/messages', HELLO);
    const shown = 'upstream exploded '.repeat(20).trim().slice(0, 300);
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 500,
      body: { type: 'error', error: { type: 'api_error', message: `${OPENROUTER} (openrouter): upstream error 500 (${shown}…); Claude Code retries on its own, or pick another model with --model` } },
    });
  });
});
