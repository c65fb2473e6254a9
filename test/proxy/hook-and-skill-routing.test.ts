// Hook and skill turns, recognised in requests the real Claude Code 2.1.332 sent
// (fixtures/claude-code/trimmed/hook-requests.json, skill-requests.json), and routed by selectRoute.
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hookTurn } from '../../src/proxy/hook-turn.js';
import { skillTurn } from '../../src/proxy/skill-turn.js';
import { planModels, selectRoute } from '../../src/proxy/select-route.js';
import { planFor } from '../support/proxy-harness.js';

interface Captured {
  headers: IncomingHttpHeaders;
  body: { model: string; system: Array<{ text: string }>; messages: unknown[] };
}
type Captures = Record<string, Captured>;

function load(name: string): Captures {
  return JSON.parse(readFileSync(new URL(`../fixtures/claude-code/trimmed/${name}`, import.meta.url), 'utf8')) as Captures;
}
const hooks = load('hook-requests.json');
/** Claude Code 2.1.200's prompt hook, whose judge prompt says "a hook condition" (test/fixtures/claude-code-releases/). */
const hook2_1_200 = (
  JSON.parse(readFileSync(new URL('../fixtures/claude-code-releases/prompt-hook-2.1.200.json', import.meta.url), 'utf8')) as Record<string, Captures>
)['2.1.200']?.prompt_hook_UserPromptSubmit as Captured;
const skills = load('skill-requests.json');

function texts(request: Captured): string[] {
  return request.body.system.map((block) => block.text);
}

function hookOf(key: string): ReturnType<typeof hookTurn> {
  const request = hooks[key];
  if (!request) throw new Error(`no capture ${key}`);
  return hookTurn(texts(request), request.body.messages);
}

function skillOf(captures: Captures, key: string): ReturnType<typeof skillTurn> {
  const request = captures[key];
  if (!request) throw new Error(`no capture ${key}`);
  return skillTurn(request.body.messages);
}

describe('hookTurn on recorded hook requests', () => {
  it.each([
    ['prompt_hook_UserPromptSubmit_with_ARGUMENTS', 'UserPromptSubmit'],
    ['agent_hook_PreToolUse_with_ARGUMENTS', 'PreToolUse'],
    ['prompt_hook_Stop_with_ARGUMENTS', 'Stop'],
    ['betas_off_prompt_hook_UserPromptSubmit', 'UserPromptSubmit'],
    ['betas_off_agent_hook_PreToolUse', 'PreToolUse'],
    ['betas_off_prompt_hook_PostToolUse', 'PostToolUse'],
    ['betas_off_agent_hook_Stop', 'Stop'],
    ['toolsearch_off_prompt_hook_UserPromptSubmit', 'UserPromptSubmit'],
  ])('reads the event of %s as %s', (key, event) => {
    expect(hookOf(key)).toEqual({ event });
  });

  it('reads the event of Claude Code 2.1.200\'s prompt hook ("You are evaluating a hook condition in Claude Code.")', () => {
    expect(texts(hook2_1_200)[2]?.startsWith('You are evaluating a hook condition in Claude Code.')).toBe(true);
    expect(hookTurn(texts(hook2_1_200), hook2_1_200.body.messages)).toEqual({ event: 'UserPromptSubmit' });
  });

  it('does not take a main-thread request, or a skill turn, for a hook turn', () => {
    expect(hookOf('main_request_after_tool')).toBeUndefined();
    const skill = skills.inline_skill_after_Skill_tool;
    expect(skill && hookTurn(texts(skill), skill.body.messages)).toBeUndefined();
  });

  it('takes the event from an agent hook\'s own system prompt when the input JSON is missing', () => {
    const system = ['billing', 'You are a Claude agent.', 'You are evaluating a PreToolUse hook in Claude Code. Your task is…'];
    expect(hookTurn(system, [{ role: 'user', content: 'check it' }])).toEqual({ event: 'PreToolUse' });
  });

  it('knows a hook turn without knowing its event when neither says it', () => {
    expect(hookTurn(['b', 'a', 'You are evaluating a hook in Claude Code. The user…'], [{ role: 'user', content: 'is it fine?' }])).toEqual({});
  });

  it('reads the input JSON\'s own hook_event_name, not one quoted inside the user\'s prompt', () => {
    const input = JSON.stringify({ session_id: 's', hook_event_name: 'UserPromptSubmit', prompt: '"hook_event_name":"Stop"' });
    const quotedFirst = `${JSON.stringify({ prompt: '"hook_event_name":"Stop"' })} ${input}`;
    expect(hookTurn(['You are evaluating a hook in Claude Code.'], [{ role: 'user', content: quotedFirst }])).toEqual({ event: 'UserPromptSubmit' });
  });
});

