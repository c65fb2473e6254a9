// GET /<secret>/oss/status serves the run's live totals for `oss statusline`, uncached, and only behind the
// same secret path and Host check as every other route. Driven with inject() on the real app; what the totals
// add up to as requests end is test/proxy/budget.test.ts's.
import { describe, expect, it } from 'vitest';
import type { RunStatus } from '../../src/proxy/run-status.js';
import { anthropicError } from '../support/expected-messages.js';
import { INJECT_PORT, injectableProxy, planFor, replyOf } from '../support/proxy-harness.js';

/** A run with a background route of its own, one fallback and one unpriced request, under a daily cap only. */
const totals: RunStatus = {
  main: 'openai/gpt-4o', requests: 3, cost_usd: 0.0123, unpriced: 1, fallbacks: 1,
  routes: [{ route: 'main', requests: 2, tokens: 4200 }, { route: 'background', requests: 1, tokens: 310 }],
  budget: { daily_usd: 5, today_usd: 1.25, reached: false },
};
let asked = 0;
const proxy = injectableProxy({ plan: planFor('openai/gpt-4o', { background: { model: 'ollama/llama3.2', source: 'user' } }), status: () => ((asked += 1), totals) });

describe('status route', () => {
  it('serves the live totals, asked anew each time, and tells no cache to keep them', async () => {
    const first = replyOf(await proxy.request({ method: 'GET', path: '/oss/status' }), ['cache-control', 'content-type']);
    await proxy.request({ method: 'GET', path: '/oss/status' });
    expect([first, asked]).toEqual([{ status: 200, 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8', body: totals }, 2]);
  });

  it('refuses the status path without the secret, or under another one, and asks for no totals', async () => {
    const before = asked;
    const refused = { status: 403, 'x-should-retry': 'false', body: anthropicError('permission_error', 'oss proxy: wrong path or host for this proxy') };
    const answers = await Promise.all(['/oss/status', '/not-the-secret/oss/status'].map((url) => proxy.app.inject({ method: 'GET', url, headers: { host: `127.0.0.1:${INJECT_PORT}` } })));
    expect([answers.map((answer) => replyOf(answer)), asked]).toEqual([[refused, refused], before]);
  });
});
