// Everything the proxy needs to call one route's model, built once per model (at start for the plan's
// routes, on first use for another oss id a request names) and never per request: the translator's
// TargetModel, the provider's base URL, its key, and the adapter that speaks its wire format.
import type { OssConfig } from '../config/config-types.js';
import { resolveProvider, type ProviderInfo } from '../config/providers.js';
import { getApiKey } from '../config/credentials.js';
import { CLAUDE_PROVIDER, splitModelId } from '../model-id.js';
import { targetFor } from '../registry/target-info.js';
import type { ProviderAdapter, UpstreamEndpoint } from '../providers/common/provider-adapter.js';
import type { ProviderType, TargetModel } from '../providers/common/target.js';
import { ProviderError } from '../providers/common/provider-error.js';
import { proxyError } from './anthropic-error-reply.js';
import { translatedAdapter } from './translated-adapter.js';

export type RouteTarget =
  /** Native Claude with the user's own credentials. `claudeModel` is set for `claude/<id>`. */
  | { kind: 'claude'; model: string; provider: 'claude'; claudeModel?: string }
  /** A provider that speaks Anthropic: pass-through with its own key. */
  | { kind: 'anthropic'; model: string; provider: string; target: TargetModel; endpoint: UpstreamEndpoint; keyError?: ProviderError }
  /** A provider reached through a translator. */
  | { kind: 'translated'; model: string; provider: string; target: TargetModel; endpoint: UpstreamEndpoint; adapter: ProviderAdapter; keyError?: ProviderError };

export type AdapterTable = Record<Exclude<ProviderType, 'anthropic'>, ProviderAdapter>;

export class RouteTargets {
  private readonly cache = new Map<string, Promise<RouteTarget>>();

  constructor(
    private readonly config: OssConfig,
    private readonly env: NodeJS.ProcessEnv,
    private readonly adapters: AdapterTable,
  ) {}

  /** The target for an oss model id; rejects with a 404 ProviderError for an unknown provider. */
  resolve(model: string): Promise<RouteTarget> {
    let found = this.cache.get(model);
    if (!found) {
      found = this.build(model);
      this.cache.set(model, found);
      // A failed lookup is not cached for good: the next request may name a fixed config.
      found.catch(() => this.cache.delete(model));
    }
    return found;
  }

  private async build(model: string): Promise<RouteTarget> {
    const split = splitModelId(model);
    if (split?.provider === CLAUDE_PROVIDER) {
      return { kind: 'claude', model, provider: 'claude', ...(split.model ? { claudeModel: split.model } : {}) };
    }
    const provider = split ? resolveProvider(split.provider, this.config, this.env) : undefined;
    if (!provider) {
      throw proxyError(404, 'not_found_error', `oss: unknown model "${model}": use <provider>/<model> with a built-in or configured provider (see \`oss models list\`)`);
    }
    const target = targetFor(model, this.config, this.env);
    const apiKey = await getApiKey(provider.name, this.config, this.env);
    const endpoint: UpstreamEndpoint = {
      baseUrl: apiBaseUrl(provider),
      headers: provider.headers,
      ...(apiKey ? { apiKey } : {}),
      ...(provider.headersTimeoutMs !== undefined ? { headersTimeoutMs: provider.headersTimeoutMs } : {}),
    };
    const keyError = provider.keyEnv.length > 0 && !apiKey ? missingKey(provider) : undefined;
    const common = { model, provider: provider.name, target, endpoint, ...(keyError ? { keyError } : {}) };
    if (provider.type === 'anthropic') return { kind: 'anthropic', ...common };
    return { kind: 'translated', ...common, adapter: translatedAdapter(this.adapters[provider.type]) };
  }
}

/** Ollama's base URL is the server root; its OpenAI-compatible API lives under /v1. */
function apiBaseUrl(provider: ProviderInfo): string {
  return provider.name === 'ollama' && provider.type === 'openai' && !provider.baseUrl.endsWith('/v1') ? `${provider.baseUrl}/v1` : provider.baseUrl;
}

function missingKey(provider: ProviderInfo): ProviderError {
  return new ProviderError({
    status: 401,
    type: 'authentication_error',
    message: `no API key for ${provider.name}: set ${provider.keyEnv.join(' or ')} or run \`oss models keys set ${provider.name}\``,
    retryable: false,
    provider: provider.name,
  });
}
