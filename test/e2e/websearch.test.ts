// Claude Code's WebSearch through `oss run` with the real claude: the main model calls WebSearch, Claude Code
// sends its search sub-request to the proxy, and the result it builds from the answer must reach the main
// model (and, through it, the final answer). One run per kind of route: an OpenRouter route that searches
// with OpenRouter's own search, an OpenAI-compatible route whose search goes to the user's Claude, and a
// route with neither, where Claude Code must show the main model the clear error.
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { defaultRegistry } from '../../src/registry/registry.js';
import { priceTokens, roundUsd } from '../../src/usage/cost.js';
import { capturedIO } from '../support/captured-io.js';
import { apiErrorText, CLAUDE_RELEASE, IS_CLAUDE_2_0 } from '../support/claude-release.js';
import { lastAssistantText } from '../support/claude-transcript.js';
import { CLAUDE_BIN, makeProject, onlyDay, openAIProvider, type E2eProject } from '../support/e2e-run.js';
import { recordedSearchEvents, start as startAnthropic } from '../support/scripted-anthropic-server.js';
import { openAITextStream, openAIToolCallStream, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';
import type { UpstreamReply, UpstreamRequest } from '../support/scripted-upstream.js';

const QUERY = 'oss 1.0 release date';
const PROMPT = 'When was oss 1.0 released? Search the web.';
const REMINDER = '\n\n\nREMINDER: You MUST include the sources above in your response to the user using markdown hyperlinks.';

/**
 * How the Claude Code under test hands a failed search to the main model, as each tested release does it:
 * 2.1.332 `Error: <error>`; 2.1.200 and 2.0.77 a results text holding it (2.0.77 with the whole error body).
 */
function failedSearchResult(message: string): string {
  if (CLAUDE_RELEASE === '2.1.200' || IS_CLAUDE_2_0) {
    return `Web search results for query: "${QUERY}"\n\n${apiErrorText(400, 'invalid_request_error', message)}${REMINDER}`;
  }
  return `Error: ${apiErrorText(400, 'invalid_request_error', message)}`;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

interface ChatBody {
  plugins?: unknown;
  messages?: Array<{ role?: string; content?: unknown }>;
}

function toolMessage(request: UpstreamRequest | undefined): { role?: string; content?: unknown } | undefined {
  return ((request?.body as ChatBody | undefined)?.messages ?? []).find((message) => message.role === 'tool');
}

/**
 * The main model: calls WebSearch, then answers with what the tool result gave it (the first link it lists,
 * or the error it carries). `search` answers the search sub-request when it reaches this upstream.
 */
async function mainModel(finalAnswer: (toolResult: string) => string, search?: () => UpstreamReply): Promise<ScriptedUpstream> {
  const upstream = await startOpenAIUpstream((request) => {
    const body = request.body as ChatBody;
    if (body.plugins !== undefined && search) return search();
    const result = toolMessage(request);
    if (result) return openAITextStream([finalAnswer(String(result.content))], { prompt: 2000, completion: 25, cost: 0.0006 });
    return openAIToolCallStream('call_ws_1', 'WebSearch', [JSON.stringify({ query: QUERY })], { prompt: 1500, completion: 12, cost: 0.0005 });
  });
  cleanups.push(() => upstream.close());
  return upstream;
}

function project(config: Parameters<typeof makeProject>[0]): E2eProject {
  const made = makeProject(config);
  cleanups.push(() => made.remove());
  return made;
}

async function ossRun(made: E2eProject, model: string, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const io = capturedIO(made.env(env), made.dir);
  const code = await main(['run', PROMPT, '-m', model, '-p', '--claude-bin', CLAUDE_BIN, '--', '--allowedTools', 'WebSearch'], io);
  return { code, stderr: io.stderrText() };
}

/** The first markdown link of a "Links: [...]" tool result, as the scripted main model cites it. */
function citeFirstLink(toolResult: string): string {
  const links = JSON.parse(/\nLinks: (\[.*\])\n/.exec(toolResult)?.[1] ?? '[]') as Array<{ title: string; url: string }>;
  return links[0] ? `Per [${links[0].title}](${links[0].url}).` : 'No sources.';
}

describe('WebSearch with the real claude through oss run', () => {
  it("searches with OpenRouter's own search on an OpenRouter route without Claude credentials, and the URL reaches the main model and the answer", async () => {
    const page = { title: 'OSS 1.0 released', url: 'https://example.com/oss-1-0' };
    const upstream = await mainModel(citeFirstLink, () => ({
      kind: 'json',
      body: {
        id: 'gen-search',
        object: 'chat.completion',
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: {
              role: 'assistant',
              content: 'OSS 1.0 was released on November 1, 2026.',
              annotations: [{ type: 'url_citation', url_citation: { ...page, content: 'OSS 1.0 is out', start_index: 0, end_index: 7 } }],
            },
          },
        ],
        usage: { prompt_tokens: 1200, completion_tokens: 30, total_tokens: 1230, cost: 0.0216 },
      },
    }));
    const made = project({});

    const run = await ossRun(made, 'openrouter/deepseek/deepseek-chat', { OPENROUTER_BASE_URL: upstream.url, OPENROUTER_API_KEY: 'sk-or-key' });

    expect(run.code, run.stderr).toBe(0);
    expect(upstream.requests).toHaveLength(3);
    const searchRequest = upstream.requests[1]?.body as Record<string, unknown>;
    expect({ model: searchRequest.model, messages: searchRequest.messages, plugins: searchRequest.plugins, stream: searchRequest.stream }).toEqual({
      model: 'deepseek/deepseek-chat',
      messages: [
        { role: 'system', content: 'You run a web search for another model, which is waiting on the result. Search once, then reply with a brief summary of what the results say.' },
        { role: 'user', content: QUERY },
      ],
      plugins: [{ id: 'web', max_results: 5 }],
      stream: false,
    });
    expect(upstream.requests[1]?.headers.authorization).toBe('Bearer sk-or-key');
    expect(toolMessage(upstream.requests[2])?.content).toBe(
      `Web search results for query: "${QUERY}"\n\nLinks: ${JSON.stringify([page])}\n\nOSS 1.0 was released on November 1, 2026.${REMINDER}`,
    );
    expect(lastAssistantText(made.home)).toBe('Per [OSS 1.0 released](https://example.com/oss-1-0).');
    const day = onlyDay(made.ledger()).adhoc;
    expect(day).toMatchObject({ requests: 3, input_tokens: 4700, output_tokens: 67, fallbacks: 0 });
    expect(day?.cost_usd).toBeCloseTo(0.0005 + 0.0216 + 0.0006, 10);
  }, 120_000);

  it("sends an OpenAI-compatible route's search to the user's Claude, prices it with the per-search fee, and the URL reaches the main model and the answer", async () => {
    const anthropic = await startAnthropic({ handler: () => ({ kind: 'sse', events: recordedSearchEvents() }) });
    cleanups.push(() => anthropic.close());
    const upstream = await mainModel(citeFirstLink);
    const made = project({ providers: { scripted: openAIProvider(upstream.url) }, pricing: { 'scripted/coder-1': { input: 2, output: 8 } } });

    const run = await ossRun(made, 'scripted/coder-1', { SCRIPTED_API_KEY: 'sk-scripted', ANTHROPIC_API_KEY: 'sk-ant-user', ANTHROPIC_BASE_URL: anthropic.url });

    expect(run.code, run.stderr).toBe(0);
    expect(upstream.requests).toHaveLength(2);
    expect(anthropic.requests).toHaveLength(1);
    const search = anthropic.requests[0];
    expect(search?.headers['x-api-key']).toBe('sk-ant-user');
    expect((search?.body as Record<string, unknown>).tools).toEqual([{ type: 'web_search_20250305', name: 'web_search', max_uses: 8 }]);
    expect((search?.body as Record<string, unknown>).model).toBe('claude-sonnet-5-5');
    const links = recordedLinks();
    const toolResult = String(toolMessage(upstream.requests[1])?.content);
    expect(toolResult.slice(0, toolResult.indexOf('\n\n', toolResult.indexOf('Links: ')))).toBe(
      // The answer opens with a text block, which Claude Code keeps ahead of the links.
      `Web search results for query: "${QUERY}"\n\nI will look that up.\n\nLinks: ${JSON.stringify(links)}`,
    );
    expect(lastAssistantText(made.home)).toBe(`Per [${links[0]?.title}](${links[0]?.url}).`);

    const models = onlyDay(made.ledger()).adhoc?.models ?? {};
    expect(Object.keys(models).sort()).toEqual(['claude/claude-sonnet-5-5', 'scripted/coder-1']);
    const sonnet = defaultRegistry().getPricing('claude/claude-sonnet-5-5');
    if (!sonnet) throw new Error('the catalogue has no price for claude-sonnet-5-5');
    const tokens = { input_tokens: 12957, output_tokens: 152, cache_read_tokens: 0, cache_write_tokens: 0 };
    expect(models['claude/claude-sonnet-5-5']).toMatchObject({ requests: 1, input_tokens: 12957, output_tokens: 152 });
    expect(models['claude/claude-sonnet-5-5']?.cost_usd).toBe(roundUsd(priceTokens(tokens, sonnet) + 0.01));
  }, 120_000);

  it('shows the main model a clear WebSearch error on a route with no search of its own and no Claude credentials', async () => {
    const upstream = await mainModel((toolResult) => `The search failed: ${toolResult}`);
    const made = project({ providers: { scripted: openAIProvider(upstream.url) } });

    const run = await ossRun(made, 'scripted/coder-1', { SCRIPTED_API_KEY: 'sk-scripted' });

    const message =
      'oss: WebSearch needs Claude or a model with its own web search, and scripted/coder-1 has neither: set models.search to claude (with ANTHROPIC_API_KEY or `claude /login`) or to a model that searches, e.g. openrouter/perplexity/sonar or gemini/gemini-2.5-flash';
    const result = failedSearchResult(message);
    expect(run.code, run.stderr).toBe(0);
    expect(upstream.requests).toHaveLength(2);
    expect(toolMessage(upstream.requests[1])?.content).toBe(result);
    expect(lastAssistantText(made.home)).toBe(`The search failed: ${result}`);
  }, 120_000);
});

/** Title and URL of each page in the answer: what Claude Code lists under "Links:". */
function recordedLinks(): Array<{ title: string; url: string }> {
  const result = recordedSearchEvents().find(([, data]) => (data as { content_block?: { type?: string } }).content_block?.type === 'web_search_tool_result');
  const pages = (result?.[1] as { content_block: { content: Array<{ title: string; url: string }> } }).content_block.content;
  return pages.map((page) => ({ title: page.title, url: page.url }));
}
