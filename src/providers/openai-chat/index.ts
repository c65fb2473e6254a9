// The public API of the OpenAI Chat translators, for the adapter and the proxy.
export type { AnthropicRequestLike } from './anthropic-input.js';
export { decodeOpenAIError, readErrorBody } from './decode-error.js';
export type { OpenAIChatRequest, OpenAIChunk, OpenAIResponse } from './openai-chat-api.js';
export { createOpenAIStreamTranslator, type OpenAIStreamTranslator, type OpenAIStreamTranslatorOptions } from './stream-translator.js';
export { StreamTransformer, transformStreamChunk } from './stream-transformer.js';
export { toolNameMapForRequest } from './tool-name-map.js';
export { transformToOpenAI } from './transform-request.js';
export { transformFromOpenAI, transformFromOpenAIWithUsage, type TranslatedMessage } from './transform-response.js';
