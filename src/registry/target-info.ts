// What the proxy tells a translator about one route's model: the upstream id, limits and the capabilities
// that change request shaping. Built once per route at proxy start, never per request.
import { resolveProvider } from '../config/providers.js';
import { CLAUDE_PROVIDER, splitModelId } from '../model-id.js';
import type { OssConfig } from '../config/config-types.js';
import type { ProviderType, TargetModel } from '../providers/common/target.js';
import { isOpenAiReasoningModel } from './catalogue-entry.js';
import { defaultRegistry, type ModelRegistry } from './registry.js';

/**
 * The TargetModel for an oss model id (`<provider>/<model…>`). Unknown models still get a target (the
 * provider decides whether it exists); only the capabilities the catalogue knows are set.
 * Throws nothing: a provider that is neither built in nor declared yields type `openai` (the route plan
 * validates providers before this is called).
 */
export function targetFor(
  modelId: string,
  config: OssConfig,
  env: NodeJS.ProcessEnv = process.env,
  registry: ModelRegistry = defaultRegistry(env),
): TargetModel {
  const split = splitModelId(modelId);
  const provider = split?.provider ?? modelId;
  const upstreamFromId = split?.model ?? modelId;
  const type: ProviderType = provider === CLAUDE_PROVIDER ? 'anthropic' : (resolveProvider(provider, config, env)?.type ?? 'openai');
  const info = registry.getModelInfo(modelId, config);
  const upstreamModel = info?.upstreamModel ?? upstreamFromId;
  const reasoningModel = info?.reasoningModel ?? (provider === 'openai' && isOpenAiReasoningModel(upstreamModel));
  const capabilities: TargetModel['capabilities'] = {
    ...(reasoningModel ? { reasoningModel: true } : {}),
    ...(info && !info.synthetic ? { reasoning: info.reasoning, vision: info.vision, tools: info.tools } : {}),
    ...(provider === 'ollama' ? { noToolChoice: true } : {}),
    ...(type === 'openai' && provider !== 'openai' ? { legacyMaxTokens: true } : {}),
  };
  return {
    id: modelId,
    provider,
    type,
    upstreamModel,
    ...(info?.contextWindow ? { contextWindow: info.contextWindow } : {}),
    ...(info?.maxOutputTokens ? { maxOutputTokens: info.maxOutputTokens } : {}),
    ...(config.providers?.[provider]?.thinkTags === false ? { thinkTags: false } : {}),
    capabilities,
  };
}
