// The HTTP step every translating adapter shares: POST a JSON body through the proxy's undici pool, turn a
// non-2xx answer into a ProviderError with the format's own decoder, and feed a 2xx body to a stream
// translator. Transport failures become ProviderErrors too (network-error.ts). Memory stays bounded whatever
// the provider sends: a stream is read only as fast as Claude Code takes the translation, and a whole answer,
// an error body or one SSE event is held only up to a size no real provider reaches.
import type { Dispatcher } from 'undici';
import { request } from 'undici';
import type { AdapterCall } from './provider-adapter.js';
import { cutBodyError, networkError } from './network-error.js';
import { ProviderError } from './provider-error.js';
import { UpstreamTooLargeError } from './upstream-too-large.js';

/** A non-streaming answer larger than this is refused (a real one is at most a few MB, images included). */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
/** Only the start of an error body is read: its message is all that is shown. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

export type UpstreamBody = Dispatcher.ResponseData['body'];

/** The parts of an adapter call the HTTP step uses (a web search call has them too). */
export type UpstreamCall = Pick<AdapterCall, 'target' | 'endpoint' | 'signal' | 'dispatcher' | 'headersTimeoutMs' | 'clientReady'>;

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
      ...(call.headersTimeoutMs !== undefined ? { headersTimeout: call.headersTimeoutMs } : {}),
    });
  } catch (error) {
    throw networkError(error, call.target.provider, post.label, post.refusedMessage);
  }
  if (answer.statusCode >= 200 && answer.statusCode < 300) return answer.body;
  const text = await readErrorText(answer.body);
  throw post.decodeError(answer.statusCode, text, flatHeaders(answer.headers));
}

/** The first MAX_ERROR_BODY_BYTES of an error body (the rest is dropped unread); '' if it was cut short. */
export async function readErrorText(body: UpstreamBody): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= MAX_ERROR_BODY_BYTES) break;
    }
  } catch {
    // The error body was cut short: the status alone still classifies it.
    return '';
  }
  return Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY_BYTES).toString('utf8');
}

export interface ChunkSink {
  push(chunk: Uint8Array): void;
  end(): void;
}

/**
 * Feed every chunk to `sink`, then end it, reading the next chunk only once Claude Code has taken what the
 * last one produced. A cut, stalled or oversized body rejects with a ProviderError.
 */
export async function pipeBody(body: UpstreamBody, sink: ChunkSink, call: UpstreamCall, label: string): Promise<void> {
  try {
    for await (const chunk of body as AsyncIterable<Uint8Array>) {
      sink.push(chunk);
      const waiting = call.clientReady?.();
      if (waiting) await waiting;
    }
  } catch (error) {
    if (error instanceof UpstreamTooLargeError) throw tooLarge(call, label, error.what);
    throw cutBodyError(error, call.target.provider, label, call.target.id);
  }
  sink.end();
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** The provider sent more than any real answer holds: stop reading, say so. Retrying would not help. */
function tooLarge(call: UpstreamCall, label: string, what: string): ProviderError {
  return new ProviderError({
    status: 502,
    type: 'api_error',
    message: `${label}: the provider sent ${what}, more than any real answer; oss stopped reading it. Run \`oss models test ${call.target.id}\` to check the provider`,
    retryable: false,
    provider: call.target.provider,
  });
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]));
}

/** The whole JSON body of a non-streaming answer; a cut body rejects with a ProviderError. */
export async function readJson(body: UpstreamBody, call: UpstreamCall, label: string): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_ANSWER_BYTES) throw tooLarge(call, label, `an answer larger than ${megabytes(MAX_ANSWER_BYTES)}`);
      chunks.push(chunk);
    }
  } catch (error) {
    throw cutBodyError(error, call.target.provider, label, call.target.id);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProviderError({ status: 502, type: 'api_error', message: `${label}: the answer is not JSON`, retryable: true, provider: call.target.provider });
  }
}
