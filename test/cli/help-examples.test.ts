// Every command's --help ends with examples; one is compared whole.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { HELP_EXAMPLES } from '../../src/cli/help-examples.js';
import { captureIO, tempProject } from '../routing/temp-project.js';

async function help(...path: string[]) {
  const p = tempProject();
  const io = captureIO(p.root, p.env);
  const code = await main([...path, '--help'], io);
  return { code, out: io.out() };
}

describe('--help examples', () => {
  it('every command, visible or nested, has an Examples block that ends its help', async () => {
    const paths = Object.keys(HELP_EXAMPLES);
    // The list of paths with examples is the list of commands: read the tree from `oss --help` recursion.
    const seen: string[] = [];
    const walk = async (path: string[]) => {
      const result = await help(...path);
      expect(result.code).toBe(0);
      const key = path.join(' ');
      seen.push(key);
      expect(result.out.endsWith(`Examples:\n${(HELP_EXAMPLES[key] ?? ['(none)']).map((line) => `  ${line}`).join('\n')}\n`), key).toBe(true);
      const commands = /Commands:\n([\s\S]*?)\n\n/.exec(result.out)?.[1] ?? '';
      for (const line of commands.split('\n')) {
        const name = /^ {2}(\S+)/.exec(line)?.[1];
        if (name && name !== 'help') await walk([...path, name]);
      }
    };
    await walk([]);
    expect(seen.sort()).toEqual(paths.sort());
  });

  it('oss alias --help, whole', async () => {
    const result = await help('alias');
    expect(result.out).toBe(
      [
        'Usage: oss alias [options]',
        '',
        'print shell functions for your routed commands and agents, and config "aliases"',
        '',
        'Options:',
        '  --shell <shell>  shell syntax (default: from $SHELL, else bash) (choices:',
        '                   "bash", "zsh", "fish")',
        '  -h, --help       display help for command',
        '',
        'Examples:',
        '  eval "$(oss alias)"',
        '  oss alias --shell zsh',
        '  oss alias --shell fish | source',
        '',
      ].join('\n'),
    );
  });
});
