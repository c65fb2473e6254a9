// Helpers for proxy tests: a route plan in one line, a started ModelProxy that is always shut down, and the
// proxy's Fastify app alone for route-level tests driven with inject() (no port, no socket).
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach } from 'vitest';
import type { OssConfig } from '../../src/config/config-types.js';
import type { RoutePlan, AgentRoute } from '../../src/routing/route-plan-types.js';
import { ModelProxy, type ModelProxyOptions } from '../../src/proxy/model-proxy.js';
import { buildServer } from '../../src/proxy/build-server.js';
import { DEFAULT_RETRY } from '../../src/proxy/fallback-policy.js';
import { RouteTargets } from '../../src/proxy/route-targets.js';
import type { RunStatus } from '../../src/proxy/run-status.js';
import { planModels } from '../../src/proxy/select-route.js';
import { createUpstreamPool, DEFAULT_TIMEOUTS } from '../../src/proxy/upstream-pool.js';
import { ANTHROPIC_API_URL } from '../../src/providers/anthropic/pass-through.js';
import { geminiAdapter } from '../../src/providers/gemini/adapter.js';
import { openAIChatAdapter } from '../../src/providers/openai-chat/adapter.js';
import type { UsageEvent } from '../../src/usage/usage-event.js';
import { start as startScripted, type StartOptions, type ScriptedServer } from './scripted-anthropic-server.js';

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

/** The start of the code-reviewer agent's file, as the captured subagent requests' system prompts carry it. */
export const REVIEWER_BODY = 'SUBAGENT-MARKER: You are a meticulous code reviewer. Review what you are asked to review and report briefly.';

/** A plan with a background model of its own and two agents, as the routing tests use it. */
export const AGENTS_PLAN: RoutePlan = planFor('openrouter/deepseek/deepseek-chat', {
  background: { model: 'ollama/llama3.2', source: 'user' },
  agents: [
    { name: 'code-reviewer', model: 'ollama/codellama', source: 'user', body: REVIEWER_BODY },
    { name: 'writer', model: 'gemini/gemini-2.0-flash', source: 'user', body: 'You write docs.' },
  ],
});

export interface StartedProxy {
  proxy: ModelProxy;
  /** What the proxy measured per request, without the price onUsage carries with it (test/launcher/priced-once.test.ts). */
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
    onUsage: ({ cost_usd: _cost, unpriced: _unpriced, ...event }) => usage.push(event),
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

export interface ProxySession<Upstream> {
  upstream?: Upstream;
  running?: StartedProxy;
  /** Close this too after the test (any further upstream the test starts). */
  later(close: () => Promise<unknown> | unknown): void;
  /** A scripted Anthropic server (Claude, or an `anthropic`-type gateway), closed after the test. */
  anthropic(options?: StartOptions): Promise<ScriptedServer>;
  /** startProxy, kept as `running` and shut down after the test. */
  startProxy(options: Partial<ModelProxyOptions> & { plan: RoutePlan }): Promise<StartedProxy>;
}

/**
 * The scripted upstreams and the proxy one test starts, shut down after each test: set `session.upstream` and
 * `session.running` in the test (or use its starters), and the proxy's port and every upstream are freed
 * whatever the test did.
 */
export function closeAfterEach<Upstream extends { close(): Promise<unknown> } = ScriptedServer>(): ProxySession<Upstream> {
  const closers: Array<() => Promise<unknown> | unknown> = [];
  const session: ProxySession<Upstream> = {
    later: (close) => void closers.push(close),
    anthropic: async (options = {}) => {
      const server = await startScripted(options);
      closers.push(() => server.close());
      return server;
    },
    startProxy: async (options) => (session.running = await startProxy(options)),
  };
  afterEach(async () => {
    await session.running?.proxy.shutdown();
    await session.upstream?.close();
    await Promise.all(closers.splice(0).map((close) => close()));
    session.running = undefined;
    session.upstream = undefined;
  });
  return session;
}

/** The Host every injected request carries unless a test sets another: the loopback address being served. */
export const INJECT_PORT = 41234;

export interface InjectedProxy {
  app: FastifyInstance;
  secret: string;
  usage: UsageEvent[];
  fallbacks: string[];
  /** inject() with the path under the secret and Claude Code's usual headers (a POST's JSON content type). */
  request(options: { method?: InjectOptions['method']; path: string; payload?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

/**
 * The proxy's Fastify app as ModelProxy builds it (guards, body parser, routes, error handlers), never
 * listening: for route-level tests through inject(). Its upstream pool is real, so a request that reaches a
 * provider goes to a scripted one on loopback. Closed after the file.
 */
export function injectableProxy(options: { plan: RoutePlan; config?: OssConfig; env?: NodeJS.ProcessEnv; claudeAvailable?: boolean; status?: () => RunStatus; secret?: string }): InjectedProxy {
  const secret = options.secret ?? 's3cret-path';
  const env = options.env ?? {};
  const usage: UsageEvent[] = [];
  const fallbacks: string[] = [];
  const pool = createUpstreamPool(DEFAULT_TIMEOUTS);
  const app = buildServer({
    secret,
    port: () => INJECT_PORT,
    plan: options.plan,
    messages: {
      plan: options.plan,
      knownModels: planModels(options.plan),
      targets: new RouteTargets(options.config ?? {}, env, { openai: openAIChatAdapter, gemini: geminiAdapter }),
      dispatcher: pool,
      claudeBaseUrl: env.ANTHROPIC_BASE_URL || ANTHROPIC_API_URL,
      claudeAvailable: options.claudeAvailable !== false,
      secret,
      retry: { ...DEFAULT_RETRY, ...FAST_TUNING.retry },
      pingIntervalMs: FAST_TUNING.pingIntervalMs,
      streamHeadersMs: DEFAULT_TIMEOUTS.streamHeadersMs,
      onUsage: (event) => usage.push(event),
      onFallback: (message) => fallbacks.push(message),
    },
    ...(options.status ? { status: options.status } : {}),
  });
  afterAll(async () => {
    await app.close();
    await pool.destroy();
  });
  return {
    app,
    secret,
    usage,
    fallbacks,
    request: ({ method = 'POST', path, payload, headers = {} }) =>
      app.inject({
        method,
        url: `/${secret}${path}`,
        headers: {
          host: `127.0.0.1:${INJECT_PORT}`,
          ...(method === 'POST' ? { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' } : {}),
          ...headers,
        },
        ...(payload === undefined ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
      }),
  };
}

/** An injected reply as one value to compare whole: status, the headers that matter, and the JSON body. */
export function replyOf(response: LightMyRequestResponse, headers: string[] = ['x-should-retry']): Record<string, unknown> {
  const picked = Object.fromEntries(headers.map((name) => [name, response.headers[name]]));
  return { status: response.statusCode, ...picked, body: response.json() as unknown };
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

/**
 * One real HTTP exchange on loopback whose answer `write` makes on Node's own ServerResponse: for the reply
 * writers (anthropic-error-reply.ts, warmup-reply.ts, keep-alive.ts) without a proxy around them.
 */
export async function answeredBy(write: (res: ServerResponse) => void | Promise<void>): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const server = createServer((_req, res) => void write(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const headers = Object.fromEntries([...response.headers].filter(([name]) => !['date', 'transfer-encoding', 'keep-alive', 'content-length'].includes(name)));
    return { status: response.status, headers, body: await response.text() };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
