// Anthropic pass-through: native Claude (the user's own credentials, their original ANTHROPIC_BASE_URL or the
// public API) and providers of `anthropic` type (their own key, `model` rewritten). The request body is
// forwarded as received unless something must change (a model id, invented thinking blocks, max_tokens);
// the answer comes back as bytes for the proxy to relay. The only I/O for Anthropic-speaking upstreams.
import type { IncomingHttpHeaders } from 'node:http';
import { request, type Dispatcher } from 'undici';
import type { TargetModel } from '../common/target.js';
import type { UpstreamEndpoint } from '../common/provider-adapter.js';
import { networkError } from '../common/network-error.js';
import { stripSyntheticThinking } from './strip-synthetic-thinking.js';
import { claudeRequestHeaders, providerRequestHeaders, returnedHeaders } from './pass-through-headers.js';

export const ANTHROPIC_API_URL = 'https://api.anthropic.com';

/** Claude model used when the request names no Claude model (a fallback from another provider's id). */
export const CLAUDE_FALLBACK_MODEL = 'claude-sonnet-5-5';

export type PassThroughTarget =
  /** Native Claude. `model` is set for `claude/<id>` routes. */
  | { kind: 'claude'; baseUrl: string; model?: string }
  | { kind: 'provider'; endpoint: UpstreamEndpoint; target: TargetModel };

export interface PassThroughCall {
  to: PassThroughTarget;
  /** The parsed request body. */
  request: Record<string, unknown>;
  /** The bytes Claude Code sent; forwarded as they are when nothing has to change. */
  rawBody: Buffer;
  incomingHeaders: IncomingHttpHeaders;
  /** The query string Claude Code used (`?beta=true`), with its `?`, or ''. */
  search: string;
  signal: AbortSignal;
  dispatcher: Dispatcher;
  /** Longest wait for the response headers; the pool's default when absent. */
  headersTimeoutMs?: number;
}

export interface PassThroughAnswer {
  status: number;
  /** The headers Claude Code needs from the answer. */
  headers: Record<string, string>;
  body: Dispatcher.ResponseData['body'];
}

export async function openPassThrough(call: PassThroughCall): Promise<PassThroughAnswer> {
  const { to } = call;
  const baseUrl = to.kind === 'claude' ? to.baseUrl : to.endpoint.baseUrl;
  const url = `${baseUrl.replace(/\/+$/, '')}/v1/messages${call.search}`;
  const headers =
    to.kind === 'claude'
      ? claudeRequestHeaders(call.incomingHeaders)
      : providerRequestHeaders(call.incomingHeaders, to.endpoint.apiKey, to.endpoint.headers);
  const provider = to.kind === 'claude' ? 'claude' : to.target.provider;
  try {
    const answer = await request(url, {
      method: 'POST',
      headers,
      body: passThroughBody(call),
      signal: call.signal,
      dispatcher: call.dispatcher,
      ...(call.headersTimeoutMs !== undefined ? { headersTimeout: call.headersTimeoutMs } : {}),
    });
    return { status: answer.statusCode, headers: returnedHeaders(answer.headers), body: answer.body };
  } catch (error) {
    throw networkError(error, provider, `${provider === 'claude' ? 'Claude' : provider} at ${baseUrl}`);
  }
}

/** The body to send: the original bytes, or a re-serialised copy when the model, history or limits change. */
export function passThroughBody(call: Pick<PassThroughCall, 'to' | 'request' | 'rawBody'>): Buffer | string {
  const { to, request: body } = call;
  const changes: Record<string, unknown> = {};
  const model = to.kind === 'claude' ? claudeModelFor(body.model, to.model) : to.target.upstreamModel;
  if (model !== body.model) changes.model = model;
  if (Array.isArray(body.messages)) {
    const messages = stripSyntheticThinking(body.messages);
    if (messages !== body.messages) changes.messages = messages;
  }
  const limit = to.kind === 'provider' ? to.target.maxOutputTokens : undefined;
  if (limit !== undefined && typeof body.max_tokens === 'number' && body.max_tokens > limit) changes.max_tokens = limit;
  return Object.keys(changes).length === 0 ? call.rawBody : JSON.stringify({ ...body, ...changes });
}

/** The Claude model a native-Claude call uses: the route's, else the request's Claude id, else the fallback model. */
export function claudeModelFor(requested: unknown, routeModel: string | undefined): string {
  if (routeModel) return routeModel;
  return typeof requested === 'string' && /^claude-\S+$/.test(requested) ? requested : CLAUDE_FALLBACK_MODEL;
}
