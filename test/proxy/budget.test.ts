// The proxy's spending caps: once what the run (and, for the daily cap, the ledger's today) has spent reaches a
// cap, the next request gets a 402 billing_error with x-should-retry: false and no upstream is called. Provider
// routes, Claude routes, fallbacks and WebSearch sub-requests all count. The live totals are served to `oss statusline`
// (the route itself, and its guard: test/proxy/status-route.test.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { start, type ScriptedServer } from '../support/scripted-anthropic-server.js';
import { openAITextStream, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';
import { closeAfterEach, HELLO, planFor, until, type StartedProxy } from '../support/proxy-harness.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { localDate } from '../../src/usage/ledger.js';
import type { Budget } from '../../src/usage/budget.js';

const session = closeAfterEach();
let running: StartedProxy | undefined;

/** Claude Code's WebSearch sub-request, as captured (test/fixtures/SOURCES.md). */
const WEB_SEARCH = JSON.parse(readFileSync('test/fixtures/claude-code/websearch-sub-request.json', 'utf8')) as { search_request: { body: Record<string, unknown> } };

const RUN_CAP: Budget = { run: { usd: 0.0005, setBy: '--max-cost', raise: 'Run again with a higher --max-cost.' } };
/** $1 per million tokens in and out: 800 + 30 tokens cost $0.00083. */
const SCRIPTED_PRICE = { 'scripted/coder-1': { input: 1, output: 1 } };

async function openAI(): Promise<ScriptedUpstream> {
  const upstream = await startOpenAIUpstream(() => openAITextStream(['Hello', ' there.'], { prompt: 800, completion: 30 }));
  session.later(() => upstream.close());
  return upstream;
}

async function claudeServer(fail = false): Promise<ScriptedServer> {
  const server = await start({
    text: 'From Claude.',
    ...(fail ? { handler: () => ({ kind: 'error' as const, status: 500, type: 'api_error', message: 'gateway down' }) } : {}),
  });
  session.later(() => server.close());
  return server;
}

/** A proxy whose main route is an `anthropic`-type gateway, capped at $0.003 a run, `priced` at $100 per million tokens. */
function gatewayUnderCap(gateway: ScriptedServer, claude: ScriptedServer, priced: string): Promise<StartedProxy> {
  return session.startProxy({
    plan: planFor('gateway/model-a', { budget: { run: { usd: 0.003, setBy: '--max-cost', raise: 'Run again with a higher --max-cost.' } } }),
    config: {
      providers: { gateway: { type: 'anthropic', baseUrl: gateway.url, apiKeyEnv: 'GATEWAY_KEY' } },
      pricing: { [priced]: { input: 100, output: 100 } },
    },
    env: { ANTHROPIC_BASE_URL: claude.url, GATEWAY_KEY: 'gw' },
  });
}

async function refusalOf(response: Response): Promise<{ status: number; retry: string | null; body: unknown }> {
  return { status: response.status, retry: response.headers.get('x-should-retry'), body: await response.json() };
}

function billing(message: string) {
  return { status: 402, retry: 'false', body: { type: 'error', error: { type: 'billing_error', message } } };
}

describe('spending caps in the proxy', () => {
  it('answers the request after the run cap is reached with a 402 that names cap, spending and the next step, and calls no provider', async () => {
    const upstream = await openAI();
    running = await session.startProxy({
      plan: planFor('scripted/coder-1', { budget: RUN_CAP }),
      config: { providers: { scripted: { type: 'openai', baseUrl: `${upstream.url}/v1`, apiKeyEnv: 'K' } }, pricing: SCRIPTED_PRICE },
      env: { K: 'sk' },
    });

    const first = await running.post('/v1/messages', HELLO);
    expect((await accumulateWithSdk(await first.text())).content).toEqual([{ type: 'text', text: 'Hello there.' }]);
    const second = await running.post('/v1/messages', HELLO);

    const message = 'oss: run budget reached: $0.0008 spent on 1 request, cap $0.0005 (--max-cost). Run again with a higher --max-cost.';
    expect(await refusalOf(second)).toEqual(billing(message));
    expect(upstream.requests).toHaveLength(1);
    expect(running.usage).toHaveLength(1);
    expect(running.proxy.budgetNotice()).toBe(message);
  });

  it('refuses Claude Code\'s WebSearch sub-request too once the cap is reached', async () => {
    const upstream = await openAI();
    running = await session.startProxy({
      plan: planFor('scripted/coder-1', { budget: RUN_CAP }),
      config: { providers: { scripted: { type: 'openai', baseUrl: `${upstream.url}/v1`, apiKeyEnv: 'K' } }, pricing: SCRIPTED_PRICE },
      env: { K: 'sk' },
    });
    await (await running.post('/v1/messages', HELLO)).text();
    const search = { ...WEB_SEARCH.search_request.body, model: 'scripted/coder-1' };

    const refused = await running.post('/v1/messages?beta=true', search, { 'x-api-key': 'sk-ant-user' });

    expect(await refusalOf(refused)).toEqual(
      billing('oss: run budget reached: $0.0008 spent on 1 request, cap $0.0005 (--max-cost). Run again with a higher --max-cost.'),
    );
    expect(upstream.requests).toHaveLength(1);
  });

  it('counts a Claude route: the second request to Claude is refused once the first cost more than the cap', async () => {
    const claude = await claudeServer();
    running = await session.startProxy({
      plan: planFor('claude', { budget: { run: { usd: 0.003, setBy: 'models.budget.run_usd in /u/.oss/config.json', raise: 'Raise it.' } } }),
      config: { pricing: { 'claude/claude-opus-5-5': { input: 100, output: 100 } } },
      env: { ANTHROPIC_BASE_URL: claude.url },
    });

    expect((await running.post('/v1/messages', HELLO, { 'x-api-key': 'sk-ant-user' })).status).toBe(200);
    const second = await running.post('/v1/messages', HELLO, { 'x-api-key': 'sk-ant-user' });

    // 26 input + 7 output tokens at $100 per million.
    expect(await refusalOf(second)).toEqual(
      billing('oss: run budget reached: $0.0033 spent on 1 request, cap $0.003 (models.budget.run_usd in /u/.oss/config.json). Raise it.'),
    );
    expect(claude.requests).toHaveLength(1);
  });

  it('counts a fallback to Claude, and refuses the next request before calling the failing provider again', async () => {
    const gateway = await claudeServer(true);
    const claude = await claudeServer();
    running = await gatewayUnderCap(gateway, claude, 'claude/claude-opus-5-5');

    expect((await running.post('/v1/messages', HELLO, { 'x-api-key': 'sk-ant-user' })).status).toBe(200);
    const gatewayCalls = gateway.requests.length;
    const second = await running.post('/v1/messages', HELLO, { 'x-api-key': 'sk-ant-user' });

    expect(await refusalOf(second)).toEqual(
      billing('oss: run budget reached: $0.0033 spent on 1 request, cap $0.003 (--max-cost). Run again with a higher --max-cost.'),
    );
    expect(gateway.requests.length).toBe(gatewayCalls);
    expect(claude.requests).toHaveLength(1);
    expect(running.fallbacks).toHaveLength(1);
  });

  it('refuses a fallback when another request reached the cap while the provider was failing', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const gateway = await start({
      text: 'From the gateway.',
      handler: async () => {
        calls += 1;
        if (calls === 1) {
          await held;
          return { kind: 'error', status: 500, type: 'api_error', message: 'gateway down' };
        }
        // The second request succeeds (and reaches the cap: the gateway reports 31 tokens, at $100 per million); retries of the first keep failing.
        return calls === 2 ? undefined : { kind: 'error', status: 500, type: 'api_error', message: 'gateway down' };
      },
    });
    session.later(() => gateway.close());
    const claude = await claudeServer();
    running = await gatewayUnderCap(gateway, claude, 'gateway/model-a');

    const first = running.post('/v1/messages', HELLO, { 'x-api-key': 'sk-ant-user' });
    await until(() => calls === 1, 'the first request at the gateway');
    expect((await running.post('/v1/messages', HELLO, { 'x-api-key': 'sk-ant-user' })).status).toBe(200);
    release();

    expect(await refusalOf(await first)).toEqual(
      billing('oss: run budget reached: $0.0031 spent on 1 request, cap $0.003 (--max-cost). Run again with a higher --max-cost.'),
    );
    expect(claude.requests).toHaveLength(0);
    expect(running.fallbacks).toEqual([]);
  });

  it('adds the ledger\'s total for today, read at start, to the run for the daily cap', async () => {
    const upstream = await openAI();
    const ossHome = mkdtempSync(join(tmpdir(), 'oss-budget-'));
    session.later(() => rmSync(ossHome, { recursive: true, force: true }));
    mkdirSync(ossHome, { recursive: true });
    const today = localDate(Date.now());
    writeFileSync(join(ossHome, 'usage.json'), JSON.stringify({ [today]: { 'oss:ship': { cost_usd: 4.9 }, adhoc: { cost_usd: 0.0995 } }, '2020-01-01': { x: { cost_usd: 99 } } }));
    running = await session.startProxy({
      plan: planFor('scripted/coder-1', {
        budget: { daily: { usd: 5, setBy: 'models.budget.daily_usd in /u/.oss/config.json', raise: 'Raise it there, or wait until tomorrow.' } },
      }),
      config: { providers: { scripted: { type: 'openai', baseUrl: `${upstream.url}/v1`, apiKeyEnv: 'K' } }, pricing: SCRIPTED_PRICE },
      env: { K: 'sk', OSS_HOME: ossHome },
    });

    expect((await running.post('/v1/messages', HELLO)).status).toBe(200);
    // The ledger file changes under the run (another run merged): the cap keeps using what was read at start.
    writeFileSync(join(ossHome, 'usage.json'), '{}');
    const second = await running.post('/v1/messages', HELLO);

    expect(await refusalOf(second)).toEqual(
      billing(
        'oss: daily budget reached: $5.0003 spent today ($4.9995 before this run, $0.0008 on 1 request in it), cap $5.00 (models.budget.daily_usd in /u/.oss/config.json). Raise it there, or wait until tomorrow.',
      ),
    );
    expect(upstream.requests).toHaveLength(1);
  });

  it('serves the live totals of the requests so far to the status line', async () => {
    const upstream = await openAI();
    running = await session.startProxy({
      plan: planFor('scripted/coder-1', { budget: { run: { usd: 0.5, setBy: '--max-cost', raise: '' } } }),
      config: { providers: { scripted: { type: 'openai', baseUrl: `${upstream.url}/v1`, apiKeyEnv: 'K' } }, pricing: SCRIPTED_PRICE },
      env: { K: 'sk' },
    });
    await (await running.post('/v1/messages', HELLO)).text();
    await (await running.post('/v1/messages', HELLO)).text();

    const status = await fetch(running.proxy.statusUrl);
    expect(status.headers.get('cache-control')).toBe('no-store');
    expect(await status.json()).toEqual({
      main: 'scripted/coder-1',
      requests: 2,
      cost_usd: 0.00166,
      unpriced: 0,
      fallbacks: 0,
      routes: [{ route: 'main', requests: 2, tokens: 1660 }],
      budget: { run_usd: 0.5, today_usd: 0.00166, reached: false },
    });
  });
});
