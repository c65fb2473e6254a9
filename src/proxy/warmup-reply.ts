// The answer to Claude Code 2.0's start-up "Warmup" requests when the background route is not Claude.
// Claude Code sends one per built-in agent only to prime Anthropic's prompt cache: it skips them itself when
// prompt caching is off (DISABLE_PROMPT_CACHING), denies every tool call in them and discards the answer. On
// another provider they would prime nothing and cost tokens, so the proxy answers them here: a well-formed
// one-word message, no upstream call, nothing in the ledger. A Claude background still receives them.
import type { ServerResponse } from 'node:http';
import { AnthropicStreamWriter, formatSseEvent, newMessageId } from '../providers/common/anthropic-stream-writer.js';

const WARMUP_ANSWER = 'Ready.';

export function answerWarmup(res: ServerResponse, model: string, stream: boolean): void {
  const usage = { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
  if (!stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: newMessageId(),
        type: 'message',
        role: 'assistant',
        model,
        content: [{ type: 'text', text: WARMUP_ANSWER }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage,
      }),
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const writer = new AnthropicStreamWriter((event) => res.write(formatSseEvent(event)), { model, inputTokenEstimate: 0 });
  writer.text(WARMUP_ANSWER);
  writer.finish('end_turn', usage);
  res.end();
}
