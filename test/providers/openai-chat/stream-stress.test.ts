// Stress cases for the stream translator: long streams, many fragments, and every possible network cut.
import { describe, expect, it } from 'vitest';
import type { WireEvent } from '../../../src/providers/common/anthropic-stream-writer.js';
import { accumulateWithSdk } from '../../support/sdk-accumulate.js';
import { PARALLEL_CALLS, TOOLU, expectedMessage } from '../../support/openai-chat-expected.js';
import { runStream, wireFixture } from '../../support/openai-stream-harness.js';
import { itRecorded } from '../../support/shared-fixtures.js';

function chunk(delta: Record<string, unknown>, finish: string | null = null): string {
  return `data: ${JSON.stringify({ id: 'chatcmpl-x', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

/** Events with the random tool ids replaced by their order of appearance, so runs can be compared. */
function normalised(events: WireEvent[]): string {
  const ids = new Map<string, string>();
  return JSON.stringify(events).replace(/toolu_oss_[A-Za-z0-9]{24}/g, (id) => {
    if (!ids.has(id)) ids.set(id, `toolu_${ids.size}`);
    return ids.get(id) ?? id;
  });
}

describe('stream translator under stress', () => {
  it('translates a 2,000-chunk text stream into one text block with every chunk in order', async () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i} `);
    const body = [...words.map((w) => chunk({ content: w })), chunk({}, 'stop'), 'data: {"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":2000}}\n\n', 'data: [DONE]\n\n'].join('');
    const run = runStream([body]);
    expect(run.events.filter((e) => e.type === 'content_block_delta')).toHaveLength(2000);
    const message = await accumulateWithSdk(run.sse);
    expect(message).toEqual(expectedMessage([{ type: 'text', text: words.join('') }], 'end_turn', { input_tokens: 12, output_tokens: 2000 }));
  });

  it('rebuilds a tool call whose arguments arrive in 500 fragments', async () => {
    const input = { command: 'x'.repeat(480), description: 'long "quoted" \\ text ✓' };
    const json = JSON.stringify(input);
    const size = Math.ceil(json.length / 500);
    const fragments = Array.from({ length: 500 }, (_, i) => json.slice(i * size, (i + 1) * size));
    expect(fragments.join('')).toBe(json);
    const body = [
      chunk({ role: 'assistant', tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'Bash', arguments: '' } }] }),
      ...fragments.map((f) => chunk({ tool_calls: [{ index: 0, function: { arguments: f } }] })),
      chunk({}, 'tool_calls'),
      'data: [DONE]\n\n',
    ].join('');
    const run = runStream([body]);
    expect(run.events.filter((e) => e.type === 'content_block_delta')).toHaveLength(fragments.filter((f) => f !== '').length);
    const message = await accumulateWithSdk(run.sse);
    expect(message).toEqual(expectedMessage([{ type: 'tool_use', id: TOOLU, name: 'Bash', input }], 'tool_use', { input_tokens: 0, output_tokens: Math.ceil(json.length / 4) }));
  });

  itRecorded('yields the identical event sequence for a recorded stream cut into two pushes at every byte boundary', async () => {
    const bytes = new TextEncoder().encode(wireFixture('openai-stream-parallel-tool-calls.sse'));
    const reference = normalised(runStream([bytes]).events);
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const events = runStream([bytes.slice(0, cut), bytes.slice(cut)]).events;
      if (normalised(events) !== reference) expect({ cut, events: normalised(events) }).toEqual({ cut, events: reference });
    }
    const message = await accumulateWithSdk(runStream([bytes]).sse);
    expect(message.content).toEqual(PARALLEL_CALLS);
  });
});
