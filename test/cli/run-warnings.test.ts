// The warnings `oss run` prints before claude starts, shown here through --dry-run (the same code path prints
// them before a launch): each is one exact line on stderr, the plan still prints and the exit code stays 0.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../routing/temp-project.js';
import { json, oss, shipProject } from '../support/oss-in-project.js';

describe('oss run warnings (printed before claude starts, and by --dry-run)', () => {
  it('warns when a slash prompt has no command or skill file, naming where it looked', async () => {
    const p = tempProject();
    const result = await oss(p, 'run', '/oss:shp', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.err).toBe(
      `oss: warning: no command or skill file for /oss:shp (looked for ${join(p.root, '.claude/commands/oss/shp.md')}, ${join(p.home, '.claude/commands/oss/shp.md')}, 0 installed plugins): ` +
        'Claude Code will tell the model there is no such command, and the request is still paid for; check the name or create the file\n',
    );
    expect(result.out.split('\n')[0]).toBe('Route plan for /oss:shp (command)');
  });

  it("does not flag Claude Code's own commands, nor a prompt found as a command or a skill", async () => {
    const p = shipProject();
    p.write('.claude/skills/pdf/SKILL.md', '---\nname: pdf\n---\nRead PDFs.');
    for (const prompt of ['/compact', '/review', '/oss:ship', '/pdf']) {
      const result = await oss(p, 'run', prompt, '--dry-run');
      expect([prompt, result.code, result.err]).toEqual([prompt, 0, '']);
    }
  });

  it('says a retired model was "retired on" its date, naming every route on it', async () => {
    const p = shipProject();
    p.write('.oss/config.json', json({ models: { background: 'gemini/gemini-2.0-flash' } }));
    const result = await oss(p, 'run', '/oss:ship', '--dry-run', '-m', 'gemini/gemini-2.0-flash');
    expect([result.code, result.err]).toEqual([
      0,
      'oss: warning: gemini/gemini-2.0-flash (main, background) retired on 2026-06-01: its provider no longer serves it; pick another with `oss models search gemini`\n',
    ]);
  });

  it('warns about an agent route whose model has no tools and a window under 32k', async () => {
    const p = shipProject();
    p.write('.claude/agents/code-reviewer.md', '---\nname: code-reviewer\n---\nYou review code.');
    p.write('.oss/config.json', json({ models: { agents: { 'code-reviewer': 'ollama/codellama' } } }));
    const result = await oss(p, 'run', '/oss:ship', '--dry-run');
    expect([result.code, result.err]).toEqual([
      0,
      "oss: warning: agent code-reviewer runs on ollama/codellama, which has no tool support and a 16,384-token context window: Claude Code's agents need tools and at least 32k tokens, so it will fail; pick another with `oss models search tools`\n",
    ]);
  });

  it('warns about a background route on a model with a small window, but not when background is just main', async () => {
    const p = shipProject();
    const small = await oss(p, 'run', '/oss:ship', '--dry-run', '-m', 'openai/gpt-4o');
    expect(small.err).toBe('');
    p.write('.oss/config.json', json({ models: { background: 'openai/gpt-3.5-turbo-0125', pricing: {} }, pricing: { 'openai/gpt-3.5-turbo-0125': { contextWindow: 16385 } } }));
    const result = await oss(p, 'run', '/oss:ship', '--dry-run');
    expect([result.code, result.err]).toEqual([
      0,
      `oss: warning: ${join(p.root, '.oss/config.json')}: models.pricing is not an oss setting; it is ignored\n` +
        "oss: warning: background runs on openai/gpt-3.5-turbo-0125, which has a 16,385-token context window: Claude Code's helper calls need tools and at least 32k tokens, so it will fail; pick another with `oss models search tools`\n",
    ]);
  });

  it('names an unknown config key with the closest known one, in every layer, and ignores unrelated top-level keys', async () => {
    const p = shipProject();
    const project = p.write('.oss/config.json', json({ models: { agent: { 'code-reviewer': 'openai/gpt-4o' }, fallbak: false }, modles: {}, otherTool: { x: 1 } }));
    const user = p.writeHome('.oss/config.json', json({ providers: { lmstudio: { type: 'openai', baseURL: 'http://localhost:1234/v1', baseUrl: 'http://localhost:1234/v1' } }, pricing: { 'openai/gpt-4o': { inptu: 1 } } }));
    const result = await oss(p, 'run', '/oss:ship', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.err).toBe(
      [
        `oss: warning: ${project}: modles is not an oss setting (did you mean models?); it is ignored`,
        `oss: warning: ${project}: models.agent is not an oss setting (did you mean models.agents?); it is ignored`,
        `oss: warning: ${project}: models.fallbak is not an oss setting (did you mean models.fallback?); it is ignored`,
        `oss: warning: ${user}: providers.lmstudio.baseURL is not an oss setting (did you mean providers.lmstudio.baseUrl?); it is ignored`,
        `oss: warning: ${user}: pricing["openai/gpt-4o"].inptu is not an oss setting (did you mean pricing["openai/gpt-4o"].input?); it is ignored`,
        '',
      ].join('\n'),
    );
  });

  it('refuses a bare model id with "did you mean" and the provider-qualified ids', async () => {
    const p = shipProject();
    const result = await oss(p, 'run', '/oss:ship', '--dry-run', '--model', 'gpt-4o');
    expect([result.code, result.out, result.err]).toEqual([
      2,
      '',
      'oss: --model "gpt-4o": expected a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude (did you mean openai/gpt-4o or openrouter/openai/gpt-4o?)\n',
    ]);
    const adhoc = await oss(p, 'run', 'hello', '--dry-run', '-m', 'llama3.2');
    expect([adhoc.code, adhoc.err]).toEqual([
      2,
      'oss: --model "llama3.2": expected a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude (did you mean ollama/llama3.2?)\n',
    ]);
  });

  it('suggests a provider for a bare id written in a config file too', async () => {
    const p = shipProject();
    const project = p.write('.oss/config.json', json({ models: { default: 'gpt-4o' } }));
    const result = await oss(p, 'run', '/oss:ship', '--dry-run');
    expect([result.code, result.err]).toEqual([
      2,
      `oss: ${project}: models.default: expected a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude (did you mean openai/gpt-4o or openrouter/openai/gpt-4o?), got "gpt-4o"\n`,
    ]);
  });
});
