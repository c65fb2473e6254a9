// Edge cases 52–54 (reference/edge-cases.md), OpenAI Chat streams: how a stream ends: a refusal, a length cut,
// an error before or after the finish. Recorded fixtures from ../shared/fixtures/wire; own-fixtures-openai.test.ts
// covers each case without ../shared. Every stream that ends normally goes through the official SDK accumulator.
import { describe, expect } from 'vitest';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { itRecorded } from '../support/shared-fixtures.js';
import { GROQ_TOOL_VALIDATION, RETRY_HINT, SIGNED, errorEvent, expectedMessage } from '../support/openai-chat-expected.js';
import { dataEvents, eventTypes, runStream, wireFixture } from '../support/openai-stream-harness.js';

describe('OpenAI Chat streams: stop reasons and errors (edge cases 52–54)', () => {
  itRecorded('edge #52: delta.refusal becomes a text block with stop_reason "refusal"', async () => {
    const message = await accumulateWithSdk(runStream([wireFixture('openai-stream-refusal.sse')]).sse);
    expect(message).toEqual(expectedMessage([{ type: 'text', text: "I'm very sorry, but I can't assist with that." }], 'refusal', { input_tokens: 79, output_tokens: 12 }));
  });

  itRecorded('edge #53: finish_reason "length" reports max_tokens', async () => {
    const message = await accumulateWithSdk(runStream([wireFixture('openai-stream-finish-length.sse')]).sse);
    expect(message).toEqual(expectedMessage([{ type: 'text', text: '{"' }], 'max_tokens', { input_tokens: 79, output_tokens: 1 }));
  });

  itRecorded("edge #53: OpenRouter's error chunk after repeated length chunks is logged, not a second terminal event; its usage is kept", async () => {
    const run = runStream([wireFixture('openrouter-stream-error-after-length.sse')]);
    expect(run.events.filter((e) => e.type === 'error')).toEqual([]);
    expect(run.warnings).toEqual(['test/model: error after the model finished (length), ignored: Token limit reached']);
    const message = await accumulateWithSdk(run.sse);
    expect(message).toEqual(expectedMessage([{ type: 'thinking', thinking: 'We need to respond to a greeting. The user', signature: SIGNED }], 'max_tokens', { input_tokens: 43, output_tokens: 10 }));
  });

  itRecorded('edge #54: OpenAI bare data:{"error"} mid-stream → event: error (api_error) after closing the open text block, no message_stop', async () => {
    const run = runStream([wireFixture('openai-stream-midstream-error.sse')]);
    expect(eventTypes(run.events).slice(-3)).toEqual(['delta:text_delta', 'content_block_stop', 'error']);
    expect(run.events.at(-1)).toEqual(errorEvent('api_error', `test/model (openai): upstream error 500 (The server had an error while processing your request. Sorry about that!)${RETRY_HINT}`));
    await expect(accumulateWithSdk(run.sse)).rejects.toThrow(/The server had an error/);
  });

  itRecorded("edge #54: Groq's event: error and OpenRouter's chunk with a top-level error (finish_reason \"error\") → event: error with a matching type", async () => {
    const groq = runStream([wireFixture('groq-stream-error-event-tool-use-failed.sse')]);
    expect(groq.events.at(-1)).toEqual(GROQ_TOOL_VALIDATION);
    const chunks = dataEvents(wireFixture('openrouter-docs-midstream-error-chunks.sse'));
    const first = runStream([chunks[0] ?? '', chunks[1] ?? '']);
    expect(first.events.at(-1)).toEqual(errorEvent('api_error', `test/model (openai): upstream error 500 (Provider disconnected unexpectedly)${RETRY_HINT}`));
    const limited = runStream([chunks[2] ?? '']);
    expect(limited.events.at(-1)).toEqual(errorEvent('rate_limit_error', `test/model (openai): rate limited (Rate limit exceeded)${RETRY_HINT}`));
    await expect(accumulateWithSdk(limited.sse)).rejects.toThrow(/Rate limit exceeded/);
  });
});
