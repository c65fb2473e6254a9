// Seed plan Task 5.2 (CLI override), for this layout: `--model` anywhere on an `oss run` line beats the
// project config and the command file's frontmatter; the run really goes to that model, and the output
// names it.
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';
import { CLAUDE_BIN, makeProject, onlyDay, openAIProvider } from '../support/e2e-run.js';
import { openAITextStream, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const SHIP = '---\ndescription: Ship it\nmodel: configured/from-frontmatter\n---\nShip the project: $ARGUMENTS\n';

describe('CLI model override', () => {
  it('parses --model from the command line, after the command and its arguments', async () => {
    const project = makeProject({ models: { commands: { 'oss:ship': 'openai/gpt-4o' } } }, { '.claude/commands/oss/ship.md': SHIP });
    cleanups.push(() => project.remove());
    const io = capturedIO(project.env(), project.dir);
    const code = await main(['run', '/oss:ship', 'prod', '--model', 'gemini/gemini-2.0-flash', '--dry-run'], io);
    expect(code, io.stderrText()).toBe(0);
    expect(io.stdoutText()).toContain('Route plan for /oss:ship (command)');
    expect(io.stdoutText()).toMatch(/main\s+gemini\/gemini-2\.0-flash\s+--model/);
  });

  it('sends the run to the --model target, not to the project config or the frontmatter, and names it in the summary', async () => {
    const chosen = await startOpenAIUpstream(() => openAITextStream(['Shipped.'], { prompt: 50, completion: 2 }));
    const configured = await startOpenAIUpstream(() => openAITextStream(['wrong upstream']));
    cleanups.push(() => chosen.close(), () => configured.close());
    const project = makeProject(
      {
        models: { commands: { 'oss:ship': 'configured/from-config' } },
        providers: { chosen: openAIProvider(chosen.url), configured: openAIProvider(configured.url) },
      },
      { '.claude/commands/oss/ship.md': SHIP },
    );
    cleanups.push(() => project.remove());

    const io = capturedIO(project.env({ SCRIPTED_API_KEY: 'sk-scripted' }), project.dir);
    const code = await main(['run', '/oss:ship', 'prod', '--model', 'chosen/fast-1', '-p', '--claude-bin', CLAUDE_BIN], io);

    expect(code, io.stderrText()).toBe(0);
    expect(configured.requests.map((request) => (request.body as { model?: string }).model)).toEqual([]);
    expect(chosen.requests.map((request) => (request.body as { model?: string }).model)).toEqual(['fast-1']);
    expect(JSON.stringify(chosen.requests[0]?.body)).toContain('Ship the project: prod');
    expect(Object.keys(onlyDay(project.ledger())['oss:ship']?.models ?? {})).toEqual(['chosen/fast-1']);
    expect(io.stderrText()).toMatch(/oss: oss:ship · chosen\/fast-1 · 1 request · /);
  }, 120_000);
});
