// Which route the status line counts a request under: the agent that asked, `background` for the background
// model when it differs from main, else `main` (a fallback to Claude included).
import { describe, expect, it } from 'vitest';
import { routeName } from '../../src/proxy/run-status.js';
import type { UsageEvent } from '../../src/usage/usage-event.js';
import { planFor } from '../support/proxy-harness.js';

const plan = planFor('openai/gpt-4o', { background: { model: 'ollama/llama3.2', source: 'user' } });

function event(prompt: string, model: string, fallback = false): UsageEvent {
  return {
    prompt, model, provider: model.split('/')[0]!, input_tokens: 1, output_tokens: 1, cache_read_tokens: 0, cache_write_tokens: 0,
    fallback, latency_ms: 1, ttfb_ms: 1, outcome: 'ok', at: 0,
  };
}

describe('routeName', () => {
  it('names main, background, an agent, and counts a fallback on main', () => {
    expect([
      routeName(plan, event('oss:ship', 'openai/gpt-4o')),
      routeName(plan, event('oss:ship', 'ollama/llama3.2')),
      routeName(plan, event('code-reviewer', 'ollama/llama3.2')),
      routeName(plan, event('oss:ship', 'claude/claude-sonnet-5-5', true)),
      routeName(planFor('ollama/llama3.2'), event('oss:ship', 'ollama/llama3.2')),
    ]).toEqual(['main', 'background', 'code-reviewer', 'main', 'main']);
  });
});