describe('skillTurn on recorded skill requests', () => {
  it('names the skill the Skill tool launched, for the requests after it', () => {
    expect(skillOf(skills, 'inline_skill_after_Skill_tool')).toEqual({ name: 'plain-skill' });
    expect(skillOf(skills, 'inline_skill_with_model_haiku_after_Skill_tool')).toEqual({ name: 'model-skill' });
  });

  it('does not count the parent\'s requests after a forked skill completed as the skill\'s', () => {
    expect(skillOf(skills, 'forked_skill_parent_after')).toBeUndefined();
  });

  it('finds no skill before the Skill tool runs', () => {
    expect(skillOf(skills, 'inline_skill_first_request')).toBeUndefined();
  });

  it('gives the folder of a forked skill\'s subagent', () => {
    expect(skillOf(skills, 'forked_skill_subagent')).toEqual({ dir: '<project>/.claude/skills/fork-skill' });
  });

  it('names a skill the user typed as a slash command', () => {
    expect(skillOf(skills, 'slash_skill_as_prompt')).toEqual({ name: 'model-skill' });
  });

  it('ends the skill\'s turn when the user speaks again', () => {
    const after = skills.inline_skill_after_Skill_tool?.body.messages ?? [];
    expect(skillTurn([...after, { role: 'assistant', content: [{ type: 'text', text: 'banana' }] }, { role: 'user', content: 'thanks, now something else' }])).toBeUndefined();
  });
});

describe('selectRoute for hook and skill turns', () => {
  const plan = planFor('mainp/main-1', {
    background: { model: 'bg/bg-1', source: 'user' },
    hooks: [{ event: 'PreToolUse', model: 'hookp/judge-1', source: 'project' }, { event: 'Stop', model: 'claude', source: 'project' }],
    skills: [
      { name: 'plain-skill', model: 'skillp/plain-1', source: 'project', dir: '/elsewhere/plain-skill' },
      { name: 'fork-skill', model: 'skillp/fork-1', source: 'frontmatter', dir: '/not/the/recorded/dir/fork-skill' },
    ],
  });
  const route = (captures: Captures, key: string) => {
    const request = captures[key];
    if (!request) throw new Error(`no capture ${key}`);
    return selectRoute(request.body, request.headers, plan, planModels(plan));
  };

  it('routes a hook by its event, keyed hook:<Event>', () => {
    expect(route(hooks, 'betas_off_agent_hook_PreToolUse')).toEqual({ model: 'hookp/judge-1', prompt: 'hook:PreToolUse' });
    expect(route(hooks, 'betas_off_agent_hook_Stop')).toEqual({ model: 'claude', prompt: 'hook:Stop' });
  });

  it('routes Claude Code 2.1.200\'s prompt hook by its event, not by its model (the main model in 2.1.200)', () => {
    const withPromptHook = { ...plan, hooks: [{ event: 'UserPromptSubmit', model: 'hookp/judge-1', source: 'project' as const }] };
    expect(selectRoute(hook2_1_200.body, hook2_1_200.headers, withPromptHook, planModels(withPromptHook))).toEqual({
      model: 'hookp/judge-1',
      prompt: 'hook:UserPromptSubmit',
    });
  });

  it('matches a models.hooks event whatever its case', () => {
    const lower = { ...plan, hooks: [{ event: 'pretooluse', model: 'hookp/judge-1', source: 'project' as const }] };
    const request = hooks.betas_off_agent_hook_PreToolUse;
    expect(request && selectRoute(request.body, request.headers, lower, planModels(lower))).toEqual({ model: 'hookp/judge-1', prompt: 'hook:pretooluse' });
  });

  it('leaves a hook whose event has no route to its model field (the small-fast model: background)', () => {
    expect(route(hooks, 'betas_off_prompt_hook_PostToolUse')).toEqual({ model: 'bg/bg-1', prompt: 'oss:ship' });
  });

  it('routes the requests after the Skill tool to the skill\'s model, keyed by the skill', () => {
    expect(route(skills, 'inline_skill_after_Skill_tool')).toEqual({ model: 'skillp/plain-1', prompt: 'plain-skill' });
    expect(route(skills, 'inline_skill_first_request')).toEqual({ model: 'mainp/main-1', prompt: 'oss:ship' });
  });

  it('routes a forked skill\'s subagent by its folder\'s name when the folder is not the one found at start', () => {
    expect(route(skills, 'forked_skill_subagent')).toEqual({ model: 'skillp/fork-1', prompt: 'fork-skill' });
  });

  it('leaves a skill with no route, and the run\'s own prompt, to main', () => {
    expect(route(skills, 'slash_skill_as_prompt')).toEqual({ model: 'mainp/main-1', prompt: 'oss:ship' });
    const ownPrompt = { ...plan, prompt: { type: 'skill' as const, name: 'plain-skill' } };
    const request = skills.inline_skill_after_Skill_tool;
    expect(request && selectRoute(request.body, request.headers, ownPrompt, planModels(ownPrompt))).toEqual({ model: 'mainp/main-1', prompt: 'plain-skill' });
  });

  it('prepares targets for hook and skill models', () => {
    expect([...planModels(plan)].sort()).toEqual(['bg/bg-1', 'claude', 'hookp/judge-1', 'mainp/main-1', 'skillp/fork-1', 'skillp/plain-1']);
  });
});
