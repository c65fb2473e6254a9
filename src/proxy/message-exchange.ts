// One /v1/messages request being answered: the run's context, the request as it came and as parsed, the reply
// and the signal that fires when Claude Code leaves. The messages handler's MessageRun and the server-tool
// handler's ServerToolRun both work from it, and build a relayed call from it the same way.
import type { ServerResponse } from 'node:http';
import type { PassThroughCall, PassThroughTarget } from '../providers/anthropic/pass-through.js';
import type { IncomingMessages, MessagesContext } from './messages-context.js';

export interface MessageExchange {
  ctx: MessagesContext;
  incoming: IncomingMessages;
  /** `incoming.body`, checked to be a Messages request. */
  body: Record<string, unknown>;
  res: ServerResponse;
  /** Aborted when Claude Code leaves. */
  signal: AbortSignal;
}

/** The request as Claude Code sent it, relayed to `to` (Claude, or an Anthropic-compatible provider). */
export function passThroughCall(exchange: MessageExchange, to: PassThroughTarget, headersTimeoutMs?: number): PassThroughCall {
  return {
    ...(headersTimeoutMs !== undefined ? { headersTimeoutMs } : {}),
    to,
    request: exchange.body,
    rawBody: exchange.incoming.rawBody,
    incomingHeaders: exchange.incoming.headers,
    search: exchange.incoming.search,
    signal: exchange.signal,
    dispatcher: exchange.ctx.dispatcher,
  };
}
