// The upstreams of the hardening bench, in the bench's own process: a hostile OpenAI-compatible provider
// whose behaviour the bench switches per scenario (an endless stream, a 1 GB SSE line, no headers ever), and a
// fake Claude that streams one short answer. Each counts what it did, so the bench can say what happened.
import { createServer } from 'node:http';

const frame = (delta) => `data: ${JSON.stringify({ choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`;
const TEXT_FRAME = frame({ content: 'x'.repeat(1024) });
const MB = 1024 * 1024;

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

/** Write `next()` frames as fast as the reader takes them, until it returns undefined or the reader leaves. */
function pump(res, next, count) {
  const go = () => {
    while (!res.destroyed) {
      const chunk = next();
      if (chunk === undefined) {
        res.end();
        return;
      }
      count(chunk.length);
      if (!res.write(chunk)) {
        res.once('drain', go);
        return;
      }
    }
  };
  go();
}

export async function startHostileProvider() {
  const state = { mode: 'endless', written: 0, requests: 0 };
  const sockets = new Set();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.requests += 1;
      const count = (bytes) => (state.written += bytes);
      if (state.mode === 'never-headers') return;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (state.mode === 'endless') {
        pump(res, () => TEXT_FRAME, count);
        return;
      }
      // giant-line: some content, then `data: ` and 1 GB without a line end.
      let sent = -2;
      const piece = 'x'.repeat(MB);
      pump(res, () => {
        sent += 1;
        if (sent === -1) return frame({ role: 'assistant', content: 'Hi' });
        if (sent === 0) return 'data: {"choices":[{"delta":{"content":"';
        return sent <= 1024 ? piece : undefined;
      }, count);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    port,
    state,
    reset(mode) {
      Object.assign(state, { mode, written: 0, requests: 0 });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

const claudeEvents = [
  ['message_start', { type: 'message_start', message: { id: 'msg_bench', type: 'message', role: 'assistant', model: 'claude-sonnet-5-5', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } } }],
  ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
  ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'From Claude.' } }],
  ['content_block_stop', { type: 'content_block_stop', index: 0 }],
  ['message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 3 } }],
  ['message_stop', { type: 'message_stop' }],
];

export async function startFakeClaude() {
  const state = { requests: 0 };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.requests += 1;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(claudeEvents.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`).join(''));
    });
  });
  const port = await listen(server);
  return { port, state, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }) };
}
