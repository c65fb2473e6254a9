// GeminiPartConsumer drives the real AnthropicStreamWriter; each translated stream is read back with the official
// SDK accumulator, so the blocks are checked as Claude Code would receive them.
import { describe, expect, it } from 'vitest';
import { AnthropicStreamWriter, formatSseEvent, type WireEvent } from '../../../src/providers/common/anthropic-stream-writer.js';
import { UpstreamTooLargeError } from '../../../src/providers/common/upstream-too-large.js';
import { GeminiPartConsumer } from '../../../src/providers/gemini/consume-parts.js';
import type { GeminiPart } from '../../../src/providers/gemini/gemini-api.js';
import { geminiToolNameMap } from '../../../src/providers/gemini/prepare-tools.js';
import { accumulateWithSdk } from '../../support/sdk-accumulate.js';
import { expectedMessage, usage } from './gemini-test-kit.js';

const PLAIN_ID = expect.stringMatching(/^toolu_oss_[A-Za-z0-9]{24}$/) as unknown;
const SIGNED_ID = expect.stringMatching(/^toolu_oss_g[A-Za-z0-9]{12}_c2lnbmF0dXJl$/) as unknown;

/** Feed each chunk's parts to one consumer, finish, and return the message the SDK accumulates plus the call count. */
async function consume(chunks: GeminiPart[][], toolNames = geminiToolNameMap({ messages: [] })) {
  const events: WireEvent[] = [];
  const writer = new AnthropicStreamWriter((event) => events.push(event), { model: 'gemini/gemini-3-pro-preview', inputTokenEstimate: 0, messageId: 'msg_oss_test' });
  const consumer = new GeminiPartConsumer(writer, toolNames);
  for (const parts of chunks) consumer.consume(parts);
  consumer.finish();
  writer.finish('end_turn', usage(0, 0) as never);
  return { message: await accumulateWithSdk(events.map(formatSseEvent).join('')), calls: consumer.toolUseCount };
}

function catchError(run: () => void): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, none was thrown');
}

