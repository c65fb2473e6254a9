// Seed plan Task 10.1 (E2E model routing), for this layout: `oss models set` routes a command to Ollama and
// `oss run` uses it; with Ollama down the run falls back to Claude; costs of several runs show up in
// `oss models costs`.
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';
import { closedPort } from '../support/closed-port.js';
import { CLAUDE_BIN, makeProject, onlyDay } from '../support/e2e-run.js';
import { start as startAnthropic } from '../support/scripted-anthropic-server.js';
import { geminiTextStream, startGeminiUpstream } from '../support/scripted-gemini-upstream.js';
import { startOllamaUpstream } from '../support/scripted-ollama-upstream.js';
import { openAITextStream, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const REVIEW = '---\ndescription: Review the code\n---\nReview the code in this folder.\n';
const PLAN = '---\ndescription: Plan the work\n---\nPlan the next steps.\n';
const SHIP = '---\ndescription: Ship it\n---\nShip the project.\n';

describe('E2E: model routing (real claude)', () => {
  it('executes a command with the model `oss models set` configured for it', async () => {
    const ollama = await startOllamaUpstream(['llama3.2'], 'Reviewed by llama3.2.');
    cleanups.push(() => ollama.close());
    const project = makeProject({}, { '.claude/commands/oss/review.md': REVIEW });
    cleanups.push(() => project.remove());
    const env = project.env({ OLLAMA_HOST: ollama.url });

    const set = capturedIO(env, project.dir);
    expect(await main(['models', 'set', 'oss:review', 'ollama/llama3.2', '--project'], set), set.stderrText()).toBe(0);
    const io = capturedIO(env, project.dir);
    const code = await main(['run', '/oss:review', '-p', '--claude-bin', CLAUDE_BIN], io);

    expect(code, io.stderrText()).toBe(0);
    const chats = ollama.requests.filter((request) => request.path === '/v1/chat/completions');
    expect(chats.map((request) => (request.body as { model?: string }).model)).toEqual(['llama3.2']);
    expect(Object.keys(onlyDay(project.ledger())['oss:review']?.models ?? {})).toEqual(['ollama/llama3.2']);
  }, 120_000);

  it('falls back to Claude when Ollama is not running', async () => {
    const anthropic = await startAnthropic({ text: 'Reviewed by Claude.' });
    cleanups.push(() => anthropic.close());
    const project = makeProject({ models: { commands: { 'oss:review': 'ollama/llama3.2' } } }, { '.claude/commands/oss/review.md': REVIEW });
    cleanups.push(() => project.remove());
    const env = project.env({
      OLLAMA_HOST: `127.0.0.1:${await closedPort()}`,
      ANTHROPIC_API_KEY: 'sk-ant-user',
      ANTHROPIC_BASE_URL: anthropic.url,
      CLAUDE_CODE_MAX_RETRIES: '0',
    });
    const io = capturedIO(env, project.dir);
    const code = await main(['run', '/oss:review', '-p', '--claude-bin', CLAUDE_BIN], io);

    expect(code, io.stderrText()).toBe(0);
    const review = onlyDay(project.ledger())['oss:review'];
    expect(review?.fallbacks).toBe(1);
    expect(Object.keys(review?.models ?? {})).toEqual(['claude/claude-sonnet-5-5']);
    expect(anthropic.requests.filter((request) => request.path === '/v1/messages')).toHaveLength(1);
  }, 120_000);

  it('tracks costs across runs: oss models costs lists each command', async () => {
    const openrouter = await startOpenAIUpstream(() => openAITextStream(['Shipped.'], { prompt: 400, completion: 10, cost: 0.0123 }));
    const gemini = await startGeminiUpstream(() => geminiTextStream(['Planned.'], 200, 6));
    cleanups.push(() => openrouter.close(), () => gemini.close());
    const project = makeProject({}, { '.claude/commands/oss/ship.md': SHIP, '.claude/commands/oss/plan.md': PLAN });
    cleanups.push(() => project.remove());
    const env = project.env({
      OPENROUTER_API_KEY: 'sk-or-test',
      OPENROUTER_BASE_URL: `${openrouter.url}/v1`,
      GEMINI_API_KEY: 'gem-test',
      GEMINI_BASE_URL: `${gemini.url}/v1beta`,
    });

    const ship = capturedIO(env, project.dir);
    expect(await main(['run', '/oss:ship', '--model', 'openrouter/deepseek/deepseek-chat', '-p', '--claude-bin', CLAUDE_BIN], ship), ship.stderrText()).toBe(0);
    const plan = capturedIO(env, project.dir);
    expect(await main(['run', '/oss:plan', '--model', 'gemini/gemini-2.0-flash', '-p', '--claude-bin', CLAUDE_BIN], plan), plan.stderrText()).toBe(0);

    const costs = capturedIO(env, project.dir);
    expect(await main(['models', 'costs', '--by', 'prompt'], costs), costs.stderrText()).toBe(0);
    expect(costs.stdoutText()).toContain('oss:ship');
    expect(costs.stdoutText()).toContain('oss:plan');
    const day = onlyDay(project.ledger());
    expect(day['oss:ship']?.cost_usd).toBeCloseTo(0.0123, 10);
    expect(day['oss:plan']?.cost_usd).toBeGreaterThan(0);
  }, 180_000);
});
