// The per-run proxy: Fastify on 127.0.0.1 (kernel-chosen port unless one is asked for), routes under a
// random path secret, one undici pool for every upstream. Starts and stops in milliseconds; shutdown()
// closes every connection, open streams included, and frees the port. It prices each request once as it
// ends (usage/cost.ts), keeps the run's totals of those in memory (usage/run-meter.ts) for the spending caps
// (budget-gate.ts) and the status line (run-status.ts), and hands the same priced record to onUsage (the
// run's summary line and ledger, or `oss serve`'s).
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Agent } from 'undici';
import { OssError } from '../errors.js';
import type { OssConfig } from '../config/config-types.js';
import type { RoutePlan } from '../routing/route-plan-types.js';
import { ANTHROPIC_API_URL } from '../providers/anthropic/pass-through.js';
import { openAIChatAdapter } from '../providers/openai-chat/adapter.js';
import { geminiAdapter } from '../providers/gemini/adapter.js';
import { defaultRegistry, type ModelRegistry } from '../registry/registry.js';
import { priceUsage, type PricedUsage } from '../usage/cost.js';
import { dayTotalUsd } from '../usage/day-total.js';
import { localDate } from '../usage/ledger.js';
import { RunMeter } from '../usage/run-meter.js';
import { BudgetGate } from './budget-gate.js';
import { buildServer } from './build-server.js';
import { DEFAULT_RETRY, type RetryPolicy } from './fallback-policy.js';
import { RouteTargets } from './route-targets.js';
import { routeName, runStatus, type RunStatus } from './run-status.js';
import { planModels } from './select-route.js';
import { STATUS_PATH } from './status-route.js';
import { createUpstreamPool, DEFAULT_TIMEOUTS, type UpstreamTimeouts } from './upstream-pool.js';
import type { HeldListener } from './held-listener.js';

export interface ModelProxyOptions {
  plan: RoutePlan;
  /** Merged config (providers, pricing, models). */
  config: OssConfig;
  /** The user's environment: provider keys, base URLs, their original ANTHROPIC_BASE_URL. */
  env: NodeJS.ProcessEnv;
  /** Fixed path secret (oss serve --secret); random otherwise. */
  secret?: string;
  /** Fixed port (oss serve --port); kernel-chosen otherwise. */
  port?: number;
  /**
   * False turns Claude routes and fallback off for every request. Left out, each request decides: Claude Code's
   * own credential is relayed to Anthropic; the placeholder token (the secret) means it has none.
   */
  claudeAvailable?: boolean;
  /** Each request's usage, priced once here: the same record the meter counted. */
  onUsage?: (usage: PricedUsage) => void;
  /** One line for the user, containing "falling back to Claude". */
  onFallback?: (message: string) => void;
  /**
   * A port already bound (held-listener.ts), whose waiting requests the proxy serves once started: `oss run`
   * binds it and spawns claude before loading the proxy. `port` is then ignored; shutdown() closes it.
   */
  listener?: HeldListener;
  /** Timings; the defaults suit real use, tests shorten them. */
  tuning?: ProxyTuning;
}

export interface ProxyTuning {
  /** Silence before a `ping` (or, before any content, a keep-alive comment) is sent to Claude Code (default 10 s). */
  pingIntervalMs?: number;
  retry?: Partial<RetryPolicy>;
  timeouts?: Partial<UpstreamTimeouts>;
  /** Connections per upstream origin (default 32). */
  poolConnections?: number;
}

export const DEFAULT_PING_INTERVAL_MS = 10_000;

export class ModelProxy {
  private app: FastifyInstance | undefined;
  private pool: Agent | undefined;
  private port = 0;
  private readonly pathSecret: string;
  /** The run's priced totals, kept as requests end: for the budget and the status line. */
  private readonly meter: RunMeter;
  private gate: BudgetGate | undefined;
  private registry: ModelRegistry | undefined;

  constructor(readonly options: ModelProxyOptions) {
    this.pathSecret = options.secret ?? randomBytes(18).toString('base64url');
    this.meter = new RunMeter((event) => routeName(options.plan, event));
  }

  /** The registry, looked up once (the lookup checks the model cache's file): pricing a request stays in memory. */
  private prices(): ModelRegistry {
    return (this.registry ??= defaultRegistry(this.options.env));
  }

