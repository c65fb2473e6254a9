// The HTTP step every translating adapter shares: POST a JSON body through the proxy's undici pool, turn a
// non-2xx answer into a ProviderError with the format's own decoder, and feed a 2xx body to a stream
// translator. Transport failures become ProviderErrors too (network-error.ts).
import type { Dispatcher } from 'undici';
import { request } from 'undici';
import type { AdapterCall } from './provider-adapter.js';
import { cutBodyError, networkError } from './network-error.js';
import { ProviderError } from './provider-error.js';

export type UpstreamBody = Dispatcher.ResponseData['body'];

/** The parts of an adapter call the HTTP step uses (a web search call has them too). */
export type UpstreamCall = Pick<AdapterCall, 'target' | 'endpoint' | 'signal' | 'dispatcher'>;

export interface UpstreamPost {
  call: UpstreamCall;
  url: string;
  /** Headers of the provider's protocol; the user's configured headers may override them. */
  headers: Record<string, string>;
  /** The provider's own key, sent last so nothing overrides it. */
  auth: Record<string, string>;
  body: unknown;
  /** What a message names, e.g. `openrouter/deepseek/deepseek-chat at https://openrouter.ai/api/v1`. */
  label: string;
  /** Wording for a refused connection (Ollama: "start it with `ollama serve`"). */
  refusedMessage?: string;
  decodeError: (status: number, bodyText: string, headers: Record<string, string | undefined>) => ProviderError;
}

/** Resolves with the body of a 2xx answer; rejects with a ProviderError otherwise. */
export async function postUpstream(post: UpstreamPost): Promise<UpstreamBody> {
  const { call } = post;
  let answer: Dispatcher.ResponseData;
  try {
    answer = await request(post.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...post.headers, ...call.endpoint.headers, ...post.auth },
      body: JSON.stringify(post.body),
      signal: call.signal,
      dispatcher: call.dispatcher,
    });
  } catch (error) {
    throw networkError(error, call.target.provider, post.label, post.refusedMessage);
  }
  if (answer.statusCode >= 200 && answer.statusCode < 300) return answer.body;
  let text = '';
  try {
    text = await answer.body.text();
  } catch {
    // The error body was cut short: the status alone still classifies it.
  }
  throw post.decodeError(answer.statusCode, text, flatHeaders(answer.headers));
}

export interface ChunkSink {
  push(chunk: Uint8Array): void;
  end(): void;
}

/** Feed every chunk to `sink`, then end it. A cut or stalled body rejects with a ProviderError. */
export async function pipeBody(body: UpstreamBody, sink: ChunkSink, call: UpstreamCall, label: string): Promise<void> {
  try {
    for await (const chunk of body as AsyncIterable<Uint8Array>) sink.push(chunk);
  } catch (error) {
    throw cutBodyError(error, call.target.provider, label, call.target.id);
  }
  sink.end();
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]));
}

/** The whole JSON body of a non-streaming answer; a cut body rejects with a ProviderError. */
export async function readJson(body: UpstreamBody, call: UpstreamCall, label: string): Promise<unknown> {
  let text: string;
  try {
    text = await body.text();
  } catch (error) {
    throw cutBodyError(error, call.target.provider, label, call.target.id);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProviderError({ status: 502, type: 'api_error', message: `${label}: the answer is not JSON`, retryable: true, provider: call.target.provider });
  }
}
