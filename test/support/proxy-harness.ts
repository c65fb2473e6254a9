// Helpers for proxy tests: a route plan in one line, and a started ModelProxy that is always shut down.
import { afterEach } from 'vitest';
import type { RoutePlan, AgentRoute } from '../../src/routing/route-plan-types.js';
import { ModelProxy, type ModelProxyOptions } from '../../src/proxy/model-proxy.js';
import type { UsageEvent } from '../../src/usage/usage-event.js';

export function planFor(main: string, extra: Partial<Omit<RoutePlan, 'main'>> & { agents?: AgentRoute[] } = {}): RoutePlan {
  return {
    prompt: { type: 'command', name: 'oss:ship' },
    main: { model: main, source: 'cli' },
    background: { model: main, source: 'default' },
    agents: [],
    fallback: true,
    ...extra,
  };
}

export interface StartedProxy {
  proxy: ModelProxy;
  usage: UsageEvent[];
  fallbacks: string[];
  /** POST a JSON body to `<baseUrl><path>` with Claude Code's usual headers. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
}

const FAST_TUNING = { pingIntervalMs: 10_000, retry: { baseDelayMs: 5, maxTotalWaitMs: 200 } };

export async function startProxy(options: Partial<ModelProxyOptions> & { plan: RoutePlan }): Promise<StartedProxy> {
  const usage: UsageEvent[] = [];
  const fallbacks: string[] = [];
  const proxy = new ModelProxy({
    config: {},
    env: {},
    onUsage: (event) => usage.push(event),
    onFallback: (message) => fallbacks.push(message),
    tuning: FAST_TUNING,
    ...options,
  });
  await proxy.start();
  return {
    proxy,
    usage,
    fallbacks,
    post: (path, body, headers = {}) =>
      fetch(`${proxy.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}

/**
 * The scripted upstream and the proxy one test starts, shut down after each test: set `session.upstream` and
 * `session.running` in the test, and the proxy's port and the upstream are freed whatever the test did.
 */
export function closeAfterEach<Upstream extends { close(): Promise<unknown> }>(): { upstream?: Upstream; running?: StartedProxy } {
  const session: { upstream?: Upstream; running?: StartedProxy } = {};
  afterEach(async () => {
    await session.running?.proxy.shutdown();
    await session.upstream?.close();
    session.running = undefined;
    session.upstream = undefined;
  });
  return session;
}

export const HELLO = { model: 'claude-opus-5-5', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'Hello' }] };

/** Wait (polling) until `condition` holds; for "the upstream has the request now" without sleeps. */
export async function until(condition: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A usage event with its timings and arrival time replaced by placeholders, so the rest can be compared exactly. */
export function withoutTimings(event: UsageEvent | undefined): Record<string, unknown> | undefined {
  if (!event) return undefined;
  for (const field of ['latency_ms', 'ttfb_ms', 'at'] as const) {
    if (!Number.isFinite(event[field]) || event[field] < 0) throw new Error(`usage ${field} is not a time: ${String(event[field])}`);
  }
  return { ...event, latency_ms: '<ms>', ttfb_ms: '<ms>', at: '<time>' };
}
