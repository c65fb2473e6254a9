// The I/O of a web search on an OpenAI-compatible provider's own search (web-search.ts builds and reads the
// bodies): one non-streaming chat completion, sent with the provider's key like every other call
// (adapter.ts), failures decoded by the same table.
import { postUpstream, readJson } from '../common/upstream-http.js';
import type { WebSearchAnswer, WebSearchCall } from '../common/web-search-answer.js';
import { OPENROUTER_ATTRIBUTION } from './adapter.js';
import { decodeOpenAIError } from './decode-error.js';
import { openAIWebSearchAnswer, openAIWebSearchBody, type OpenAISearchKind } from './web-search.js';

export async function openAIWebSearch(search: WebSearchCall, kind: OpenAISearchKind): Promise<WebSearchAnswer> {
  const { target, endpoint } = search;
  const label = `${target.id} at ${endpoint.baseUrl}`;
  const body = openAIWebSearchBody(search, target, kind);
  const call = { target, endpoint, signal: search.signal, dispatcher: search.dispatcher };
  const answer = await postUpstream({
    call,
    url: `${endpoint.baseUrl}/chat/completions`,
    headers: target.provider === 'openrouter' ? OPENROUTER_ATTRIBUTION : {},
    auth: endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {},
    body,
    label,
    decodeError: (status, text, headers) => decodeOpenAIError(status, text, headers, target, { promptTokenEstimate: 0 }),
  });
  return openAIWebSearchAnswer(await readJson(answer, call, label));
}
