// Feed an SSE body to the official @anthropic-ai/sdk stream accumulator, exactly as a client would receive
// it over HTTP, and return the final message it builds. A translated stream is correct only if this
// succeeds and the message is the expected one.
import Anthropic from '@anthropic-ai/sdk';
import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';

export async function accumulateWithSdk(sse: string | string[]): Promise<Message> {
  const chunks = typeof sse === 'string' ? [sse] : sse;
  const client = new Anthropic({
    apiKey: 'test-key',
    maxRetries: 0,
    fetch: async () => {
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
          controller.close();
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    },
  });
  const stream = client.messages.stream({ model: 'test', max_tokens: 1, messages: [{ role: 'user', content: 'x' }] });
  return stream.finalMessage();
}
