// Subagent and helper-call detection on every supported Claude Code release, against what 2.0.77, 2.1.200 and
// 2.1.332 really sent for one foreground subagent (fixtures/claude-code-releases/subagent-by-release.json, captured with
// the scripted mock), plus the false positives the body match must not fall for without 2.1's markers. How the proxy answers a
// warmup is test/proxy/warmup-reply.test.ts's.
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { detectAgent, isWarmupRequest } from '../../src/proxy/agent-detection.js';
import { planModels, selectRoute } from '../../src/proxy/select-route.js';
import { AGENTS_PLAN, planFor, REVIEWER_BODY } from '../support/proxy-harness.js';

interface Captured {
  headers: IncomingHttpHeaders;
  body: { model: string; system: Array<{ type: string; text: string }>; tools: Array<{ name: string }>; messages: Array<{ role: string; content: unknown }> };
}
type Release = Record<string, Captured>;
const capture = JSON.parse(readFileSync(new URL('../fixtures/claude-code-releases/subagent-by-release.json', import.meta.url), 'utf8')) as Record<string, Release>;
const RELEASES = ['2.0.77', '2.1.200', '2.1.332'] as const;
const release = (version: string): Release => capture[version] as Release;

const plan = AGENTS_PLAN;
const route = (captured: Captured): ReturnType<typeof selectRoute> => selectRoute(captured.body, captured.headers, plan, planModels(plan));
const MAIN = { model: 'openrouter/deepseek/deepseek-chat', prompt: 'oss:ship' };
const REVIEWER = { model: 'ollama/codellama', prompt: 'code-reviewer' };
const WARMUP = { model: 'ollama/llama3.2', prompt: 'oss:ship', warmup: true };

describe.each(RELEASES)('Claude Code %s as captured', (version) => {
  it("routes the subagent's request to the agent whose body starts its system prompt", () => {
    expect(route(release(version).subagent_request!)).toEqual(REVIEWER);
  });

  it("routes the main thread's request to main", () => {
    expect(route(release(version).main_request!)).toEqual(MAIN);
  });
});

describe('Claude Code 2.0.77 without subagent markers', () => {
  const old = release('2.0.77');

  it('sends neither marker, and names its subagent tool Task', () => {
    expect(old.subagent_request!.headers['x-claude-code-agent-id']).toBeUndefined();
    expect(old.subagent_request!.body.system.map((block) => block.text.includes('cc_is_subagent'))).toEqual([false, false]);
    expect(old.main_request!.body.tools.map((tool) => tool.name).filter((name) => name === 'Task' || name === 'Agent')).toEqual(['Task']);
  });

  it('sends its Warmup request and the follow-up to a tool call on it to the background route, marked as a warmup', () => {
    expect(route(old.warmup_request!)).toEqual(WARMUP);
    expect(route(old.warmup_follow_up!)).toEqual(WARMUP);
  });

  it('keeps main on main after the subagent answered', () => {
    expect(route(old.main_after_subagent!)).toEqual(MAIN);
  });

  it('keeps on main a main thread whose system prompt is the agent file (claude --system-prompt "$(cat agent.md)")', () => {
    const quoting = structuredClone(old.main_request!);
    quoting.body.system[1] = { type: 'text', text: `${REVIEWER_BODY}\n\nAnd more of the user's own prompt.` };
    expect(route(quoting)).toEqual(MAIN);
  });

  it("does not take the first system block (Claude Code's identity line) for an agent body", () => {
    const identity = old.subagent_request!.body.system[0]!.text;
    const withIdentityAgent = planFor('openai/gpt-4o', { agents: [{ name: 'echo', model: 'ollama/llama3.2', source: 'user', body: identity }] });
    expect(detectAgent(old.warmup_request!.body, {}, withIdentityAgent)).toBeUndefined();
    expect(detectAgent(old.main_request!.body, {}, withIdentityAgent)).toBeUndefined();
  });

  it('keeps on main a main thread whose whole prompt is "Warmup": it offers the subagent tool', () => {
    const prompt = structuredClone(old.main_request!);
    prompt.body.messages = [{ role: 'user', content: [{ type: 'text', text: 'Warmup' }] }];
    expect(isWarmupRequest(prompt.body)).toBe(false);
    expect(route(prompt)).toEqual(MAIN);
  });
});

describe('Claude Code 2.1 with subagent markers', () => {
  it('routes a marked subagent request even when its agent may launch subagents itself (the marker decides)', () => {
    const marked = structuredClone(release('2.1.332').subagent_request!);
    marked.body.tools.push({ name: 'Agent' });
    expect(route(marked)).toEqual(REVIEWER);
  });

  it('sends no Warmup requests: no captured 2.1 request is one', () => {
    for (const version of ['2.1.200', '2.1.332']) {
      expect(Object.values(release(version)).map((captured) => isWarmupRequest(captured.body))).toEqual([false, false]);
    }
  });
});
