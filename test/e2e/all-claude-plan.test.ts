// (f) A plan where every route is Claude: no proxy, claude gets the user's environment exactly as it was.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchRun } from '../../src/launcher/launch-run.js';
import type { RoutePlan } from '../../src/routing/route-plan-types.js';
import { capturedIO } from '../support/captured-io.js';
import { readDump, writeFakeClaude } from '../support/fake-claude.js';
import { start, type ScriptedServer } from '../support/scripted-anthropic-server.js';

const CLAUDE = join(process.cwd(), 'node_modules/.bin/claude');
const root = mkdtempSync(join(tmpdir(), 'oss-all-claude-'));

function allClaudePlan(): RoutePlan {
  return {
    prompt: { type: 'adhoc', name: 'adhoc' },
    main: { model: 'claude', source: 'builtin' },
    background: { model: 'claude', source: 'builtin' },
    agents: [{ name: 'code-reviewer', model: 'claude/claude-haiku-4-5', source: 'project' }],
    fallback: true,
  };
}

const servers: ScriptedServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('all-Claude plan', () => {
  it('says once that a budget is not enforced when no proxy runs, and still runs claude untouched', async () => {
    const fake = writeFakeClaude(root);
    const dump = join(root, 'dump-budget.json');
    const env = { ...process.env, ANTHROPIC_API_KEY: 'sk-ant-user-key', FAKE_CLAUDE_DUMP: dump };
    const io = capturedIO(env, root);
    const plan: RoutePlan = { ...allClaudePlan(), budget: { run: { usd: 0.5, setBy: '--max-cost', raise: '' } } };
    expect(await launchRun(plan, { promptText: 'hi', print: true, quiet: false, claudeBin: fake, claudeArgs: [] }, io)).toBe(0);
    expect(readDump(dump).args).toEqual(['-p', 'hi']);
    expect(io.stderrText()).toBe(
      'oss: every route is Claude, so no proxy runs and the budget is not enforced; claude -p has its own --max-budget-usd\n' +
        'oss: adhoc · claude · direct to Anthropic (not metered by oss)\n',
    );
  });

  it('starts claude with the user\'s environment unchanged, no proxy, no added arguments, and keeps its exit code', async () => {
    const fake = writeFakeClaude(root);
    const dump = join(root, 'dump.json');
    const env = {
      ...process.env,
      ANTHROPIC_API_KEY: 'sk-ant-user-key',
      ANTHROPIC_BASE_URL: 'https://gateway.example/anthropic',
      ANTHROPIC_MODEL: 'claude-sonnet-5-5',
      FAKE_CLAUDE_DUMP: dump,
      FAKE_CLAUDE_EXIT: '7',
    };
    const io = capturedIO(env, root);
    const code = await launchRun(allClaudePlan(), { promptText: 'hello there', print: true, quiet: false, claudeBin: fake, claudeArgs: ['--verbose'] }, io);
    expect(code).toBe(7);
    const seen = readDump(dump);
    expect(seen.env).toEqual(env);
    expect(seen.args).toEqual(['-p', 'hello there', '--verbose']);
    expect(seen.cwd).toBe(root);
    expect(io.stderrText()).toBe('oss: adhoc · claude · direct to Anthropic (not metered by oss)\n');
  });

  it('lets the real claude talk straight to the user\'s Anthropic endpoint with the user\'s key', async () => {
    const anthropic = await start({ text: 'Straight from Anthropic.' });
    servers.push(anthropic);
    const home = mkdtempSync(join(tmpdir(), 'oss-all-claude-home-'));
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      OSS_HOME: join(home, '.oss'),
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      CLAUDE_CODE_MAX_RETRIES: '0',
      ANTHROPIC_API_KEY: 'sk-ant-user-key',
      ANTHROPIC_BASE_URL: anthropic.url,
    };
    const io = capturedIO(env, home);
    const code = await launchRun(allClaudePlan(), { promptText: 'say hi', print: true, quiet: true, claudeBin: CLAUDE, claudeArgs: [] }, io);
    expect(code).toBe(0);
    const messages = anthropic.requests.filter((request) => request.path === '/v1/messages');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.headers['x-api-key']).toBe('sk-ant-user-key');
    expect(messages[0]?.headers.authorization).toBeUndefined();
    expect((messages[0]?.body as { model?: string }).model).toBe('claude-opus-5-5');
    expect(io.stderrText()).toBe('');
  }, 120_000);
});
