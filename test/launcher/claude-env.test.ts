import { describe, expect, it } from 'vitest';
import { buildClaudeEnv } from '../../src/launcher/claude-env.js';
import { planNeedsProxy } from '../../src/launcher/plan-needs-proxy.js';
import type { RoutePlan } from '../../src/routing/route-plan-types.js';
import { claudeModelEnv } from '../support/e2e-run.js';

const BASE = 'http://127.0.0.1:40123/s3cr3t';

function plan(main: string, background = main, agents: RoutePlan['agents'] = []): RoutePlan {
  return {
    prompt: { type: 'command', name: 'oss:ship' },
    main: { model: main, source: 'cli' },
    background: { model: background, source: 'default' },
    agents,
    fallback: true,
  };
}

/** What claude gets through the proxy for `routes`, the user having an API key of their own. */
function proxiedEnv(routes: RoutePlan): NodeJS.ProcessEnv {
  return buildClaudeEnv({ plan: routes, userEnv: { ANTHROPIC_API_KEY: 'k' }, proxyBaseUrl: BASE, secret: 's3cr3t' });
}

describe('buildClaudeEnv', () => {
  it('points claude at the proxy and every alias at main or background', () => {
    const env = buildClaudeEnv({
      plan: plan('gemini/gemini-2.0-flash', 'ollama/llama3.2'),
      userEnv: { PATH: '/bin', ANTHROPIC_API_KEY: 'sk-user' },
      proxyBaseUrl: BASE,
      secret: 's3cr3t',
      mainContextWindow: 1_048_576,
    });
    expect(env).toEqual({
      PATH: '/bin',
      ANTHROPIC_API_KEY: 'sk-user',
      ANTHROPIC_BASE_URL: BASE,
      ...claudeModelEnv('gemini/gemini-2.0-flash', 'ollama/llama3.2', 1_048_576),
    });
  });

  it('keeps the user\'s own credentials: no placeholder token replaces them', () => {
    const env = buildClaudeEnv({
      plan: plan('openai/gpt-4o'),
      userEnv: { ANTHROPIC_AUTH_TOKEN: 'user-token', ANTHROPIC_API_KEY: 'sk-user' },
      proxyBaseUrl: BASE,
      secret: 's3cr3t',
    });
    expect([env.ANTHROPIC_AUTH_TOKEN, env.ANTHROPIC_API_KEY]).toEqual(['user-token', 'sk-user']);
  });

  it('leaves a subscriber\'s login alone: no placeholder token when Claude Code has a credential of its own', () => {
    const env = buildClaudeEnv({ plan: plan('openai/gpt-4o'), userEnv: { HOME: '/h' }, proxyBaseUrl: BASE, secret: 's3cr3t', hasOwnCredential: true });
    expect(['ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_API_KEY'].map((name) => env[name])).toEqual([undefined, undefined]);
  });

  it('sets the per-run secret as the auth token when the user has no Anthropic credentials', () => {
    const env = buildClaudeEnv({ plan: plan('openai/gpt-4o'), userEnv: {}, proxyBaseUrl: BASE, secret: 's3cr3t' });
    expect([env.ANTHROPIC_AUTH_TOKEN, env.ANTHROPIC_API_KEY]).toEqual(['s3cr3t', undefined]);
  });

  it('needs the proxy for a hook or skill route that is not Claude, even when every other route is', () => {
    expect(planNeedsProxy({ ...plan('claude'), hooks: [{ event: 'Stop', model: 'ollama/llama3.2', source: 'user' }] })).toBe(true);
    expect(planNeedsProxy({ ...plan('claude'), skills: [{ name: 'review', model: 'openai/gpt-4o', source: 'user' }] })).toBe(true);
    expect(planNeedsProxy({ ...plan('claude'), hooks: [{ event: 'Stop', model: 'claude', source: 'user' }] })).toBe(false);
  });

  it('replaces the user\'s ANTHROPIC_BASE_URL (the proxy gets the original as its Claude upstream)', () => {
    const env = buildClaudeEnv({
      plan: plan('openai/gpt-4o'),
      userEnv: { ANTHROPIC_BASE_URL: 'https://gateway.example/anthropic', ANTHROPIC_API_KEY: 'k' },
      proxyBaseUrl: BASE,
      secret: 's3cr3t',
    });
    expect(env.ANTHROPIC_BASE_URL).toBe(BASE);
  });

  it('leaves the model variables and betas alone for a Claude main with a non-Claude agent', () => {
    const env = buildClaudeEnv({
      plan: plan('claude', 'claude', [{ name: 'code-reviewer', model: 'ollama/codellama', source: 'project' }]),
      userEnv: { ANTHROPIC_API_KEY: 'k', ANTHROPIC_MODEL: 'claude-sonnet-5-5' },
      proxyBaseUrl: BASE,
      secret: 's3cr3t',
      mainContextWindow: 200_000,
    });
    expect(env).toEqual({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_MODEL: 'claude-sonnet-5-5', ANTHROPIC_BASE_URL: BASE });
  });

  it('sends the bare Claude model id for a claude/<id> main', () => {
    const env = proxiedEnv(plan('claude/claude-haiku-4-5', 'ollama/llama3.2'));
    expect(env.ANTHROPIC_MODEL).toBe('claude-haiku-4-5');
    expect(env.ANTHROPIC_SMALL_FAST_MODEL).toBe('ollama/llama3.2');
    expect(env.ENABLE_TOOL_SEARCH).toBeUndefined();
  });

  it('sends a Claude background as its oss id under a non-Claude main, so the proxy routes it to Claude', () => {
    const env = proxiedEnv(plan('openai/gpt-4o', 'claude/claude-haiku-4-5'));
    expect(env.ANTHROPIC_DEFAULT_HAIKU_MODEL).toBe('claude/claude-haiku-4-5');
    expect(env.ANTHROPIC_SMALL_FAST_MODEL).toBe('claude/claude-haiku-4-5');
  });

  it('sets no context window when the registry does not know it', () => {
    const env = buildClaudeEnv({ plan: plan('lmstudio/qwen'), userEnv: {}, proxyBaseUrl: BASE, secret: 's' });
    expect(env.CLAUDE_CODE_MAX_CONTEXT_TOKENS).toBeUndefined();
  });
});

describe('planNeedsProxy', () => {
  it('is false when every route is Claude', () => {
    expect(planNeedsProxy(plan('claude', 'default', [{ name: 'x', model: 'claude/claude-haiku-4-5', source: 'user' }]))).toBe(false);
  });

  it('is true when only an agent leaves Claude', () => {
    expect(planNeedsProxy(plan('claude', 'claude', [{ name: 'x', model: 'ollama/codellama', source: 'user' }]))).toBe(true);
  });
});
