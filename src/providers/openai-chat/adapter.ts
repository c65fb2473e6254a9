// The OpenAI-compatible adapter (OpenAI, OpenRouter, Ollama's /v1, LM Studio, vLLM, …): the only I/O for
// this wire format. Bearer auth with the provider's own key; OpenRouter also gets app attribution headers
// and reports `usage.cost`; a refused connection to Ollama says how to start it.
import type { AdapterCall, ProviderAdapter } from '../common/provider-adapter.js';
import { pipeBody, postUpstream, readJson } from '../common/upstream-http.js';
import { decodeOpenAIError } from './decode-error.js';
import type { OpenAIResponse } from './openai-chat-api.js';
import { createOpenAIStreamTranslator } from './stream-translator.js';
import { toolNameMapForRequest } from './tool-name-map.js';
import { transformToOpenAI } from './transform-request.js';
import { transformFromOpenAIWithUsage } from './transform-response.js';

/** OpenRouter app attribution; a user can override both in config `providers.openrouter.headers`. */
export const OPENROUTER_ATTRIBUTION = { 'HTTP-Referer': 'http://localhost/oss', 'X-Title': 'oss', 'X-OpenRouter-Title': 'oss' };

function protocolHeaders(call: AdapterCall): Record<string, string> {
  return call.target.provider === 'openrouter' ? OPENROUTER_ATTRIBUTION : {};
}

/** How to start the built-in local servers other than Ollama, said when nothing answers. */
const LOCAL_SERVERS: Record<string, string> = {
  lmstudio: "start LM Studio's local server (Developer tab, or `lms server start`)",
  vllm: 'start it with `vllm serve <model>`',
};

/** Ollama's server root, for messages (its OpenAI API lives under /v1). */
function ollamaRoot(baseUrl: string): string {
  return baseUrl.replace(/\/v1$/, '');
}

export const openAIChatAdapter: ProviderAdapter = async (call) => {
  const { target, endpoint } = call;
  const label = `${target.id} at ${endpoint.baseUrl}`;
  const toolNames = toolNameMapForRequest(call.request);
  const { inputTokenEstimate } = call;
  const body = await postUpstream({
    call,
    url: `${endpoint.baseUrl}/chat/completions`,
    headers: protocolHeaders(call),
    auth: endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {},
    body: transformToOpenAI(call.request, target, toolNames),
    label,
    ...(target.provider === 'ollama'
      ? { refusedMessage: `Ollama not running at ${ollamaRoot(endpoint.baseUrl)}: start it with \`ollama serve\`` }
      : LOCAL_SERVERS[target.provider]
        ? { refusedMessage: `${target.provider} not running at ${endpoint.baseUrl}: ${LOCAL_SERVERS[target.provider]}` }
        : {}),
    decodeError: (status, text, headers) => decodeOpenAIError(status, text, headers, target, { promptTokenEstimate: inputTokenEstimate }),
  });
  return {
    async pipe(writer) {
      const translator = createOpenAIStreamTranslator({ target, writer, toolNames, inputTokenEstimate, thinkTags: target.thinkTags !== false });
      await pipeBody(body, translator, call, label);
      return translator.usage;
    },
    async message() {
      return transformFromOpenAIWithUsage((await readJson(body, call, label)) as OpenAIResponse, target, { toolNames, inputTokenEstimate, thinkTags: target.thinkTags !== false });
    },
  };
};
