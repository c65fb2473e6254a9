// Errors as Claude Code understands them: `{type:"error", error:{type, message}}` with a matching status,
// `x-should-retry: false` when retrying cannot help (Claude Code then fails in seconds instead of retrying for
// ~3 minutes), and `retry-after` ≤ 60 s (more and Claude Code gives up at once).
import type { ServerResponse } from 'node:http';
import { ProviderError, type AnthropicErrorType } from '../providers/common/provider-error.js';
import { capRetryAfter } from '../providers/common/retry-after.js';

export function proxyError(status: number, type: AnthropicErrorType, message: string, retryable = false): ProviderError {
  return new ProviderError({ status, type, message, retryable });
}

/** Any thrown value as an Anthropic-shaped error: ours as they are, anything else a retryable 500. */
export function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  return proxyError(500, 'api_error', `oss proxy: ${error instanceof Error ? error.message : String(error)}`, true);
}

export function errorHeaders(error: ProviderError): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!error.retryable) headers['x-should-retry'] = 'false';
  if (error.retryAfter !== undefined) {
    headers['retry-after'] = String(capRetryAfter(error.retryAfter));
  }
  return headers;
}

/**
 * Write the error as the whole HTTP answer. When keep-alive comments already sent a 200 and SSE headers, it
 * becomes the stream's `event: error` (Claude Code retries such a stream, streaming then not).
 */
export function writeErrorReply(res: ServerResponse, error: ProviderError): void {
  if (res.destroyed) return;
  if (res.headersSent) {
    const sse = String(res.getHeader('content-type') ?? '').startsWith('text/event-stream');
    if (sse && !res.writableEnded) res.write(`event: error\ndata: ${JSON.stringify(error.toBody())}\n\n`);
    res.end();
    return;
  }
  res.writeHead(error.status, errorHeaders(error));
  res.end(JSON.stringify(error.toBody()));
}
