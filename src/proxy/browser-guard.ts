// Only a program may talk to the proxy, never a web page. A browser adds `Origin` to every cross-origin
// request, and can send a "simple" POST (text/plain, form data) without asking first: such a request is
// refused before its body is read. Claude Code sends JSON and no Origin.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { proxyError } from './anthropic-error-reply.js';

function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/** A callback-style hook (no promise per request): it answers 403/415 itself, or calls done(). */
export function browserGuard(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  if (request.headers.origin !== undefined) {
    const error = proxyError(403, 'permission_error', 'oss proxy: requests from a web page (with an Origin header) are refused');
    void reply.code(403).header('x-should-retry', 'false').send(error.toBody());
    return;
  }
  if (request.method === 'POST' && !isJson(request.headers['content-type'])) {
    const got = request.headers['content-type'] ?? 'none';
    const error = proxyError(415, 'invalid_request_error', `oss proxy: the request body must be JSON (content-type: application/json), not ${got}`);
    void reply.code(415).header('x-should-retry', 'false').send(error.toBody());
    return;
  }
  done();
}
