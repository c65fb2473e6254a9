import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../routing/temp-project.js';
import { json, oss } from '../support/oss-in-project.js';

describe('oss models config', () => {
  it('lists every configured or discovered prompt with its model and source (--json)', async () => {
    const p = tempProject();
    const user = p.writeHome('.oss/config.json', json({ models: { default: 'ollama/llama3.2', fallback: false, skills: { pdf: 'gemini/gemini-2.0-flash' } } }));
    const project = p.write('.oss/config.json', json({ models: { background: 'ollama/qwen2.5', commands: { 'oss:ship': 'openai/gpt-4o' } } }));
    const ship = p.write('.claude/commands/oss/ship.md', '---\nmodel: gemini/gemini-2.0-flash\n---\nShip');
    const notes = p.write('.claude/commands/oss/release/notes.md', 'Notes');
    const reviewer = p.write('.claude/agents/code-reviewer.md', '---\nname: code-reviewer\nmodel: ollama/codellama\n---\nReview');
    const plain = p.write('.claude/agents/plain.md', 'Plain');

    const result = await oss(p, 'models', 'config', '--json');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(JSON.parse(result.out)).toEqual({
      files: [
        { layer: 'local', file: join(p.root, '.oss', 'config.local.json'), exists: false },
        { layer: 'project', file: project, exists: true },
        { layer: 'user', file: user, exists: true },
      ],
      untrusted: [],
      default: { model: 'ollama/llama3.2', source: 'default', file: user },
      background: { model: 'ollama/qwen2.5', source: 'project', file: project },
      fallback: { value: false, source: 'user', file: user },
      prompts: [
        { type: 'command', name: 'oss:release:notes', model: 'ollama/llama3.2', source: 'default', file: user, promptFile: notes },
        { type: 'command', name: 'oss:ship', model: 'openai/gpt-4o', source: 'project', file: project, promptFile: ship },
        { type: 'agent', name: 'code-reviewer', model: 'ollama/codellama', source: 'frontmatter', file: reviewer, promptFile: reviewer },
        { type: 'agent', name: 'plain', model: 'default', source: 'builtin', promptFile: plain },
        { type: 'skill', name: 'pdf', model: 'gemini/gemini-2.0-flash', source: 'user', file: user },
      ],
    });
  });

  it('shows models.search with the file that set it', async () => {
    const p = tempProject();
    const local = p.write('.oss/config.local.json', json({ models: { search: 'claude' } }));
    const result = await oss(p, 'models', 'config', '--json');
    expect(JSON.parse(result.out).search).toEqual({ model: 'claude', source: 'local', file: local });
    const text = await oss(p, 'models', 'config');
    expect(text.out.split('\n').find((line) => line.startsWith('  search'))).toBe(`  search      claude          local config ${local}`);
  });

  it('prints a readable table', async () => {
    const p = tempProject();
    const user = p.writeHome('.oss/config.json', json({ models: { commands: { 'oss:ship': 'ollama/llama3.2' } } }));
    const result = await oss(p, 'models', 'config');
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      [
        'Config files (highest precedence first):',
        `  user  ${user}`,
        'Defaults:',
        '  default     claude          built-in default',
        '  background  (same as main)',
        '  fallback    on              built-in',
        '  search      (automatic)',
        'Prompts:',
        `  command  oss:ship  ollama/llama3.2  user config ${user}`,
        '',
      ].join('\n'),
    );
  });

  it('warns on stderr about a prompt file whose frontmatter is broken, and still lists it', async () => {
    const p = tempProject();
    const file = p.write('.claude/commands/bad.md', '---\nmodel: [oops\n---\nBody');
    const result = await oss(p, 'models', 'config', '--json');
    expect(result.code).toBe(0);
    const problem = 'frontmatter is not valid YAML (unexpected end of the stream within a flow collection at line 3, column 1:): model ignored';
    expect(result.err).toBe(`oss: warning: ${file}: ${problem}\n`);
    expect(JSON.parse(result.out).prompts).toEqual([{ type: 'command', name: 'bad', model: 'claude', source: 'builtin', promptFile: file, warning: problem }]);
  });

  it('fails with exit 2 and one line naming the file and the JSON path on a broken config', async () => {
    const p = tempProject();
    const file = p.writeHome('.oss/config.json', json({ models: { hooks: { Stop: 'nope' } } }));
    const result = await oss(p, 'models', 'config');
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.split('\n')).toHaveLength(2);
    expect(result.err).toBe(`oss: ${file}: models.hooks.Stop: expected a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude, got "nope"\n`);
  });
});
