// The proxy's Fastify app: one JSON body parser that keeps the raw bytes (Claude pass-through forwards them
// untouched), Anthropic-shaped answers for every error Fastify itself raises, the secret/Host guard, and the
// routes under `/<secret>`. No logger: bodies and keys are never written anywhere.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { proxyError } from './anthropic-error-reply.js';
import { browserGuard } from './browser-guard.js';
import { clientErrorReply } from './client-error-reply.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';
import { proxyRoutes, type ParsedBody, type ProxyRoutesOptions } from './proxy-routes.js';
import { secretAndHostGuard } from './secret-and-host-guard.js';
import { statusRoute, type StatusRouteOptions } from './status-route.js';

/** Claude Code sends up to 32 MB (images as base64); a little room for the JSON around them. */
export const BODY_LIMIT_BYTES = 33 * 1024 * 1024;

export interface ServerOptions extends ProxyRoutesOptions {
  /** Serve on this server (already listening: held-listener.ts) instead of one Fastify creates. */
  serverFactory?: (handler: (request: IncomingMessage, response: ServerResponse) => void) => Server;
  secret: string;
  port: () => number;
  /** The run's live totals, served at /<secret>/oss/status for `oss statusline`. */
  status?: StatusRouteOptions['status'];
}

/**
 * No route declares a JSON schema (the body is checked by request-shape.ts), so Fastify never compiles one.
 * Giving it these instead of its defaults keeps it from loading its ajv and fast-json-stringify compilers,
 * and ajv with them, when it starts: CPU before `oss serve` can answer.
 */
function noSchemaCompiler(): never {
  throw new Error('oss proxy: routes declare no JSON schemas');
}

export function buildServer(options: ServerOptions): FastifyInstance {
  const app = Fastify({
    logger: false,
    schemaController: { compilersFactory: { buildValidator: noSchemaCompiler, buildSerializer: noSchemaCompiler } },
    bodyLimit: BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    return503OnClosing: false,
    clientErrorHandler: clientErrorReply,
    ...(options.serverFactory ? { serverFactory: options.serverFactory } : {}),
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, raw: Buffer, done) => {
    if (raw.length === 0) {
      done(null, { json: undefined, raw } satisfies ParsedBody);
      return;
    }
    if (nestsDeeperThan(raw, MAX_JSON_DEPTH)) {
      done(Object.assign(new Error(`the request body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`), { statusCode: 400 }), undefined);
      return;
    }
    try {
      done(null, { json: JSON.parse(raw.toString('utf8')) as unknown, raw } satisfies ParsedBody);
    } catch {
      done(Object.assign(new Error('the request body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });

  app.addHook('onRequest', secretAndHostGuard({ secret: options.secret, port: options.port }));
  app.addHook('onRequest', browserGuard);

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    const anthropic =
      status === 413
        ? proxyError(413, 'request_too_large', `oss proxy: request body larger than ${BODY_LIMIT_BYTES / 1024 / 1024} MB`)
        : status < 500
          ? proxyError(status, 'invalid_request_error', `oss proxy: ${error.message}`)
          : proxyError(status, 'api_error', `oss proxy: ${error.message}`, true);
    const headers: Record<string, string> = anthropic.retryable ? {} : { 'x-should-retry': 'false' };
    void reply.code(status).headers(headers).send(anthropic.toBody());
  });

  app.setNotFoundHandler((request, reply) => {
    const error = proxyError(404, 'not_found_error', `oss proxy: no route ${request.method} ${request.url.split('?', 1)[0]?.replace(options.secret, '<secret>')}`);
    void reply.code(404).header('x-should-retry', 'false').send(error.toBody());
  });

  void app.register(proxyRoutes, { ...options, prefix: `/${options.secret}` });
  if (options.status) void app.register(statusRoute, { status: options.status, prefix: `/${options.secret}` });
  return app;
}
