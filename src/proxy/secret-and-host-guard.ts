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

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The first path segment, before any query string. */
function firstSegment(url: string): string {
  const path = url.split('?', 1)[0] ?? '';
  return path.split('/')[1] ?? '';
}

export function secretAndHostGuard(options: GuardOptions) {
  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const port = options.port();
    const host = request.headers.host ?? '';
    const hostOk = host === `127.0.0.1:${port}` || host === `localhost:${port}`;
    if (!hostOk || !sameText(firstSegment(request.url), options.secret)) {
      const error = proxyError(403, 'permission_error', 'oss proxy: wrong path or host for this proxy');
      await reply.code(403).header('x-should-retry', 'false').send(error.toBody());
    }
  };
}