  /** Where `oss statusline` reads the run's live totals (given to claude as OSS_STATUS_URL). */
  get statusUrl(): string {
    return `${this.baseUrl}${STATUS_PATH}`;
  }

  status(): RunStatus {
    return runStatus(this.options.plan, this.meter, this.gate);
  }

  /** The budget message for the exit summary, when a cap stopped some request. */
  budgetNotice(): string | undefined {
    return this.gate?.finalNotice();
  }

  /** `http://127.0.0.1:<port>/<secret>`: what claude gets as ANTHROPIC_BASE_URL. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.getPort()}/${this.pathSecret}`;
  }

  get secret(): string {
    return this.pathSecret;
  }

  async start(): Promise<void> {
    if (this.app) return;
    const { options } = this;
    const tuning = options.tuning ?? {};
    const timeouts = { ...DEFAULT_TIMEOUTS, ...tuning.timeouts };
    const pool = createUpstreamPool(timeouts, tuning.poolConnections);
    const targets = new RouteTargets(options.config, options.env, { openai: openAIChatAdapter, gemini: geminiAdapter });
    const knownModels = planModels(options.plan);
    this.prices();
    const budget = options.plan.budget;
    // The day's spending is read once, here: the per-request check uses only the in-memory meter.
    const today = budget?.daily ? await dayTotalUsd(options.env, localDate(Date.now())) : 0;
    this.gate = budget ? new BudgetGate(budget, this.meter, today) : undefined;
    const meter = this.meter;
    // Every route's target is built now, so a request only looks one up (a failure is answered per request).
    await Promise.all([...knownModels].map((model) => targets.resolve(model).catch(() => undefined)));
    const listener = options.listener;
    let requestHandler: Parameters<HeldListener['attach']>[0] = () => undefined;
    const app = buildServer({
      ...(listener
        ? {
            serverFactory: (handler) => {
              requestHandler = handler;
              return listener.server;
            },
          }
        : {}),
      secret: this.pathSecret,
      port: () => this.port,
      plan: options.plan,
      messages: {
        plan: options.plan,
        knownModels,
        targets,
        dispatcher: pool,
        claudeBaseUrl: options.env.ANTHROPIC_BASE_URL || ANTHROPIC_API_URL,
        claudeAvailable: options.claudeAvailable !== false,
        secret: this.pathSecret,
        retry: { ...DEFAULT_RETRY, ...tuning.retry },
        pingIntervalMs: tuning.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS,
        streamHeadersMs: Math.min(timeouts.streamHeadersMs, timeouts.headersMs),
        onUsage: (event) => {
          const priced = priceUsage(event, (id, config) => this.prices().getPricing(id, config), options.config);
          meter.record(priced);
          options.onUsage?.(priced);
        },
        ...(options.onFallback ? { onFallback: options.onFallback } : {}),
        ...(this.gate ? { budget: this.gate } : {}),
      },
      status: () => this.status(),
    });
    if (listener) {
      try {
        await app.ready();
      } catch (error) {
        await Promise.all([app.close(), pool.destroy()]);
        throw error;
      }
      this.port = listener.port;
      this.app = app;
      this.pool = pool;
      listener.attach(requestHandler);
      return;
    }
    try {
      await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
    } catch (error) {
      await Promise.all([app.close(), pool.destroy()]);
      const reason = error instanceof Error ? error.message : String(error);
      throw new OssError(`could not start the proxy on 127.0.0.1:${options.port ?? 0} (${reason}); pick another --port, or leave it out for a free one`);
    }
    this.port = (app.server.address() as AddressInfo).port;
    this.app = app;
    this.pool = pool;
  }

  getPort(): number {
    if (this.options.listener) return this.options.listener.port;
    if (!this.app) throw new Error('the proxy is not running: call start() first');
    return this.port;
  }

  isRunning(): boolean {
    return this.app !== undefined;
  }

  async shutdown(): Promise<void> {
    const { app, pool } = this;
    this.app = undefined;
    this.pool = undefined;
    // forceCloseConnections ends open streams; destroying the pool cuts the upstream side of them.
    await Promise.all([app?.close(), pool?.destroy(), this.options.listener?.close()]);
  }
}
