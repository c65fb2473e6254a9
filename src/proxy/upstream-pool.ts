// One undici Agent per proxy: it keeps a keep-alive connection pool per upstream origin, so a run's requests
// to one provider reuse warm connections. Timeouts bound every phase; close() ends every socket.
import { Agent } from 'undici';

export interface UpstreamTimeouts {
  /** TCP + TLS connect. */
  connectMs: number;
  /** Request sent → response headers, for native Claude and non-streaming calls. */
  headersMs: number;
  /**
   * Request sent → response headers for a streaming call to a provider (config headersTimeoutMs wins). A
   * provider that streams sends its headers at once; one that has not after this long is treated as down.
   */
  streamHeadersMs: number;
  /** Longest silence between two body chunks. */
  bodyIdleMs: number;
}

export const DEFAULT_TIMEOUTS: UpstreamTimeouts = { connectMs: 10_000, headersMs: 180_000, streamHeadersMs: 30_000, bodyIdleMs: 180_000 };

/** Connections per upstream origin; requests beyond wait in the pool's queue (kept alive meanwhile). */
export const POOL_CONNECTIONS = 32;

export function createUpstreamPool(timeouts: UpstreamTimeouts, connections = POOL_CONNECTIONS): Agent {
  return new Agent({
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyIdleMs,
    keepAliveTimeout: 30_000,
    connections,
  });
}
