// A subscriber (a claude.ai login, no ANTHROPIC_API_KEY) keeps Claude: the real claude, a fake login in a
// temporary HOME, a loopback server standing in for Anthropic (their ANTHROPIC_BASE_URL) and an
// OpenAI-compatible upstream for an agent. The login's bearer reaches Anthropic and nothing else.
// Release-aware (test/support/claude-release.ts): main launches the agent with the subagent tool its request
// declares (`Agent` from 2.1, `Task` in 2.0), and Claude Code 2.0's three start-up "Warmup" requests, which
// reach Anthropic when the background route is Claude, and its subscription "quota" probe (max_tokens 1, the
// user text `quota`, sent first by a 2.0 signed in with claude.ai), are counted apart from the prompt's own.
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';
import { closedPort } from '../support/closed-port.js';
import { IS_CLAUDE_2_0 } from '../support/claude-release.js';
import { CLAUDE_BIN, makeProject, onlyDay, openAIProvider } from '../support/e2e-run.js';
import { LOGIN_TOKEN, writeClaudeLogin } from '../support/fake-claude-login.js';
import { start as startAnthropic, type RecordedRequest } from '../support/scripted-anthropic-server.js';
import { openAITextStream, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const AGENT_BODY = 'SUBAGENT-MARKER: You are a meticulous code reviewer. Report briefly.';
const AGENT_FILE = `---\nname: code-reviewer\ndescription: Reviews code changes for bugs\ntools: Read, Grep\n---\n${AGENT_BODY}\n`;

function hasToolResult(request: RecordedRequest): boolean {
  const messages = (request.body as { messages?: Array<{ content?: unknown }> }).messages ?? [];
  return messages.some((message) => Array.isArray(message.content) && (message.content as Array<{ type?: string }>).some((block) => block.type === 'tool_result'));
}

/** The text of the tool_result blocks of the request's last message. */
function toolResultText(request: RecordedRequest | undefined): string {
  const messages = (request?.body as { messages?: Array<{ content?: unknown }> } | undefined)?.messages ?? [];
  const last = messages.at(-1)?.content;
  return JSON.stringify(Array.isArray(last) ? (last as Array<{ type?: string }>).filter((block) => block.type === 'tool_result') : []);
}

/** The tool main launches subagents with, as Claude Code declared it: `Agent` from 2.1, `Task` in 2.0. */
function subagentTool(request: RecordedRequest): string {
  const names = ((request.body as { tools?: Array<{ name?: string }> }).tools ?? []).map((tool) => tool.name);
  const tool = names.find((name) => name === 'Agent' || name === 'Task');
  if (!tool) throw new Error(`main's request declares no subagent tool: ${names.join(', ')}`);
  return tool;
}

/** Claude Code 2.0's start-up Warmup (its first message is the user text `Warmup`). */
function isWarmup(request: RecordedRequest): boolean {
  const first = (request.body as { messages?: Array<{ content?: unknown }> }).messages?.[0]?.content;
  return first === 'Warmup' || (Array.isArray(first) && first.length === 1 && (first[0] as { text?: unknown }).text === 'Warmup');
}

/** Claude Code 2.0's subscription quota probe: `max_tokens` 1 and the single user message `quota`. */
function isQuotaProbe(request: RecordedRequest): boolean {
  const body = request.body as { max_tokens?: number; messages?: unknown };
  return body.max_tokens === 1 && JSON.stringify(body.messages) === JSON.stringify([{ role: 'user', content: 'quota' }]);
}

/** A request Claude Code makes for the prompt itself (not a 2.0 Warmup or quota probe). */
function isPromptRequest(request: RecordedRequest): boolean {
  return !isWarmup(request) && !isQuotaProbe(request);
}

/** Quota probes each `-p` run of a subscriber sends (none from 2.1). */
const QUOTA_PROBES = IS_CLAUDE_2_0 ? 1 : 0;

/** Warmups each `-p` run of the release under test sends first (none from 2.1; decisions.md "Claude Code releases"). */
const WARMUPS = IS_CLAUDE_2_0 ? 3 : 0;

function betas(request: RecordedRequest | undefined): string[] {
  return String(request?.headers['anthropic-beta'] ?? '').split(',');
}

describe('a subscriber (real claude, claude.ai login)', () => {
  it('keeps Claude for the main prompt and sends an agent to its provider, with the login\'s bearer only on Claude', async () => {
    const anthropic = await startAnthropic({
      handler: (request) =>
        request.path !== '/v1/messages'
          ? undefined
          : isWarmup(request)
            ? { kind: 'message', content: [{ type: 'text', text: 'Ready.' }] }
          : hasToolResult(request)
            ? { kind: 'message', content: [{ type: 'text', text: 'Claude relays: the reviewer says it is fine.' }] }
            : {
                kind: 'message',
                stop_reason: 'tool_use',
                content: [{ type: 'tool_use', id: 'toolu_review_1', name: subagentTool(request), input: { description: 'Review hello.py', prompt: 'Review hello.py.', subagent_type: 'code-reviewer', run_in_background: false } }],
              },
    });
    const reviewer = await startOpenAIUpstream(() => openAITextStream(['hello.py looks fine.'], { prompt: 300, completion: 5 }));
    cleanups.push(() => anthropic.close(), () => reviewer.close());
    const project = makeProject(
      { models: { agents: { 'code-reviewer': 'reviewer/review-1' } }, providers: { reviewer: openAIProvider(reviewer.url) } },
      { '.claude/agents/code-reviewer.md': AGENT_FILE, 'hello.py': 'print("hello")\n' },
    );
    cleanups.push(() => project.remove());
    writeClaudeLogin(project.home);

    const io = capturedIO(project.env({ SCRIPTED_API_KEY: 'sk-scripted', ANTHROPIC_BASE_URL: anthropic.url }), project.dir);
    const code = await main(['run', 'ask the code-reviewer agent to review hello.py', '-p', '--claude-bin', CLAUDE_BIN], io);

    expect(code, io.stderrText()).toBe(0);
    const toClaude = anthropic.requests.filter((request) => request.path === '/v1/messages');
    expect([toClaude.filter(isWarmup).length, toClaude.filter(isQuotaProbe).length]).toEqual([WARMUPS, QUOTA_PROBES]);
    expect(toClaude.map((request) => [request.headers.authorization, request.headers['x-api-key']])).toEqual(
      Array.from({ length: WARMUPS + QUOTA_PROBES + 2 }, () => [`Bearer ${LOGIN_TOKEN}`, undefined]),
    );
    const claudeCalls = toClaude.filter(isPromptRequest);
    expect(claudeCalls).toHaveLength(2);
    expect(betas(claudeCalls[0])).toContain('oauth-2025-04-20');
    // The agent answered on its provider, and Claude got that answer back.
    expect(toolResultText(claudeCalls[1])).toContain('hello.py looks fine.');
    expect(reviewer.requests).toHaveLength(1);
    expect(reviewer.requests[0]?.headers.authorization).toBe('Bearer sk-scripted');
    expect(JSON.stringify(reviewer.requests[0]?.headers)).not.toContain(LOGIN_TOKEN);
    expect(io.stderrText()).not.toContain('no Anthropic login');
    const day = onlyDay(project.ledger());
    expect(Object.keys(day['code-reviewer']?.models ?? {})).toEqual(['reviewer/review-1']);
    // Every request through the proxy is recorded, 2.0's Warmups and quota probe on Claude included.
    expect(day.adhoc?.requests).toBe(2 + WARMUPS + QUOTA_PROBES);
  }, 120_000);

  it('falls back to Claude with the login\'s bearer when the provider is dead', async () => {
    const anthropic = await startAnthropic({ text: 'Answered by Claude instead.' });
    cleanups.push(() => anthropic.close());
    const project = makeProject({ providers: { scripted: openAIProvider(`http://127.0.0.1:${await closedPort()}`) } });
    cleanups.push(() => project.remove());
    writeClaudeLogin(project.home);

    const io = capturedIO(project.env({ SCRIPTED_API_KEY: 'sk-scripted', ANTHROPIC_BASE_URL: anthropic.url, CLAUDE_CODE_MAX_RETRIES: '0' }), project.dir);
    const code = await main(['run', 'say hello', '--model', 'scripted/coder-1', '-p', '--claude-bin', CLAUDE_BIN], io);

    expect(code, io.stderrText()).toBe(0);
    const toClaude = anthropic.requests.filter((request) => request.path === '/v1/messages');
    // The background route is the dead provider's model, so the proxy answers 2.0's Warmups itself.
    expect([toClaude.filter(isWarmup).length, toClaude.filter(isQuotaProbe).length]).toEqual([0, QUOTA_PROBES]);
    expect(toClaude.map((request) => [request.headers.authorization, request.headers['x-api-key']])).toEqual(
      Array.from({ length: QUOTA_PROBES + 1 }, () => [`Bearer ${LOGIN_TOKEN}`, undefined]),
    );
    const claudeCalls = toClaude.filter(isPromptRequest);
    expect(claudeCalls).toHaveLength(1);
    expect(betas(claudeCalls[0])).toContain('oauth-2025-04-20');
    expect(io.stderrText()).toContain('scripted/coder-1 failed');
    expect(io.stderrText()).toContain('falling back to Claude');
    // 2.0's quota probe goes to the (dead) main model like the prompt does, and falls back the same way.
    expect(onlyDay(project.ledger()).adhoc).toMatchObject({ requests: 1 + QUOTA_PROBES, fallbacks: 1 + QUOTA_PROBES });
  }, 120_000);
});
