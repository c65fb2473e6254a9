// Hooks and skills route with the real claude: a `type: "prompt"` hook in the project's settings.json is
// answered by the model models.hooks gives its event, and a skill Claude Code invokes mid-run (the Skill tool)
// by the model models.skills gives it. Each upstream is an OpenAI-compatible scripted server on loopback.
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';
import { CLAUDE_RELEASE, IS_CLAUDE_2_0 } from '../support/claude-release.js';
import { CLAUDE_BIN, makeProject, onlyDay, openAIProvider } from '../support/e2e-run.js';
import type { UpstreamRequest } from '../support/scripted-upstream.js';
import { openAITextMessage, openAITextStream, openAIToolCallStream, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

type ChatBody = { model?: string; messages?: Array<{ role?: string; content?: unknown }> };

/** Everything the request's messages say, as one string. */
function said(request: UpstreamRequest | undefined): string {
  return JSON.stringify((request?.body as ChatBody | undefined)?.messages ?? []);
}

const HOOK_PROMPT = 'HOOK-CHECK: allow any prompt that is polite.';
const SKILL_BODY = 'PLAIN-SKILL-BODY: answer with the word banana.';

describe('hook and skill routing (real claude)', () => {
  // Claude Code 2.0 itself crashes as soon as a prompt hook is configured (docs/compatibility.md).
  if (IS_CLAUDE_2_0) console.warn(`run-hook-and-skill: prompt-hook test skipped, Claude Code ${CLAUDE_RELEASE} itself crashes on prompt hooks`);
  it.skipIf(IS_CLAUDE_2_0)('sends a prompt hook to the model models.hooks gives its event, and the prompt to main', async () => {
    const mainUpstream = await startOpenAIUpstream(() => openAITextStream(['Hello from main.'], { prompt: 900, completion: 4 }));
    // Held to the hook's schema, the judge's answer is asked for whole (no stream) since the structured-output work.
    const verdict = '{"ok": true, "reason": "the prompt is polite"}';
    const judge = await startOpenAIUpstream((request) =>
      (request.body as { stream?: boolean }).stream ? openAITextStream([verdict], { prompt: 200, completion: 9 }) : openAITextMessage(verdict, { prompt: 200, completion: 9 }),
    );
    cleanups.push(() => mainUpstream.close(), () => judge.close());
    const settings = { hooks: { UserPromptSubmit: [{ hooks: [{ type: 'prompt', prompt: HOOK_PROMPT }] }] } };
    const project = makeProject(
      { models: { hooks: { UserPromptSubmit: 'judge/judge-1' } }, providers: { mainp: openAIProvider(mainUpstream.url), judge: openAIProvider(judge.url) } },
      { '.claude/settings.json': JSON.stringify(settings) },
    );
    cleanups.push(() => project.remove());

    const io = capturedIO(project.env({ SCRIPTED_API_KEY: 'sk-scripted' }), project.dir);
    const code = await main(['run', 'please say hello', '-m', 'mainp/main-1', '-p', '--claude-bin', CLAUDE_BIN], io);

    expect(code, io.stderrText()).toBe(0);
    expect(judge.requests).toHaveLength(1);
    expect((judge.requests[0]?.body as ChatBody).model).toBe('judge-1');
    expect(said(judge.requests[0])).toContain(HOOK_PROMPT);
    expect(said(judge.requests[0])).toContain('\\"hook_event_name\\":\\"UserPromptSubmit\\"');
    expect(mainUpstream.requests).toHaveLength(1);
    expect(said(mainUpstream.requests[0])).not.toContain('HOOK-CHECK');
    const day = onlyDay(project.ledger());
    expect(Object.keys(day['hook:UserPromptSubmit']?.models ?? {})).toEqual(['judge/judge-1']);
    expect(Object.keys(day.adhoc?.models ?? {})).toEqual(['mainp/main-1']);
  }, 120_000);

  it('sends the turn of a skill invoked mid-run to the model models.skills gives it', async () => {
    const mainUpstream = await startOpenAIUpstream(() =>
      openAIToolCallStream('call_skill_1', 'Skill', [JSON.stringify({ skill: 'plain-skill' })], { prompt: 900, completion: 12 }),
    );
    const skillUpstream = await startOpenAIUpstream(() => openAITextStream(['banana'], { prompt: 950, completion: 1 }));
    cleanups.push(() => mainUpstream.close(), () => skillUpstream.close());
    const project = makeProject(
      { models: { skills: { 'plain-skill': 'skillp/skill-1' } }, providers: { mainp: openAIProvider(mainUpstream.url), skillp: openAIProvider(skillUpstream.url) } },
      { '.claude/skills/plain-skill/SKILL.md': `---\nname: plain-skill\ndescription: Says a fruit\n---\n${SKILL_BODY}\n` },
    );
    cleanups.push(() => project.remove());

    const io = capturedIO(project.env({ SCRIPTED_API_KEY: 'sk-scripted' }), project.dir);
    const code = await main(['run', 'use the plain-skill skill', '-m', 'mainp/main-1', '-p', '--claude-bin', CLAUDE_BIN, '--', '--allowedTools', 'Skill'], io);

    expect(code, io.stderrText()).toBe(0);
    expect(mainUpstream.requests).toHaveLength(1);
    expect(said(mainUpstream.requests[0])).not.toContain(SKILL_BODY);
    expect(skillUpstream.requests).toHaveLength(1);
    expect((skillUpstream.requests[0]?.body as ChatBody).model).toBe('skill-1');
    expect(said(skillUpstream.requests[0])).toContain('Launching skill: plain-skill');
    expect(said(skillUpstream.requests[0])).toContain(SKILL_BODY);
    const day = onlyDay(project.ledger());
    expect(Object.keys(day['plain-skill']?.models ?? {})).toEqual(['skillp/skill-1']);
    expect(day['plain-skill']?.requests).toBe(1);
    expect(day.adhoc?.requests).toBe(1);
  }, 120_000);
});
