// The routes Claude Code uses, registered under the secret prefix: messages (any query string), a local
// token count, the plan's models, and a health check for the launcher.
import type { FastifyPluginAsync } from 'fastify';
import type { RoutePlan } from '../routing/route-plan-types.js';
import type { CountableRequest } from '../providers/common/token-count.js';
import { asProviderError, proxyError, writeErrorReply } from './anthropic-error-reply.js';
import { handleMessages } from './handle-messages.js';
import type { MessagesContext } from './messages-context.js';
import { requestShapeError } from './request-shape.js';
import { planModels } from './select-route.js';

export interface ProxyRoutesOptions {
  messages: MessagesContext;
  plan: RoutePlan;
}

/** A parsed body together with the bytes it came from (build-server.ts's parser makes it). */
export interface ParsedBody {
  json: unknown;
  raw: Buffer;
}

const EMPTY: ParsedBody = { json: undefined, raw: Buffer.alloc(0) };

export const proxyRoutes: FastifyPluginAsync<ProxyRoutesOptions> = async (app, options) => {
  app.post('/v1/messages', async (request, reply) => {
    const parsed = (request.body as ParsedBody | undefined) ?? EMPTY;
    const query = request.url.indexOf('?');
    reply.hijack();
    try {
      await handleMessages(
        options.messages,
        { body: parsed.json, rawBody: parsed.raw, headers: request.headers, search: query >= 0 ? request.url.slice(query) : '' },
        reply.raw,
      );
    } catch (error) {
      // A hijacked reply is ours to finish: an unexpected failure still gets an Anthropic-shaped answer.
      writeErrorReply(reply.raw, asProviderError(error));
    }
  });

  app.post('/v1/messages/count_tokens', async (request, reply) => {
    const body = ((request.body as ParsedBody | undefined) ?? EMPTY).json;
    const shapeError = await requestShapeError(body);
    if (shapeError !== undefined) {
      return reply.code(400).header('x-should-retry', 'false').send(proxyError(400, 'invalid_request_error', shapeError).toBody());
    }
    // The tokenizer costs ~200 ms and ~65 MB to load: only the rare count_tokens call pays for it.
    const { countRequestTokens } = await import('../providers/common/token-count.js');
    return { input_tokens: countRequestTokens(body as CountableRequest) };
  });

  app.get('/v1/models', async () => {
    const data = [...planModels(options.plan)].map((id) => ({ id, type: 'model', display_name: id }));
    return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
  });

  app.get('/', async () => ({ status: 'ok' }));
  // Fastify answers HEAD for every GET route (exposeHeadRoutes), so HEAD / is the same health check.
};
