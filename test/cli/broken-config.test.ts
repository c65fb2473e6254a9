// A broken config file stops every command that reads config the same way: one line on stderr naming the file
// and the JSON path (or line and column), exit 2, nothing written anywhere, and for `oss run` no claude started.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { writeFakeClaude } from '../support/fake-claude.js';
import { captureIO, tempProject, type TempProject } from '../routing/temp-project.js';

/** Every file under the folders, with its bytes. */
function snapshot(...dirs: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name);
      if (entry.isFile()) files[`${relative(dir, path)}@${dir}`] = readFileSync(path, 'latin1');
    }
  }
  return files;
}

interface Broken {
  p: TempProject;
  /** The line the user must see. */
  expected: string;
  fake: string;
  dump: string;
}

function brokenProject(kind: 'invalid-model' | 'bad-json'): Broken {
  const p = tempProject();
  p.writeHome('.oss/config.json', JSON.stringify({ someOtherTool: { keep: true } }));
  const fake = writeFakeClaude(p.home);
  const dump = join(p.home, 'dump.json');
  if (kind === 'invalid-model') {
    const file = p.write('.oss/config.json', JSON.stringify({ models: { commands: { 'oss:ship': 42 } } }));
    return {
      p,
      fake,
      dump,
      expected: `oss: ${file}: models.commands["oss:ship"]: expected a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude, got number 42\n`,
    };
  }
  const file = p.write('.oss/config.local.json', '{"models": {');
  return { p, fake, dump, expected: `oss: ${file}: not valid JSON at line 1, column 13 (Expected property name or '}'); fix the file or move it aside\n` };
}

describe.each(['invalid-model', 'bad-json'] as const)('a broken config (%s)', (kind) => {
  it.each([
    ['run', ['run', '/oss:ship', '-m', 'ollama/llama3.2']],
    ['run --dry-run', ['run', '/oss:ship', '--dry-run']],
    ['models list', ['models', 'list']],
    ['models config', ['models', 'config', '--json']],
    ['models set', ['models', 'set', 'oss:ship', 'claude', '--local']],
  ])('oss %s: one line naming the file, exit 2, nothing written, claude not started', async (_name, argv) => {
    const { p, expected, fake, dump } = brokenProject(kind);
    const before = snapshot(p.home, p.root);
    const io = captureIO(p.root, { ...p.env, FAKE_CLAUDE_DUMP: dump });

    const code = await main([...argv, ...(argv[0] === 'run' ? ['--claude-bin', fake] : [])], io);

    expect(code).toBe(2);
    expect(io.err()).toBe(expected);
    expect(io.out()).toBe('');
    expect(existsSync(dump)).toBe(false);
    expect(snapshot(p.home, p.root)).toEqual(before);
  });
});
