// The I/O of a web search on Gemini's own search (web-search.ts builds and reads the bodies): one
// `generateContent` call with the google_search tool, the key in `x-goog-api-key` as in adapter.ts.
import { postUpstream, readJson } from '../common/upstream-http.js';
import type { WebSearchAnswer, WebSearchCall } from '../common/web-search-answer.js';
import { decodeGeminiError } from './decode-error.js';
import { geminiWebSearchAnswer, geminiWebSearchBody } from './web-search.js';

export async function geminiWebSearch(search: WebSearchCall): Promise<WebSearchAnswer> {
  const { target, endpoint } = search;
  const label = `${target.id} at ${endpoint.baseUrl}`;
  const body = geminiWebSearchBody(search.query, target);
  const call = { target, endpoint, signal: search.signal, dispatcher: search.dispatcher };
  const answer = await postUpstream({
    call,
    url: `${endpoint.baseUrl}/models/${target.upstreamModel.replace(/^models\//, '')}:generateContent`,
    headers: {},
    auth: endpoint.apiKey ? { 'x-goog-api-key': endpoint.apiKey } : {},
    body,
    label,
    decodeError: (status, text, headers) => decodeGeminiError(status, text, headers, target),
  });
  return geminiWebSearchAnswer(await readJson(answer, call, label));
}
