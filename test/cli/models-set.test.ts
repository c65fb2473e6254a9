import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../routing/temp-project.js';
import { json, oss } from '../support/oss-in-project.js';

/** Every file under the folders, with its bytes. */
function snapshot(...dirs: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name);
      if (entry.isFile()) files[relative(dir, path) + `@${dir}`] = readFileSync(path, 'latin1');
    }
  }
  return files;
}

describe('oss models set', () => {
  it('writes the user config by default', async () => {
    const p = tempProject();
    const result = await oss(p, 'models', 'set', 'oss:ship', 'ollama/llama3.2');
    expect(result.code).toBe(0);
    expect(JSON.parse(p.read(join(p.ossHome, 'config.json')))).toEqual({ models: { commands: { 'oss:ship': 'ollama/llama3.2' } } });
    expect(result.out).toBe(`oss:ship (command) → ollama/llama3.2  in ${join(p.ossHome, 'config.json')}\n`);
    expect(statSync(p.ossHome).mode & 0o777).toBe(0o700);
  });

  it('writes .oss/config.json with --project and .oss/config.local.json with --local, at the repository root', async () => {
    const p = tempProject();
    expect((await oss(p, 'models', 'set', '/oss:ship', 'openai/gpt-4o', '--project')).code).toBe(0);
    expect((await oss(p, 'models', 'set', 'oss:ship', 'claude', '--local')).code).toBe(0);
    expect(JSON.parse(p.read(join(p.root, '.oss', 'config.json')))).toEqual({ models: { commands: { 'oss:ship': 'openai/gpt-4o' } } });
    expect(JSON.parse(p.read(join(p.root, '.oss', 'config.local.json')))).toEqual({ models: { commands: { 'oss:ship': 'claude' } } });
  });

  it('keeps unknown keys and their order', async () => {
    const p = tempProject();
    const file = p.writeHome('.oss/config.json', json({ editor: { theme: 'dark' }, models: { commands: { other: 'claude' }, futureKey: 1 }, zz: [1] }));
    expect((await oss(p, 'models', 'set', 'oss:ship', 'ollama/llama3.2')).code).toBe(0);
    expect(p.read(file)).toBe(`${json({ editor: { theme: 'dark' }, models: { commands: { other: 'claude', 'oss:ship': 'ollama/llama3.2' }, futureKey: 1 }, zz: [1] })}\n`);
  });

  it('rejects an invalid model id with exit 2 and writes nothing', async () => {
    const p = tempProject();
    const result = await oss(p, 'models', 'set', 'oss:ship', 'invalid');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/models\.commands\["oss:ship"\]: expected a model id .*got "invalid"\n$/);
    expect(result.err.split('\n')).toHaveLength(2);
    expect(result.err.split('\n').at(-2)).toBe(`oss: ${join(p.ossHome, 'config.json')}: models.commands["oss:ship"]: expected a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude, got "invalid"`);
    expect(result.out).toBe('');
    expect(existsSync(p.ossHome)).toBe(false);
  });

  it('a broken config file gives one line naming the file and JSON path, exits 2, and leaves every file untouched', async () => {
    const p = tempProject();
    p.writeHome('.oss/config.json', json({ other: { tool: true }, models: { commands: { keep: 'claude' } } }));
    const broken = p.write('.oss/config.json', json({ models: { agents: { 'oss:code-reviewer': 42 } } }));
    p.write('.oss/config.local.json', '{"models":{}}');
    const before = snapshot(p.home, p.root);
    const result = await oss(p, 'models', 'set', 'oss:ship', 'ollama/llama3.2', '--local');
    expect(result.code).toBe(2);
    expect(result.err).toBe(`oss: ${broken}: models.agents["oss:code-reviewer"]: expected a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude, got number 42\n`);
    expect(result.out).toBe('');
    expect(snapshot(p.home, p.root)).toEqual(before);
  });

  it('warns when a project setting shadows what was just set in the user config', async () => {
    const p = tempProject();
    const project = p.write('.oss/config.json', json({ models: { commands: { 'oss:ship': 'openai/gpt-4o' } } }));
    const result = await oss(p, 'models', 'set', 'oss:ship', 'ollama/llama3.2');
    expect(result.code).toBe(0);
    expect(result.err).toBe(
      `oss: warning: ${project} (project) sets oss:ship to openai/gpt-4o, which wins over this user setting; run \`oss models unset oss:ship --project\` to drop it\n`,
    );
  });

  it('infers the type from the prompt file, else saves a command and says so', async () => {
    const p = tempProject();
    p.write('.claude/agents/reviewer.md', '---\nname: code-reviewer\n---\nReview.');
    expect((await oss(p, 'models', 'set', 'code-reviewer', 'ollama/codellama')).err).toBe('');
    const unknown = await oss(p, 'models', 'set', 'mystery', 'ollama/codellama');
    expect(unknown.err).toBe('oss: no prompt file named mystery found, so it was saved as a command (use --type agent|skill|hook to change)\n');
    expect(unknown.out).toBe(`mystery (command) → ollama/codellama  in ${join(p.ossHome, 'config.json')}\n`);
    expect(JSON.parse(p.read(join(p.ossHome, 'config.json')))).toEqual({
      models: { agents: { 'code-reviewer': 'ollama/codellama' }, commands: { mystery: 'ollama/codellama' } },
    });
  });

  it('should update model config for prompt (seed 5.1): oss:code-reviewer, an agent of the installed oss plugin, goes under agents', async () => {
    const p = tempProject();
    const plugin = join('.claude', 'plugins', 'cache', 'market', 'oss', '1.0.0');
    p.writeHome(join(plugin, '.claude-plugin', 'plugin.json'), JSON.stringify({ name: 'oss' }));
    p.writeHome(join(plugin, 'agents', 'code-reviewer.md'), '---\nname: code-reviewer\n---\nReview.');
    const result = await oss(p, 'models', 'set', 'oss:code-reviewer', 'ollama/codellama');
    expect(result).toEqual({ code: 0, out: `oss:code-reviewer (agent) → ollama/codellama  in ${join(p.ossHome, 'config.json')}\n`, err: '' });
    expect(JSON.parse(p.read(join(p.ossHome, 'config.json'))).models.agents['oss:code-reviewer']).toBe('ollama/codellama');
  });

  it('honours --type', async () => {
    const p = tempProject();
    expect((await oss(p, 'models', 'set', 'Stop', 'ollama/llama3.2', '--type', 'hook')).code).toBe(0);
    expect(JSON.parse(p.read(join(p.ossHome, 'config.json')))).toEqual({ models: { hooks: { Stop: 'ollama/llama3.2' } } });
  });

  it('refuses --project with --local', async () => {
    const p = tempProject();
    const result = await oss(p, 'models', 'set', 'x', 'claude', '--project', '--local');
    expect(result.code).toBe(2);
    expect(result.err).toBe('oss: choose one of --project and --local\n');
  });
});

describe('oss models unset', () => {
  it('removes the setting from the chosen layer, keeping everything else', async () => {
    const p = tempProject();
    const file = p.write('.oss/config.json', json({ x: 1, models: { commands: { 'oss:ship': 'openai/gpt-4o', keep: 'claude' } } }));
    const result = await oss(p, 'models', 'unset', 'oss:ship', '--project');
    expect(result).toEqual({ code: 0, out: `oss:ship (command): setting removed from ${file}\n`, err: '' });
    expect(JSON.parse(p.read(file))).toEqual({ x: 1, models: { commands: { keep: 'claude' } } });
  });

  it('says so, and creates nothing, when there is no setting', async () => {
    const p = tempProject();
    const result = await oss(p, 'models', 'unset', 'oss:ship');
    expect(result).toEqual({ code: 0, out: '', err: 'oss: oss:ship has no model setting in the user config; nothing changed\n' });
    expect(existsSync(p.ossHome)).toBe(false);
  });
});
