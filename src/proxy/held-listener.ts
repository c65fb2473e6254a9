// The proxy's port, bound before the proxy's code is loaded. Loading Fastify and undici takes longer than
// spawning claude, so a proxied `oss run` binds 127.0.0.1 here (node:http only, which Node has already
// loaded), gives claude the URL, spawns it, and only then loads the proxy. A request that arrives in
// between is held (parsed by node:http, not answered) and handed to the proxy once it is ready, so claude
// never sees a refused connection. If the proxy cannot start, held requests get a 503 and the port closes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export class HeldListener {
  readonly server: Server;
  private held: Array<[IncomingMessage, ServerResponse]> = [];
  private handler: Handler | undefined;

  private constructor(server: Server) {
    this.server = server;
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (this.handler) this.handler(request, response);
      else this.held.push([request, response]);
    });
  }

  /** Listen on 127.0.0.1 (`port` 0: the kernel picks one). */
  static async listen(port = 0): Promise<HeldListener> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new HeldListener(server);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** From now on every request goes to `handler`, the held ones first, in order of arrival. */
  attach(handler: Handler): void {
    this.handler = handler;
    const held = this.held;
    this.held = [];
    for (const [request, response] of held) if (!response.destroyed) handler(request, response);
  }

  /** Stop listening and end every connection, open streams included; held requests get a 503 first. */
  async close(): Promise<void> {
    for (const [, response] of this.held) {
      if (response.destroyed || response.headersSent) continue;
      response.writeHead(503, { 'content-type': 'application/json', 'x-should-retry': 'false' });
      response.end('{"type":"error","error":{"type":"api_error","message":"oss proxy: stopped before it was ready"}}');
    }
    this.held = [];
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }
}
