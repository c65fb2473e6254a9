// createOpenAIStreamTranslator on its own options and the chunk shapes the edge-case files do not cover; the
// edge cases themselves (1–9, 13–21, 26, 52–54) are in test/edge-cases/openai-chat-*.test.ts. Each stream runs
// through the real writer and, where it ends normally, the official SDK accumulator.
import { describe, expect, it } from 'vitest';
import { UpstreamTooLargeError } from '../../../src/providers/common/upstream-too-large.js';
import { encodeReasoningDetails } from '../../../src/providers/openai-chat/reasoning-signature.js';
import { accumulateWithSdk } from '../../support/sdk-accumulate.js';
import { TOOLU, expectedMessage } from '../../support/openai-chat-expected.js';
import { runStream } from '../../support/openai-stream-harness.js';

function chunk(delta: Record<string, unknown>, finish: string | null = null, extra: Record<string, unknown> = {}): string {
  return `data: ${JSON.stringify({ choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
}
const DONE = 'data: [DONE]\n\n';
const call = (index: number, fields: Record<string, unknown>) => ({ tool_calls: [{ index, ...fields }] });
/** The first fragment of call `index`: its id, name and the start of its arguments. */
const openCall = (index: number, name: string, args: string) => chunk(call(index, { id: `call_${index}`, type: 'function', function: { name, arguments: args } }));
const moreArgs = (index: number, args: string) => chunk(call(index, { function: { arguments: args } }));
const CALLS_FINISHED = chunk({}, 'tool_calls') + DONE;

describe('createOpenAIStreamTranslator', () => {
  it('reads <think> tags opening the content as thinking by default, and as text when the provider turned that off', async () => {
    const body = [chunk({ content: '<think>Sum.</th' }), chunk({ content: 'ink>Four.' }), chunk({}, 'stop'), DONE].join('');
    const usage = { input_tokens: 0, output_tokens: 3 };
    expect([await accumulateWithSdk(runStream([body]).sse), await accumulateWithSdk(runStream([body], { thinkTags: false }).sse)]).toEqual([
      expectedMessage(
        [
          { type: 'thinking', thinking: 'Sum.', signature: 'oss1.none' },
          { type: 'text', text: 'Four.' },
        ],
        'end_turn',
        usage,
      ),
      expectedMessage([{ type: 'text', text: '<think>Sum.</think>Four.' }], 'end_turn', { input_tokens: 0, output_tokens: 6 }),
    ]);
  });

  it("merges OpenRouter's streamed reasoning_details and closes the thinking block with them as its signature", async () => {
    const body = [
      chunk({ reasoning: 'Plan', reasoning_details: [{ type: 'reasoning.text', index: 0, text: 'Plan' }] }),
      chunk({ reasoning: ' it.', reasoning_details: [{ type: 'reasoning.text', index: 0, text: ' it.', signature: 'sig-9' }] }),
      chunk({ content: 'Done.' }),
      chunk({}, 'stop'),
      DONE,
    ].join('');
    expect(await accumulateWithSdk(runStream([body]).sse)).toEqual(
      expectedMessage(
        [
          { type: 'thinking', thinking: 'Plan it.', signature: encodeReasoningDetails([{ type: 'reasoning.text', index: 0, text: 'Plan it.', signature: 'sig-9' }]) },
          { type: 'text', text: 'Done.' },
        ],
        'end_turn',
        { input_tokens: 0, output_tokens: 4 },
      ),
    );
  });

  it("reads Groq's usage from x_groq when the chunk has none of its own", () => {
    const body = [chunk({ content: 'ok' }), chunk({}, 'stop', { x_groq: { usage: { prompt_tokens: 12, completion_tokens: 1 } } }), DONE].join('');
    expect(runStream([body]).usage).toEqual({ input_tokens: 12, output_tokens: 1, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
  });

  it('reports zero usage to the ledger when the server sent none (the proxy estimates then)', () => {
    expect(runStream([chunk({ content: 'ok' }), chunk({}, 'stop'), DONE], { inputTokenEstimate: 50 }).usage).toEqual({ input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
  });

  it('skips an event that is not JSON with a warning, and an `event: error` that is not JSON ends the stream with its text', () => {
    const skipped = runStream(['data: {oops\n\n', chunk({ content: 'ok' }), chunk({}, 'stop'), DONE]);
    expect([skipped.warnings, skipped.events.at(-1)]).toEqual([['test/model: ignored an event that is not JSON: {oops'], { type: 'message_stop' }]);
    const failed = runStream([chunk({ content: 'ok' }), 'event: error\ndata: upstream fell over\n\n']);
    expect(failed.events.at(-1)).toEqual({
      type: 'error',
      error: { type: 'api_error', message: 'test/model (openai): upstream error 500 (upstream fell over); Claude Code retries on its own, or pick another model with --model' },
    });
  });

  it('drops a buffered call that never got a name, with a warning, and keeps the named one', async () => {
    const nameless = chunk(call(1, { id: 'call_1', type: 'function', function: { arguments: '{}' } }));
    const body = [openCall(0, 'Read', '{"path":'), nameless, moreArgs(0, '"a"}'), CALLS_FINISHED].join('');
    const run = runStream([body]);
    expect(run.warnings).toEqual(['test/model: dropped a tool call with no name (index 1)']);
    expect(await accumulateWithSdk(run.sse)).toEqual(expectedMessage([{ type: 'tool_use', id: TOOLU, name: 'Read', input: { path: 'a' } }], 'tool_use', { input_tokens: 0, output_tokens: 4 }));
  });

  it('drops, with a warning, arguments that arrive for a call already closed', async () => {
    const body = [openCall(0, 'Read', '{}'), chunk({ content: 'Now text.' }), moreArgs(0, '{"late":true}'), CALLS_FINISHED].join('');
    const run = runStream([body]);
    expect(run.warnings).toEqual(['test/model: dropped arguments that arrived after tool call 0 was closed']);
    expect(await accumulateWithSdk(run.sse)).toEqual(
      expectedMessage(
        [
          { type: 'tool_use', id: TOOLU, name: 'Read', input: {} },
          { type: 'text', text: 'Now text.' },
        ],
        'tool_use',
        // The estimate counts every character the model sent, the dropped arguments included: 2 + 9 + 13 = 24 → 6.
        { input_tokens: 0, output_tokens: 6 },
      ),
    );
  });

  it('refuses to hold more than 16 MB of one call\'s arguments', () => {
    const piece = 'x'.repeat(9 * 1024 * 1024);
    const pushes = [openCall(0, 'Write', `{"content":"${piece}`), moreArgs(0, piece)];
    expect(() => runStream(pushes)).toThrowError(new UpstreamTooLargeError('tool call arguments larger than 16 MB'));
  });

  it('ignores whatever comes after the end: later chunks after [DONE] change nothing', async () => {
    const run = runStream([chunk({ content: 'ok' }), chunk({}, 'stop'), DONE, chunk({ content: 'more' })]);
    expect(await accumulateWithSdk(run.sse)).toEqual(expectedMessage([{ type: 'text', text: 'ok' }], 'end_turn', { input_tokens: 0, output_tokens: 1 }));
  });
});
