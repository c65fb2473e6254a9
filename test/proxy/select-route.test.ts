// Per-request routing, against a real subagent request Claude Code 2.1.332 sent
// (fixtures/claude-code/subagent-foreground.json), and end to end through the proxy.
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { planModels, selectRoute } from '../../src/proxy/select-route.js';
import { openAITextStream, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';
import { AGENTS_PLAN, HELLO, planFor, REVIEWER_BODY, startProxy, type StartedProxy } from '../support/proxy-harness.js';

interface Capture {
  subagent_request_2: { headers: IncomingHttpHeaders; body: { model: string; system: unknown; messages: unknown[] } };
}

const capture = JSON.parse(readFileSync(new URL('../fixtures/claude-code/subagent-foreground.json', import.meta.url), 'utf8')) as Capture;
const subagent = capture.subagent_request_2;
const plan = AGENTS_PLAN;

describe('selectRoute', () => {
  it("routes a recorded subagent request to the agent whose body starts its system prompt, keyed by the agent's name", () => {
    expect(selectRoute(subagent.body, subagent.headers, plan, planModels(plan))).toEqual({ model: 'ollama/codellama', prompt: 'code-reviewer' });
  });

  it('recognises a subagent by cc_is_subagent=true in system[0] even without the agent-id header', () => {
    const { 'x-claude-code-agent-id': _dropped, ...headers } = subagent.headers;
    expect(selectRoute(subagent.body, headers, plan, planModels(plan)).prompt).toBe('code-reviewer');
  });

  it('sends a subagent whose body matches no known agent to main', () => {
    const other = planFor('openai/gpt-4o', { agents: [{ name: 'writer', model: 'gemini/gemini-2.0-flash', source: 'user', body: 'You write docs.' }] });
    expect(selectRoute(subagent.body, subagent.headers, other, planModels(other))).toEqual({ model: 'openai/gpt-4o', prompt: 'oss:ship' });
  });

  it('does not treat a main-thread request as a subagent, even if its prompt starts like an agent body', () => {
    const body = { model: 'claude-opus-5-5', system: [{ type: 'text', text: REVIEWER_BODY }] };
    expect(selectRoute(body, {}, plan, planModels(plan))).toEqual({ model: 'openrouter/deepseek/deepseek-chat', prompt: 'oss:ship' });
  });

  it('routes a model field naming a plan route (the background model) there, keyed by the prompt', () => {
    expect(selectRoute({ model: 'ollama/llama3.2' }, {}, plan, planModels(plan))).toEqual({ model: 'ollama/llama3.2', prompt: 'oss:ship' });
  });

  it('routes a model field holding any <provider>/<model> id to that model', () => {
    expect(selectRoute({ model: 'openai/gpt-4o-mini' }, {}, plan, planModels(plan)).model).toBe('openai/gpt-4o-mini');
  });

  it("sends the prompt file's frontmatter model, which Claude Code sends verbatim, to main when the CLI chose another", () => {
    const overridden = planFor('openai/gpt-4o', { prompt: { type: 'command', name: 'oss:ship', frontmatterModel: 'gemini/gemini-2.0-flash' } });
    expect(selectRoute({ model: 'gemini/gemini-2.0-flash' }, {}, overridden, planModels(overridden))).toEqual({ model: 'openai/gpt-4o', prompt: 'oss:ship' });
  });

  it('sends a Claude alias such as claude-haiku-5-5 to main', () => {
    expect(selectRoute({ model: 'claude-haiku-5-5' }, {}, plan, planModels(plan)).model).toBe('openrouter/deepseek/deepseek-chat');
  });
});

describe('routing through the proxy', () => {
  const upstreams: ScriptedUpstream[] = [];
  let running: StartedProxy | undefined;

  afterEach(async () => {
    await running?.proxy.shutdown();
    await Promise.all(upstreams.splice(0).map((u) => u.close()));
  });

  it("sends the main thread to main's provider and the recorded subagent request to the agent's", async () => {
    const main = await startOpenAIUpstream(() => openAITextStream(['main']));
    const ollama = await startOpenAIUpstream(() => openAITextStream(['agent']));
    upstreams.push(main, ollama);
    running = await startProxy({
      plan: planFor('openai/gpt-4o', { agents: [{ name: 'code-reviewer', model: 'ollama/codellama', source: 'user', body: REVIEWER_BODY }] }),
      env: { OPENAI_BASE_URL: main.url, OPENAI_API_KEY: 'sk-o', OLLAMA_HOST: ollama.url },
    });
    await (await running.post('/v1/messages?beta=true', HELLO)).text();
    const { host: _host, 'content-length': _length, ...headers } = subagent.headers as Record<string, string>;
    const sub = { ...subagent.body, tools: [], max_tokens: 1000, stream: true };
    await (await running.post('/v1/messages?beta=true', sub, headers)).text();
    expect(main.requests).toHaveLength(1);
    expect(ollama.requests).toHaveLength(1);
    expect((ollama.requests[0]?.body as { model: string }).model).toBe('codellama');
    expect(running.usage.map((event) => [event.prompt, event.model])).toEqual([
      ['oss:ship', 'openai/gpt-4o'],
      ['code-reviewer', 'ollama/codellama'],
    ]);
  });
});
