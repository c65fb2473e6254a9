// Placeholder until the openai-chat translators land: every call fails as a provider that cannot be reached.
import type { ProviderAdapter } from '../shared/provider-adapter.js';
import { ProviderError } from '../shared/provider-error.js';

export const openAIChatAdapter: ProviderAdapter = async (call) => {
  throw new ProviderError({ status: 502, type: 'api_error', message: `${call.target.id}: adapter not built yet`, retryable: false, provider: call.target.provider });
};
