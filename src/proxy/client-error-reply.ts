// Errors Node's HTTP parser raises before Fastify sees a request (headers too large, a malformed request
// line, a client too slow to send its headers) answered in Anthropic's shape like every other error, so
// Claude Code shows a message instead of failing to parse Fastify's own body.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { proxyError } from './anthropic-error-reply.js';

export function clientErrorReply(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const answer =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? proxyError(431, 'request_too_large', 'oss proxy: the request headers are too large')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? proxyError(408, 'timeout_error', 'oss proxy: the request took too long to arrive', true)
        : proxyError(400, 'invalid_request_error', 'oss proxy: malformed HTTP request');
  const body = JSON.stringify(answer.toBody());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'Error'}\r\ncontent-type: application/json\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\n${answer.retryable ? '' : 'x-should-retry: false\r\n'}connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
