// Public API of the Gemini translator, for the proxy and the Gemini adapter. Everything here is pure.
export type * from './gemini-api.js';
export { transformToGemini, type GeminiRequestOptions, type GeminiSourceRequest } from './transform-request.js';
export { geminiToolNameMap, type GeminiSchemaMode } from './prepare-tools.js';
export { transformFromGemini, type TranslatedMessage, type TranslatedContentBlock } from './transform-response.js';
export { createGeminiStreamTranslator, type GeminiStreamTranslator, type GeminiStreamTranslatorOptions } from './stream-translator.js';
export { decodeGeminiError, decodeGeminiStreamError } from './decode-error.js';
export { convertGeminiUsage } from './convert-usage.js';
export { sanitizeSchemaForGemini } from './sanitize-schema.js';
export { isGemini3OrLater } from './model-generation.js';