describe('GeminiPartConsumer', () => {
  it('turns thought parts into one thinking block and the rest into text, ignoring empty text and missing parts', async () => {
    const { message } = await consume([[{ text: 'Let me ', thought: true }], [{ text: 'see.', thought: true }, { text: '' }, { text: 'Four' }], [], [{ text: '.' }]]);
    expect(message).toEqual(
      expectedMessage([{ type: 'thinking', thinking: 'Let me see.', signature: 'oss1.none' }, { type: 'text', text: 'Four.' }], 'end_turn', usage(0, 0)),
    );
  });

  it("signs the open thinking block with a thought part's signature, and starts a new block for thoughts after it", async () => {
    const { message } = await consume([[{ text: 'First.', thought: true, thoughtSignature: 'SIG1' }, { text: 'Second.', thought: true }, { text: 'Done.' }]]);
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'First.', signature: 'oss1.gemini.part.SIG1' },
      { type: 'thinking', thinking: 'Second.', signature: 'oss1.none' },
      { type: 'text', text: 'Done.' },
    ]);
  });

  it('carries a signature on a text part in a thinking block before it (kind text), and one on an empty part alone (kind part)', async () => {
    const { message } = await consume([[{ text: 'Noon.', thoughtSignature: 'TEXTSIG' }], [{ text: '', thoughtSignature: 'PARTSIG' }]]);
    expect(message.content).toEqual([
      { type: 'thinking', thinking: '', signature: 'oss1.gemini.text.TEXTSIG' },
      { type: 'text', text: 'Noon.' },
      { type: 'thinking', thinking: '', signature: 'oss1.gemini.part.PARTSIG' },
    ]);
  });

  it('emits each whole functionCall as a tool_use, its signature carried in the id, and counts the calls', async () => {
    const { message, calls } = await consume([
      [{ text: 'Reading both.' }, { functionCall: { name: 'Read', args: { file_path: '/a' } }, thoughtSignature: 'c2lnbmF0dXJl' }, { functionCall: { name: 'Read' } }],
    ]);
    expect([message.content, calls]).toEqual([
      [
        { type: 'text', text: 'Reading both.' },
        { type: 'tool_use', id: SIGNED_ID, name: 'Read', input: { file_path: '/a' } },
        { type: 'tool_use', id: PLAIN_ID, name: 'Read', input: {} },
      ],
      2,
    ]);
  });

  it('maps a shortened upstream function name back to the name Claude Code declared', async () => {
    const longName = `mcp__${'y'.repeat(140)}__tool`;
    const toolNames = geminiToolNameMap({ messages: [], tools: [{ name: longName, input_schema: { type: 'object' } }] });
    const { message } = await consume([[{ functionCall: { name: toolNames.toUpstream(longName), args: { q: 1 } } }]], toolNames);
    expect(message.content).toEqual([{ type: 'tool_use', id: PLAIN_ID, name: longName, input: { q: 1 } }]);
  });

  it('rebuilds Vertex partialArgs by json path (strings continued, numbers, booleans, null, arrays, quoted keys); the empty terminator is no tool_use', async () => {
    const { message, calls } = await consume([
      [{ functionCall: { name: 'get_weather', willContinue: true, args: { units: 'C' } }, thoughtSignature: 'c2lnbmF0dXJl' }],
      [{ functionCall: { willContinue: true, partialArgs: [{ jsonPath: '$.place.city', stringValue: 'São ', willContinue: true }] } }],
      [{ functionCall: { willContinue: true, partialArgs: [{ jsonPath: '$.place.city', stringValue: 'Paulo' }, { jsonPath: '$.days[0]', numberValue: 1 }] } }],
      [{ functionCall: { willContinue: true, partialArgs: [{ jsonPath: "$['metric units']", boolValue: true }, { jsonPath: '$["note"]', nullValue: null }] } }],
      [{ functionCall: {} }],
      [{ functionCall: {} }],
    ]);
    expect([message.content, calls]).toEqual([
      [{ type: 'tool_use', id: SIGNED_ID, name: 'get_weather', input: { units: 'C', place: { city: 'São Paulo' }, days: [1], 'metric units': true, note: null } }],
      1,
    ]);
  });

  it('emits a call still being assembled when the next call starts, and one left open at the end of the response', async () => {
    const { message } = await consume([
      [{ functionCall: { name: 'first', willContinue: true, partialArgs: [{ jsonPath: '$.a', stringValue: 'x' }] } }],
      [{ functionCall: { name: 'second', willContinue: true, partialArgs: [{ jsonPath: '$.b', numberValue: 2 }] } }],
    ]);
    expect(message.content).toEqual([
      { type: 'tool_use', id: PLAIN_ID, name: 'first', input: { a: 'x' } },
      { type: 'tool_use', id: PLAIN_ID, name: 'second', input: { b: 2 } },
    ]);
  });

  it("stops with UpstreamTooLargeError when one call's streamed strings pass 16 MB", () => {
    const sink = { text() {}, thinking() {}, signature() {}, toolUse() {}, toolInput() {}, closeBlock() {} };
    const consumer = new GeminiPartConsumer(sink, geminiToolNameMap({ messages: [] }));
    const half = 'x'.repeat(8 * 1024 * 1024);
    consumer.consume([{ functionCall: { name: 'Write', willContinue: true, partialArgs: [{ jsonPath: '$.content', stringValue: half }] } }]);
    consumer.consume([{ functionCall: { willContinue: true, partialArgs: [{ jsonPath: '$.content', stringValue: half }] } }]);
    const thrown = catchError(() => consumer.consume([{ functionCall: { willContinue: true, partialArgs: [{ jsonPath: '$.content', stringValue: 'y' }] } }]));
    expect([thrown instanceof UpstreamTooLargeError, thrown.message]).toEqual([true, 'the provider sent tool call arguments larger than 16 MB']);
  });
});
