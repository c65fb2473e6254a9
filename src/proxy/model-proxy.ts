// Placeholder with the contract the launcher builds against; the proxy helper replaces the body.
import type { OssConfig } from '../config/config-types.js';
import type { RoutePlan } from '../routing/route-plan-types.js';
import type { UsageEvent } from '../usage/usage-event.js';

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
  /** False when the user has no Anthropic credentials: Claude routes and fallback are off. */
  claudeAvailable?: boolean;
  onUsage?: (event: UsageEvent) => void;
  /** One line for the user, containing "falling back to Claude". */
  onFallback?: (message: string) => void;
}

export class ModelProxy {
  constructor(readonly options: ModelProxyOptions) {}

  /** `http://127.0.0.1:<port>/<secret>`: what claude gets as ANTHROPIC_BASE_URL. */
  get baseUrl(): string {
    throw new Error('proxy not built yet');
  }

  get secret(): string {
    throw new Error('proxy not built yet');
  }

  async start(): Promise<void> {
    throw new Error('proxy not built yet');
  }

  getPort(): number {
    throw new Error('proxy not built yet');
  }

  isRunning(): boolean {
    return false;
  }

  async shutdown(): Promise<void> {}
}
