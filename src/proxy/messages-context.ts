// What a /v1/messages request is handed: the run's context (plan, targets, dispatcher, policies, usage sinks)
// and the incoming request. Its own file so the messages handler and the server-tool handler it calls share
// the types without importing each other.
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import type { RoutePlan } from '../routing/route-plan-types.js';
import type { UsageEvent } from '../usage/usage-event.js';
import type { ProviderError } from '../providers/common/provider-error.js';
import type { RetryPolicy } from './fallback-policy.js';
import type { RouteTargets } from './route-targets.js';

export interface MessagesContext {
  plan: RoutePlan;
  /** Model ids of the plan's routes. */
  knownModels: Set<string>;
  targets: RouteTargets;
  dispatcher: Dispatcher;
  /** The user's original ANTHROPIC_BASE_URL, or the public API. */
  claudeBaseUrl: string;
  claudeAvailable: boolean;
  /** The per-run path secret: an `authorization` carrying it is not a Claude credential. */
  secret?: string;
  retry: RetryPolicy;
  pingIntervalMs: number;
  /** Default wait for a provider's headers on a streaming call (config headersTimeoutMs wins). */
  streamHeadersMs: number;
  onUsage?: (event: UsageEvent) => void;
  onFallback?: (message: string) => void;
  /** Spending caps: checked before every upstream call (proxy/budget-gate.ts). */
  budget?: { refusal(): ProviderError | undefined };
}

export interface IncomingMessages {
  body: unknown;
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
  /** Query string with its `?`, or ''. */
  search: string;
}
