// A request's usage is recorded before Claude Code can see its answer end, so a spending cap checked on the
// very next request counts it. Each upstream here sends a whole answer and then keeps its connection open:
// without that ordering the proxy would record the usage only when the upstream closes, which is after the
// client's next request, and that request would be let through past the cap.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startRecordingServer } from '../support/scripted-upstream.js';
import { openAITextStream, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';
import { HELLO, planFor, startProxy, type StartedProxy } from '../support/proxy-harness.js';
import type { Budget } from '../../src/usage/budget.js';

const closers: Array<() => Promise<void> | void> = [];
let running: StartedProxy | undefined;

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await running?.proxy.shutdown();
  running = undefined;
});

const CAP: Budget = { run: { usd: 0.0005, setBy: '--max-cost', raise: 'Run again with a higher --max-cost.' } };

/** Reads the streamed answer until its message_stop, leaving the connection open; the text read. */
async function readUntilMessageStop(response: Response): Promise<{ text: string; cancel: () => Promise<void> }> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes('event: message_stop\ndata: {"type":"message_stop"}\n\n')) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the answer ended without message_stop: ${text}`);
    text += decoder.decode(value, { stream: true });
  }
  const cancel = (): Promise<void> => reader.cancel().catch(() => undefined);
  closers.push(cancel);
  return { text, cancel };
}

async function refusalOf(response: Response): Promise<{ status: number; type: unknown }> {
  const body = (await response.json()) as { error?: { type?: unknown } };
  return { status: response.status, type: body.error?.type };
}

describe('usage recorded before the client sees the end of the answer', () => {
  it('counts a translated stream whose upstream has not closed yet, so the next request is refused at the cap', async () => {
    // 800 + 30 tokens at $1 per million each: $0.00083, past the $0.0005 cap.
    const whole = openAITextStream(['Hello', ' there.'], { prompt: 800, completion: 30 });
    const upstream = await startOpenAIUpstream((_request, index) =>
      index === 0 && whole.kind === 'sse' ? { kind: 'silent-stream', chunks: whole.chunks } : openAITextStream(['Again.'], { prompt: 800, completion: 30 }),
    );
    closers.push(() => upstream.close());
    running = await startProxy({
      plan: planFor('scripted/coder-1', { budget: CAP }),
      config: { providers: { scripted: { type: 'openai', baseUrl: `${upstream.url}/v1`, apiKeyEnv: 'K' } }, pricing: { 'scripted/coder-1': { input: 1, output: 1 } } },
      env: { K: 'sk' },
    });

    await readUntilMessageStop(await running.post('/v1/messages', HELLO));
    expect(running.usage.map((event) => [event.model, event.input_tokens, event.output_tokens, event.outcome])).toEqual([['scripted/coder-1', 800, 30, 'ok']]);

    expect(await refusalOf(await running.post('/v1/messages', HELLO))).toEqual({ status: 402, type: 'billing_error' });
    expect(upstream.requests).toHaveLength(1);
  });

  it('counts a Claude answer relayed as it is whose upstream has not closed yet, so the next request is refused at the cap', async () => {
    const message = { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-opus-5-5', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 20, output_tokens: 1 } };
    const answer = [
      `event: message_start\ndata: ${JSON.stringify({ type: 'message_start', message })}\n\n`,
      `event: content_block_start\ndata: ${JSON.stringify({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } })}\n\n`,
      `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'From Claude.' } })}\n\n`,
      `event: content_block_stop\ndata: ${JSON.stringify({ type: 'content_block_stop', index: 0 })}\n\n`,
      `event: message_delta\ndata: ${JSON.stringify({ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 10 } })}\n\n`,
      `event: message_stop\ndata: ${JSON.stringify({ type: 'message_stop' })}\n\n`,
    ];
    const open: ServerResponse[] = [];
    const claude = await startRecordingServer((_request, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const chunk of answer) res.write(chunk);
      // The first answer's connection stays open; any later one ends normally.
      if (open.push(res) > 1) res.end();
    });
    closers.push(() => claude.close());
    running = await startProxy({
      // 20 + 10 tokens at $100 per million each: $0.003, at the cap.
      plan: planFor('claude', { budget: { run: { usd: 0.003, setBy: '--max-cost', raise: 'Raise it.' } } }),
      config: { pricing: { 'claude/claude-opus-5-5': { input: 100, output: 100 } } },
      env: { ANTHROPIC_BASE_URL: claude.url },
    });

    await readUntilMessageStop(await running.post('/v1/messages', HELLO, { 'x-api-key': 'sk-ant-test' }));
    expect(running.usage.map((event) => [event.model, event.input_tokens, event.output_tokens, event.outcome])).toEqual([['claude/claude-opus-5-5', 20, 10, 'ok']]);

    expect(await refusalOf(await running.post('/v1/messages', HELLO, { 'x-api-key': 'sk-ant-test' }))).toEqual({ status: 402, type: 'billing_error' });
    expect(claude.requests).toHaveLength(1);
  });
});
