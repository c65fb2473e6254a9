// The proxy answers only its own `claude`: the per-run secret must start the path, and the Host header must
// name the loopback address being served (a web page cannot reach it through DNS rebinding).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { proxyError } from './anthropic-error-reply.js';

export interface GuardOptions {
  secret: string;
  /** The port being served; known only once listening. */
  port: () => number;
}

/** The first path segment, before any query string. */
function firstSegment(url: string): string {
  const path = url.split('?', 1)[0] ?? '';
  return path.split('/')[1] ?? '';
}

/**
 * A callback-style hook (no promise per request, unlike an async one): it answers 403 itself, or lets the
 * request through with done().
 */
export function secretAndHostGuard(options: GuardOptions) {
  const secret = Buffer.from(options.secret);
  return function guard(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
    const port = options.port();
    const host = request.headers.host ?? '';
    const hostOk = host === `127.0.0.1:${port}` || host === `localhost:${port}`;
    const segment = Buffer.from(firstSegment(request.url));
    if (!hostOk || segment.length !== secret.length || !timingSafeEqual(segment, secret)) {
      const error = proxyError(403, 'permission_error', 'oss proxy: wrong path or host for this proxy');
      void reply.code(403).header('x-should-retry', 'false').send(error.toBody());
      return;
    }
    done();
  };
}
