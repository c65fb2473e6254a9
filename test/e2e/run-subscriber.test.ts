// A subscriber (a claude.ai login, no ANTHROPIC_API_KEY) keeps Claude: the real claude, a fake login in a
// temporary HOME, a loopback server standing in for Anthropic (their ANTHROPIC_BASE_URL) and an
// OpenAI-compatible upstream for an agent. The login's bearer reaches Anthropic and nothing else.
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';
import { closedPort } from '../support/closed-port.js';
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

function betas(request: RecordedRequest | undefined): string[] {
  return String(request?.headers['anthropic-beta'] ?? '').split(',');
}

describe('a subscriber (real claude, claude.ai login)', () => {
  it('keeps Claude for the main prompt and sends an agent to its provider, with the login\'s bearer only on Claude', async () => {
    const anthropic = await startAnthropic({
      handler: (request) =>
        request.path !== '/v1/messages'
          ? undefined
          : hasToolResult(request)
            ? { kind: 'message', content: [{ type: 'text', text: 'Claude relays: the reviewer says it is fine.' }] }
            : {
                kind: 'message',
                stop_reason: 'tool_use',
                content: [{ type: 'tool_use', id: 'toolu_review_1', name: 'Agent', input: { description: 'Review hello.py', prompt: 'Review hello.py.', subagent_type: 'code-reviewer', run_in_background: false } }],
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
    const claudeCalls = anthropic.requests.filter((request) => request.path === '/v1/messages');
    expect(claudeCalls.map((request) => [request.headers.authorization, request.headers['x-api-key']])).toEqual([
      [`Bearer ${LOGIN_TOKEN}`, undefined],
      [`Bearer ${LOGIN_TOKEN}`, undefined],
    ]);
    expect(betas(claudeCalls[0])).toContain('oauth-2025-04-20');
    // The agent answered on its provider, and Claude got that answer back.
    expect(toolResultText(claudeCalls[1])).toContain('hello.py looks fine.');
    expect(reviewer.requests).toHaveLength(1);
    expect(reviewer.requests[0]?.headers.authorization).toBe('Bearer sk-scripted');
    expect(JSON.stringify(reviewer.requests[0]?.headers)).not.toContain(LOGIN_TOKEN);
    expect(io.stderrText()).not.toContain('no Anthropic login');
    const day = onlyDay(project.ledger());
    expect(Object.keys(day['code-reviewer']?.models ?? {})).toEqual(['reviewer/review-1']);
    expect(day.adhoc?.requests).toBe(2);
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
    const claudeCalls = anthropic.requests.filter((request) => request.path === '/v1/messages');
    expect(claudeCalls.map((request) => [request.headers.authorization, request.headers['x-api-key']])).toEqual([[`Bearer ${LOGIN_TOKEN}`, undefined]]);
    expect(betas(claudeCalls[0])).toContain('oauth-2025-04-20');
    expect(io.stderrText()).toContain('scripted/coder-1 failed');
    expect(io.stderrText()).toContain('falling back to Claude');
    expect(onlyDay(project.ledger()).adhoc).toMatchObject({ requests: 1, fallbacks: 1 });
  }, 120_000);
});
