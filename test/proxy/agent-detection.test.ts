// Subagent and helper-call detection on every supported Claude Code release, against what 2.0.77, 2.1.200 and
// 2.1.332 really sent for one foreground subagent (fixtures/claude-code-releases/subagent-by-release.json, captured with
// the scripted mock), plus the false positives the body match must not fall for without 2.1's markers.
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { detectAgent, isWarmupRequest } from '../../src/proxy/agent-detection.js';
import { planModels, selectRoute } from '../../src/proxy/select-route.js';
import { start as startAnthropic, type ScriptedServer } from '../support/scripted-anthropic-server.js';
import { openAITextStream, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';
import { planFor, startProxy, type StartedProxy } from '../support/proxy-harness.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';

interface Captured {
  headers: IncomingHttpHeaders;
  body: { model: string; system: Array<{ type: string; text: string }>; tools: Array<{ name: string }>; messages: Array<{ role: string; content: unknown }> };
}
type Release = Record<string, Captured>;
const capture = JSON.parse(readFileSync(new URL('../fixtures/claude-code-releases/subagent-by-release.json', import.meta.url), 'utf8')) as Record<string, Release>;
const RELEASES = ['2.0.77', '2.1.200', '2.1.332'] as const;
const release = (version: string): Release => capture[version] as Release;

const REVIEWER_BODY = 'SUBAGENT-MARKER: You are a meticulous code reviewer. Review what you are asked to review and report briefly.';
const plan = planFor('openrouter/deepseek/deepseek-chat', {
  background: { model: 'ollama/llama3.2', source: 'user' },
  agents: [
    { name: 'code-reviewer', model: 'ollama/codellama', source: 'user', body: REVIEWER_BODY },
    { name: 'writer', model: 'gemini/gemini-2.0-flash', source: 'user', body: 'You write docs.' },
  ],
});
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

describe('warmups through the proxy', () => {
  const servers: Array<ScriptedUpstream | ScriptedServer> = [];
  let running: StartedProxy | undefined;
  afterEach(async () => {
    await running?.proxy.shutdown();
    running = undefined;
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  function warmupBody(stream: boolean): Record<string, unknown> {
    const { body } = release('2.0.77').warmup_request!;
    return { ...body, tools: [], max_tokens: 32000, stream };
  }

  it('answers a warmup itself when the background route is not Claude: no upstream call, nothing in the ledger, a stream the SDK accepts', async () => {
    const upstream = await startOpenAIUpstream(() => openAITextStream(['should not be asked']));
    servers.push(upstream);
    running = await startProxy({
      plan: planFor('openai/gpt-4o', { background: { model: 'openai/gpt-4o-mini', source: 'user' } }),
      env: { OPENAI_BASE_URL: upstream.url, OPENAI_API_KEY: 'sk-o' },
    });
    const response = await running.post('/v1/messages?beta=true', warmupBody(true));
    expect(response.status).toBe(200);
    const message = await accumulateWithSdk(await response.text());
    expect({ ...message, id: '<id>' }).toEqual({
      id: '<id>',
      type: 'message',
      role: 'assistant',
      model: 'openai/gpt-4o-mini',
      content: [{ type: 'text', text: 'Ready.' }],
      parsed_output: null,
      stop_details: undefined,
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    });
    const plain = await running.post('/v1/messages?beta=true', warmupBody(false));
    expect({ ...((await plain.json()) as Record<string, unknown>), id: '<id>' }).toEqual({
      id: '<id>',
      type: 'message',
      role: 'assistant',
      model: 'openai/gpt-4o-mini',
      content: [{ type: 'text', text: 'Ready.' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    });
    expect(upstream.requests).toEqual([]);
    expect(running.usage).toEqual([]);
  });

  it("passes a warmup to Claude when the background route is Claude, where it primes the user's prompt cache", async () => {
    const claude = await startAnthropic({ text: 'warmed' });
    const upstream = await startOpenAIUpstream(() => openAITextStream(['main']));
    servers.push(claude, upstream);
    running = await startProxy({
      plan: planFor('openai/gpt-4o', { background: { model: 'claude', source: 'user' } }),
      env: { OPENAI_BASE_URL: upstream.url, OPENAI_API_KEY: 'sk-o', ANTHROPIC_BASE_URL: claude.url },
      claudeAvailable: true,
    });
    const response = await running.post('/v1/messages?beta=true', warmupBody(true), { 'x-api-key': 'sk-ant-user' });
    const message = await accumulateWithSdk(await response.text());
    expect(message.content).toEqual([{ type: 'text', text: 'warmed' }]);
    expect(claude.requests.map((request) => [request.path, (request.body as { messages: unknown[] }).messages])).toEqual([
      ['/v1/messages', warmupBody(true).messages],
    ]);
    expect(upstream.requests).toEqual([]);
    expect(running.usage.map((event) => [event.prompt, event.model, event.outcome])).toEqual([['oss:ship', 'claude/claude-sonnet-4-5-20250929', 'ok']]);
  });
});
