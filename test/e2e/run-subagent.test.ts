// (e) Subagent routing: a project's .claude/agents/code-reviewer.md is configured to another model than
// main. Main's upstream calls the subagent tool (`Agent`, or `Task` on Claude Code 2.0) in the foreground;
// the subagent's request reaches the other upstream, and each upstream's usage is recorded under its own
// prompt key. On 2.0 the subagent request carries no subagent marker: only its system prompt tells.
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';
import { CLAUDE_BIN, makeProject, onlyDay, openAIProvider } from '../support/e2e-run.js';
import { openAITextStream, openAIToolCallStream, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const AGENT_BODY = 'SUBAGENT-MARKER: You are a meticulous code reviewer. Review what you are asked to review and report briefly.';
const AGENT_FILE = `---\nname: code-reviewer\ndescription: Reviews code changes for bugs\ntools: Read, Grep\n---\n${AGENT_BODY}\n`;

type ChatBody = { messages?: Array<{ role?: string; content?: unknown }> };

function systemText(body: unknown): string {
  return ((body as ChatBody).messages ?? [])
    .filter((message) => message.role === 'system')
    .map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content)))
    .join('\n');
}

/** The tool main launches subagents with, as Claude Code declared it: `Agent` from 2.1, `Task` in 2.0. */
function subagentTool(body: unknown): string {
  const names = ((body as { tools?: Array<{ function?: { name?: string } }> }).tools ?? []).map((tool) => tool.function?.name);
  const tool = names.find((name) => name === 'Agent' || name === 'Task');
  if (!tool) throw new Error(`main's request declares no subagent tool: ${names.join(', ')}`);
  return tool;
}

function hasToolResult(body: unknown): boolean {
  return ((body as ChatBody).messages ?? []).some((message) => message.role === 'tool');
}

describe('subagent routing (real claude)', () => {
  it('sends the configured agent\'s requests to its own model and main\'s to main', async () => {
    const mainUpstream = await startOpenAIUpstream((request) =>
      hasToolResult(request.body)
        ? openAITextStream(['The reviewer says it is fine.'], { prompt: 1000, completion: 8 })
        : openAIToolCallStream(
            'call_agent_1',
            subagentTool(request.body),
            [JSON.stringify({ description: 'Review hello.py', prompt: 'Please review hello.py and say if it is fine.', subagent_type: 'code-reviewer', run_in_background: false })],
            { prompt: 900, completion: 40 },
          ),
    );
    const reviewerUpstream = await startOpenAIUpstream(() => openAITextStream(['hello.py looks fine.'], { prompt: 300, completion: 5 }));
    cleanups.push(() => mainUpstream.close(), () => reviewerUpstream.close());
    const project = makeProject(
      {
        models: { agents: { 'code-reviewer': 'reviewer/review-1' } },
        providers: { mainp: openAIProvider(mainUpstream.url), reviewer: openAIProvider(reviewerUpstream.url) },
      },
      { '.claude/agents/code-reviewer.md': AGENT_FILE, 'hello.py': 'print("hello")\n' },
    );
    cleanups.push(() => project.remove());

    const io = capturedIO(project.env({ SCRIPTED_API_KEY: 'sk-scripted' }), project.dir);
    const code = await main(['run', 'ask the code-reviewer agent to review hello.py', '-m', 'mainp/main-1', '-p', '--claude-bin', CLAUDE_BIN], io);

    expect(code, io.stderrText()).toBe(0);
    expect(reviewerUpstream.requests).toHaveLength(1);
    expect(systemText(reviewerUpstream.requests[0]?.body)).toContain(AGENT_BODY);
    expect((reviewerUpstream.requests[0]?.body as { model?: string }).model).toBe('review-1');
    expect(mainUpstream.requests).toHaveLength(2);
    for (const request of mainUpstream.requests) expect(systemText(request.body)).not.toContain('SUBAGENT-MARKER');

    const day = onlyDay(project.ledger());
    expect(Object.keys(day['code-reviewer']?.models ?? {})).toEqual(['reviewer/review-1']);
    expect(day['code-reviewer']?.requests).toBe(1);
    expect(Object.keys(day.adhoc?.models ?? {})).toEqual(['mainp/main-1']);
    expect(day.adhoc?.requests).toBe(2);
    expect(io.stderrText()).toMatch(/oss: adhoc · mainp\/main-1, reviewer\/review-1 · 3 requests · /);
  }, 120_000);
});
