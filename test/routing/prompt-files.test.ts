import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandNameForPath, discoverPrompts, findPromptFile } from '../../src/routing/prompt-files.js';
import { tempProject } from '../routing/temp-project.js';

const agent = (name: string, model?: string) => `---\nname: ${name}\n${model ? `model: ${model}\n` : ''}---\nYou are ${name}.\n`;

describe('command names', () => {
  it('turns folders into `:` namespaces, as Claude Code does', () => {
    expect(commandNameForPath('oss/ship.md')).toBe('oss:ship');
    expect(commandNameForPath('oss/release/notes.md')).toBe('oss:release:notes');
    expect(commandNameForPath('ship.md')).toBe('ship');
    expect(commandNameForPath('deploy/prod.md', 'ossplug')).toBe('ossplug:deploy:prod');
  });
});

describe('discovering prompt files', () => {
  it('finds project commands (nested), agents by frontmatter name, and skills', async () => {
    const p = tempProject();
    const ship = p.write('.claude/commands/oss/ship.md', 'Ship $ARGUMENTS');
    const notes = p.write('.claude/commands/oss/release/notes.md', 'Notes');
    const reviewer = p.write('.claude/agents/reviewer-file.md', agent('code-reviewer'));
    const plain = p.write('.claude/agents/helper.md', 'No frontmatter here');
    const skill = p.write('.claude/skills/pdf/SKILL.md', '---\ndescription: PDFs\n---\nUse pdftotext.');
    const found = (await discoverPrompts({ cwd: p.root, env: p.env })).map(({ type, name, file, origin }) => ({ type, name, file, origin }));
    expect(found).toEqual([
      { type: 'command', name: 'oss:release:notes', file: notes, origin: 'project' },
      { type: 'command', name: 'oss:ship', file: ship, origin: 'project' },
      { type: 'agent', name: 'helper', file: plain, origin: 'project' },
      { type: 'agent', name: 'code-reviewer', file: reviewer, origin: 'project' },
      { type: 'skill', name: 'pdf', file: skill, origin: 'project' },
    ]);
  });

  it('searches the project, then ~/.claude, then plugins; the first file for a name wins', async () => {
    const p = tempProject();
    const projectShip = p.write('.claude/commands/oss/ship.md', 'project');
    p.writeHome('.claude/commands/oss/ship.md', 'user');
    const userOnly = p.writeHome('.claude/commands/oss/lint.md', 'user');
    const pluginDir = join('.claude', 'plugins', 'cache', 'market', 'oss', '1.0.0');
    p.writeHome(join(pluginDir, '.claude-plugin', 'plugin.json'), JSON.stringify({ name: 'oss' }));
    p.writeHome(join(pluginDir, 'commands', 'ship.md'), 'plugin');
    const pluginDeploy = p.writeHome(join(pluginDir, 'commands', 'deploy', 'prod.md'), 'plugin');
    const commands = await discoverPrompts({ cwd: p.root, env: p.env }, ['command']);
    expect(commands.map(({ name, file, origin }) => ({ name, file, origin }))).toEqual([
      { name: 'oss:ship', file: projectShip, origin: 'project' },
      { name: 'oss:lint', file: userOnly, origin: 'user' },
      { name: 'oss:deploy:prod', file: pluginDeploy, origin: 'plugin' },
    ]);
  });

  it('names plugin agents and skills <plugin>:<name>', async () => {
    const p = tempProject();
    const dir = join('.claude', 'plugins', 'local', 'reviewers');
    p.writeHome(join(dir, '.claude-plugin', 'plugin.json'), JSON.stringify({ name: 'oss' }));
    const file = p.writeHome(join(dir, 'agents', 'code-reviewer.md'), 'Review.');
    p.writeHome(join(dir, 'skills', 'pdf', 'SKILL.md'), 'PDF.');
    expect(await findPromptFile({ cwd: p.root, env: p.env }, 'agent', 'oss:code-reviewer')).toMatchObject({ file, origin: 'plugin', plugin: 'oss' });
    expect(await findPromptFile({ cwd: p.root, env: p.env }, 'skill', 'oss:pdf')).toBeDefined();
    expect(await findPromptFile({ cwd: p.root, env: p.env }, 'agent', 'code-reviewer')).toBeUndefined();
  });

  it('uses installed_plugins.json when present, ignoring plugins not listed there', async () => {
    const p = tempProject();
    const installed = join(p.home, 'elsewhere', 'ossplug');
    p.writeHome(join('elsewhere', 'ossplug', '.claude-plugin', 'plugin.json'), JSON.stringify({ name: 'ossplug' }));
    p.writeHome(join('elsewhere', 'ossplug', 'commands', 'ship.md'), 'x');
    p.writeHome(join('.claude', 'plugins', 'marketplaces', 'm', 'other', '.claude-plugin', 'plugin.json'), JSON.stringify({ name: 'other' }));
    p.writeHome(join('.claude', 'plugins', 'marketplaces', 'm', 'other', 'commands', 'go.md'), 'x');
    p.writeHome(
      join('.claude', 'plugins', 'installed_plugins.json'),
      JSON.stringify({ version: 2, plugins: { 'ossplug@m': [{ scope: 'user', installPath: installed }] } }),
    );
    const names = (await discoverPrompts({ cwd: p.root, env: p.env }, ['command'])).map((prompt) => prompt.name);
    expect(names).toEqual(['ossplug:ship']);
  });

  it('finds the project .claude from a subfolder, and has no files for hooks', async () => {
    const p = tempProject();
    p.write('.claude/commands/go.md', 'go');
    p.write('src/nested/.keep', '');
    const ctx = { cwd: join(p.root, 'src', 'nested'), env: p.env };
    expect((await findPromptFile(ctx, 'command', 'go'))?.origin).toBe('project');
    expect(await discoverPrompts(ctx, ['hook'])).toEqual([]);
  });
});
