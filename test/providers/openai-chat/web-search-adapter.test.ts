// openAIWebSearch against a scripted upstream on loopback through a real undici Agent: the one request it sends
// with the provider's key, and the answer it reads back; a failure is decoded like any other OpenAI call.
import { Agent } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/common/provider-error.js';
import type { WebSearchCall } from '../../../src/providers/common/web-search-answer.js';
import { openAIWebSearch } from '../../../src/providers/openai-chat/web-search-adapter.js';
import { openAIError, startOpenAIUpstream, type ScriptedUpstream } from '../../support/scripted-openai-upstream.js';
import { openAITarget } from '../../support/openai-stream-harness.js';

let upstream: ScriptedUpstream | undefined;
const dispatcher = new Agent();
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});
afterAll(() => dispatcher.close());

function search(baseUrl: string): WebSearchCall {
  return { query: 'oss cli release', target: openAITarget('openrouter', 'openai/gpt-4o-mini'), endpoint: { baseUrl, apiKey: 'sk-or-test', headers: {} }, signal: new AbortController().signal, dispatcher };
}

describe('openAIWebSearch', () => {
  it("posts one non-streaming search with the provider's key and attribution, and reads the cited pages back", async () => {
    upstream = await startOpenAIUpstream(() => ({
      kind: 'json',
      body: {
        choices: [{ message: { content: 'oss 0.1.0 shipped.', annotations: [{ type: 'url_citation', url_citation: { url: 'https://github.com/oss-cli/oss/releases', title: 'Releases' } }] } }],
        usage: { prompt_tokens: 30, completion_tokens: 12, cost: 0.02 },
      },
    }));
    const answer = await openAIWebSearch(search(`${upstream.url}/api/v1`), 'openrouter-plugin');
    expect(answer).toEqual({
      text: 'oss 0.1.0 shipped.',
      results: [{ url: 'https://github.com/oss-cli/oss/releases', title: 'Releases' }],
      usage: { input_tokens: 30, output_tokens: 12, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, provider_cost_usd: 0.02 },
    });
    const seen = upstream.requests.map((r) => ({ url: r.url, authorization: r.headers.authorization, title: r.headers['x-title'], stream: (r.body as { stream?: boolean }).stream }));
    expect(seen).toEqual([{ url: '/api/v1/chat/completions', authorization: 'Bearer sk-or-test', title: 'oss', stream: false }]);
  });

  it('rejects with the decoded provider error', async () => {
    upstream = await startOpenAIUpstream(() => openAIError(401, 'No auth credentials found'));
    const error = await openAIWebSearch(search(upstream.url), 'openrouter-plugin').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProviderError);
    const { status, type, retryable, message } = error as ProviderError;
    expect({ status, type, retryable, message }).toEqual({
      status: 401,
      type: 'authentication_error',
      retryable: false,
      message: 'openrouter/openai/gpt-4o-mini (openrouter): the API key was rejected (No auth credentials found); set a working key with `oss models keys set openrouter`',
    });
  });
});
