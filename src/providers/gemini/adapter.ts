// The Gemini adapter: the only I/O for Gemini. Translates with the pure functions in this folder and calls
// `models/<m>:streamGenerateContent?alt=sse` or `:generateContent` with the key in `x-goog-api-key` (never in
// the URL, where it could end up in logs).
import type { ProviderAdapter } from '../common/provider-adapter.js';
import { pipeBody, postUpstream, readJson } from '../common/upstream-http.js';
import type { GeminiResponse } from './gemini-api.js';
import { decodeGeminiError } from './decode-error.js';
import { geminiToolNameMap } from './prepare-tools.js';
import { createGeminiStreamTranslator } from './stream-translator.js';
import { transformToGemini } from './transform-request.js';
import { transformFromGemini } from './transform-response.js';

export const geminiAdapter: ProviderAdapter = async (call) => {
  const { target, endpoint } = call;
  const model = target.upstreamModel.replace(/^models\//, '');
  const method = call.stream ? 'streamGenerateContent?alt=sse' : 'generateContent';
  const label = `${target.id} at ${endpoint.baseUrl}`;
  const toolNames = geminiToolNameMap(call.request);
  const body = await postUpstream({
    call,
    // The model id is one path segment: `gemini/../../x` must not reach other paths on the host with the key.
    url: `${endpoint.baseUrl}/models/${encodeURIComponent(model)}:${method}`,
    headers: {},
    auth: endpoint.apiKey ? { 'x-goog-api-key': endpoint.apiKey } : {},
    body: transformToGemini(call.request, target),
    label,
    decodeError: (status, text, headers) => decodeGeminiError(status, text, headers, target),
  });
  return {
    async pipe(writer) {
      const translator = createGeminiStreamTranslator({ target, writer, toolNames });
      await pipeBody(body, translator, call, label);
      return translator.usage;
    },
    async message() {
      const message = transformFromGemini((await readJson(body, call, label)) as GeminiResponse, target, toolNames);
      return { message, usage: message.usage };
    },
  };
};
