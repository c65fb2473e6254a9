// openAIWebSearchBody and openAIWebSearchAnswer: a provider's own web search as a request body, and its answer read back.
import { describe, expect, it } from 'vitest';
import { OPENROUTER_WEB_RESULTS, openAIWebSearchAnswer, openAIWebSearchBody } from '../../../src/providers/openai-chat/web-search.js';
import { openAITarget } from '../../support/openai-stream-harness.js';

const SYSTEM = 'You run a web search for another model, which is waiting on the result. Search once, then reply with a brief summary of what the results say.';
const MESSAGES = [
  { role: 'system', content: SYSTEM },
  { role: 'user', content: 'oss cli release' },
];
const ZERO_USAGE = { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };

describe('openAIWebSearchBody', () => {
  it("asks OpenRouter's web plugin for 5 priced results within the allowed and blocked domains, with usage", () => {
    const body = openAIWebSearchBody({ query: 'oss cli release', allowedDomains: ['github.com'], blockedDomains: ['example.com'] }, openAITarget('openrouter', 'openai/gpt-4o-mini'), 'openrouter-plugin');
    expect(body).toEqual({
      model: 'openai/gpt-4o-mini',
      messages: MESSAGES,
      stream: false,
      max_tokens: 4096,
      plugins: [{ id: 'web', max_results: OPENROUTER_WEB_RESULTS, include_domains: ['github.com'], exclude_domains: ['example.com'] }],
      usage: { include: true },
    });
    expect(OPENROUTER_WEB_RESULTS).toBe(5);
  });

  it('gives an OpenAI search model web_search_options and max_completion_tokens within its output limit', () => {
    expect(openAIWebSearchBody({ query: 'oss cli release' }, openAITarget('openai', 'gpt-4o-search-preview', {}, { maxOutputTokens: 1000 }), 'openai-search-model')).toEqual({
      model: 'gpt-4o-search-preview',
      messages: MESSAGES,
      stream: false,
      web_search_options: {},
      max_completion_tokens: 1000,
    });
  });

  it('sends a model that always searches (Perplexity sonar) a plain request', () => {
    expect(openAIWebSearchBody({ query: 'oss cli release', allowedDomains: ['github.com'] }, openAITarget('perplexity', 'sonar'), 'always-searches')).toEqual({
      model: 'sonar',
      messages: MESSAGES,
      stream: false,
      max_tokens: 4096,
    });
  });
});

describe('openAIWebSearchAnswer', () => {
  it('reads url_citation annotations, then search_results with their dates, then bare citations, each URL once', () => {
    const response = {
      choices: [
        {
          message: {
            content: 'oss 0.1.0 shipped.',
            annotations: [
              { type: 'url_citation', url_citation: { url: 'https://github.com/oss-cli/oss/releases', title: 'Releases' } },
              { type: 'file_citation', url_citation: { url: 'https://ignored.example' } },
              { type: 'url_citation', url_citation: { url: 'https://npmjs.com/package/oss' } },
            ],
          },
        },
      ],
      search_results: [
        { title: 'Changelog', url: 'https://github.com/oss-cli/oss/blob/main/CHANGELOG.md', date: '2026-11-20' },
        { title: 'Dup', url: 'https://github.com/oss-cli/oss/releases', date: '' },
        { title: 'No URL' },
      ],
      citations: ['https://news.example/oss', 42],
      usage: { prompt_tokens: 30, completion_tokens: 12, cost: 0.02 },
    };
    // Annotations first, then search results (with their dates), then bare citations; a URL seen before is skipped.
    const pages = [
      { url: 'https://github.com/oss-cli/oss/releases', title: 'Releases' },
      { url: 'https://npmjs.com/package/oss', title: 'https://npmjs.com/package/oss' },
      { url: 'https://github.com/oss-cli/oss/blob/main/CHANGELOG.md', title: 'Changelog', pageAge: '2026-11-20' },
      { url: 'https://news.example/oss', title: 'https://news.example/oss' },
    ];
    const usage = { ...ZERO_USAGE, input_tokens: 30, output_tokens: 12, provider_cost_usd: 0.02 };
    expect(openAIWebSearchAnswer(response)).toEqual({ text: 'oss 0.1.0 shipped.', results: pages, usage });
  });

  it('gives an empty answer with zero usage for a body with nothing in it', () => {
    expect([openAIWebSearchAnswer(undefined), openAIWebSearchAnswer({ choices: [{ message: { content: [{ type: 'text' }] } }] })]).toEqual([
      { text: '', results: [], usage: ZERO_USAGE },
      { text: '', results: [], usage: ZERO_USAGE },
    ]);
  });
});
