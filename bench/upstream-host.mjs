// A loopback OpenAI-compatible upstream, run as its own process by the bench. POST …/chat/completions
// answers with the fixed answer of scripted-answer.mjs (streamed when the body asks for `stream: true`, one
// frame per write with an event-loop turn between frames, as a real provider's tokens arrive).
// GET /captured returns the last request body received, so the direct baseline can send the very bytes the
// proxy sent.
import { createServer } from 'node:http';
import { completionBody, streamFrames } from './scripted-answer.mjs';
import { serveParent } from './child-process.mjs';

const FRAMES = streamFrames();
const COMPLETION = JSON.stringify(completionBody());
let captured = Buffer.alloc(0);
let requests = 0;

async function streamAnswer(res) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const frame of FRAMES) {
    if (res.destroyed) return;
    res.write(frame);
    await new Promise((resolve) => setImmediate(resolve));
  }
  res.end();
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/captured') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(captured);
    return;
  }
  if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
    res.writeHead(404).end();
    return;
  }
  const parts = [];
  req.on('data', (part) => parts.push(part));
  req.on('end', () => {
    requests += 1;
    captured = Buffer.concat(parts);
    let body;
    try {
      body = JSON.parse(captured.toString('utf8'));
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"not JSON"}}');
      return;
    }
    if (body.stream === true) {
      void streamAnswer(res);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(COMPLETION);
  });
});

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.send({ type: 'ready', port: server.address().port });
});

serveParent(
  async (message) => {
    if (message.type === 'requests') return { requests };
    throw new Error(`unknown request ${message.type}`);
  },
  async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  },
);
