// How long a call waits for a provider's response headers before the provider counts as failed (and the
// request falls back to Claude when it may). A streaming provider sends its headers at once, so 30 s of
// nothing means it is down or hung; the old 180 s wait, tried three times, meant nine silent minutes.
// A local Ollama sends its headers only once the model is loaded from disk, which can take a minute or two.
// Non-streaming calls answer only when the whole answer is ready: they keep the pool's longer default.
import type { UpstreamEndpoint } from '../providers/common/provider-adapter.js';

/** A cold Ollama model load (tens of GB from disk) before the first header. */
export const OLLAMA_STREAM_HEADERS_MS = 120_000;

/** Config `providers.<name>.headersTimeoutMs` wins; undefined means the pool's default. */
export function headersTimeoutFor(provider: string, endpoint: UpstreamEndpoint, stream: boolean, streamHeadersMs: number): number | undefined {
  if (endpoint.headersTimeoutMs !== undefined) return endpoint.headersTimeoutMs;
  if (!stream) return undefined;
  return provider === 'ollama' ? OLLAMA_STREAM_HEADERS_MS : streamHeadersMs;
}
