// What the proxy hands a provider adapter, and what the adapter gives back. Each wire format has one adapter
// file (the only I/O in providers/): it builds the upstream request with a pure translator, sends it with
// undici, and turns the answer into Anthropic events or an Anthropic message. Failures are ProviderErrors.
import type { Dispatcher } from 'undici';
import type { AnthropicRequest } from './anthropic-types.js';
import type { AnthropicStreamWriter } from './anthropic-stream-writer.js';
import type { TargetModel } from './target.js';
import type { TranslatedUsage } from './upstream-usage.js';

/** Where and how to reach one provider. The key belongs to this provider and goes nowhere else. */
export interface UpstreamEndpoint {
  /** Base URL without a trailing slash (for Ollama: the server root; the adapter adds /v1). */
  baseUrl: string;
  apiKey?: string;
  /** Extra headers the user configured for this provider. */
  headers: Record<string, string>;
  /** Config `providers.<name>.headersTimeoutMs`: how long to wait for the provider's response headers. */
  headersTimeoutMs?: number;
}

export interface AdapterCall {
  request: AnthropicRequest;
  target: TargetModel;
  endpoint: UpstreamEndpoint;
  stream: boolean;
  /** Cheap input-token estimate (from the body's length), for message_start and error texts. */
  inputTokenEstimate: number;
  signal: AbortSignal;
  dispatcher: Dispatcher;
  /** Longest wait for the provider's response headers; the pool's default when absent. */
  headersTimeoutMs?: number;
  /** A promise while Claude Code has not yet taken what was written to it: read no more upstream until then. */
  clientReady?: () => Promise<void> | undefined;
}

/** An upstream that answered 2xx: nothing has been sent to Claude Code yet. */
export interface OpenedUpstream {
  /** Translate the upstream stream into `writer` until it ends. Throws a ProviderError on a transport failure. */
  pipe(writer: AnthropicStreamWriter): Promise<TranslatedUsage>;
  /** The whole answer of a non-streaming call: an Anthropic `message` object, ready to send. */
  message(): Promise<{ message: object; usage: TranslatedUsage }>;
}

/** Send the request; resolves once the upstream answered 2xx headers, rejects with a ProviderError otherwise. */
export type ProviderAdapter = (call: AdapterCall) => Promise<OpenedUpstream>;
