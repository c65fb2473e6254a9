// `oss alias` and `oss completion`, run the way a user runs them: the printed text is evaluated by a real bash
// with `oss` on PATH (bin/oss.js), and what the functions and the completion produce is compared whole.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../routing/temp-project.js';
import { json, oss, shipProject } from '../support/oss-in-project.js';

const repo = resolve(import.meta.dirname, '..', '..');
function routedProject(): TempProject {
  const p = shipProject();
  p.write('.claude/commands/notes.md', 'Write notes.');
  p.write('.claude/agents/code-reviewer.md', '---\nname: code-reviewer\n---\nYou review code.');
  p.write('.claude/skills/pdf/SKILL.md', '---\nname: pdf\n---\nRead PDFs.');
  p.write(
    '.oss/config.json',
    json({
      models: { commands: { 'oss:ship': 'gemini/gemini-2.5-flash' }, agents: { 'code-reviewer': 'openai/gpt-4o' } },
      aliases: { ship: '/oss:ship --model ollama/llama3.2', review: ['review this: it\'s "done"'] },
    }),
  );
  return p;
}

/** A folder with `oss` = bin/oss.js, for bash to find on PATH. */
function ossOnPath(p: TempProject): string {
  const dir = join(p.root, '..', 'bin');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'oss'), `#!/bin/sh\nexec "${process.execPath}" "${join(repo, 'bin/oss.js')}" "$@"\n`);
  chmodSync(join(dir, 'oss'), 0o755);
  return dir;
}

describe('oss alias', () => {
  it('prints one function per routed command and agent plus config aliases (bash)', async () => {
    const p = routedProject();
    const result = await oss(p, 'alias', '--shell', 'bash');
    expect([result.code, result.err]).toEqual([0, '']);
    expect(result.out).toBe(
      [
        '# oss shell functions for bash; load them from your ~/.bashrc with:',
        '#   eval "$(oss alias --shell bash)"',
        '# /oss:ship → gemini/gemini-2.5-flash',
        'oss-ship() { oss run /oss:ship "$@"; }',
        '# agent code-reviewer → openai/gpt-4o',
        'oss-agent-code-reviewer() { oss run @agent-code-reviewer "$@"; }',
        '# aliases.ship in config',
        'ship() { oss run /oss:ship --model ollama/llama3.2 "$@"; }',
        '# aliases.review in config',
        `review() { oss run 'review this: it'\\''s "done"' "$@"; }`,
        '',
      ].join('\n'),
    );
  });

  it('prints fish functions with $argv', async () => {
    const p = routedProject();
    const result = await oss(p, 'alias', '--shell', 'fish');
    expect(result.out.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      'function oss-ship; oss run /oss:ship $argv; end',
      'function oss-agent-code-reviewer; oss run @agent-code-reviewer $argv; end',
      'function ship; oss run /oss:ship --model ollama/llama3.2 $argv; end',
      `function review; oss run 'review this: it\\'s "done"' $argv; end`,
      '',
    ]);
  });

  it('runs in bash: each function calls oss run with its words, then the caller\'s (a later --model wins)', async () => {
    const p = routedProject();
    const script = (await oss(p, 'alias', '--shell', 'bash')).out;
    // `oss` here records its arguments: the functions must pass them exactly.
    const result = await execa(
      'bash',
      ['-c', `oss() { printf '[%s]' "$@"; echo; }\n${script}\noss-ship prod --model openai/gpt-4o\noss-agent-code-reviewer src/\nship\nreview "two words"`],
      { cwd: p.root },
    );
    expect(result.stdout).toBe(
      [
        '[run][/oss:ship][prod][--model][openai/gpt-4o]',
        '[run][@agent-code-reviewer][src/]',
        '[run][/oss:ship][--model][ollama/llama3.2]',
        `[run][review this: it's "done"][two words]`,
      ].join('\n'),
    );
  });

  it('evaluates to real oss runs: the alias\'s --dry-run plan shows the later --model winning', async () => {
    const p = routedProject();
    const bin = ossOnPath(p);
    const result = await execa('bash', ['-c', 'eval "$(oss alias --shell bash)"; ship --dry-run -m openai/gpt-4o'], {
      cwd: p.root,
      env: { ...p.env, PATH: `${bin}:${process.env.PATH}` },
    });
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['Route plan for /oss:ship (command)', '  main                 openai/gpt-4o  --model']);
  }, 30_000);

  it('refuses a config alias that is not a list of words, naming the file and path', async () => {
    const p = tempProject();
    const file = p.write('.oss/config.json', json({ aliases: { ship: 42 } }));
    const result = await oss(p, 'alias');
    expect([result.code, result.err]).toEqual([2, `oss: ${file}: aliases.ship: expected the words after \`oss run\`, as a string ("/oss:ship --model ollama/llama3.2") or a list of strings, got number 42\n`]);
  });
});

describe('oss completion', () => {
  /** Runs the bash completion function for `line` (cursor at the end) and returns COMPREPLY. */
  async function bashComplete(p: TempProject, line: string): Promise<string[]> {
    const bin = ossOnPath(p);
    const script = (await oss(p, 'completion', 'bash')).out;
    const result = await execa('bash', ['-c', `${script}\nCOMP_LINE="$1"; COMP_POINT=\${#COMP_LINE}; _oss_complete; printf '%s\\n' "\${COMPREPLY[@]}"`, 'bash', line], {
      cwd: p.root,
      env: { ...p.env, PATH: `${bin}:${process.env.PATH}` },
    });
    return result.stdout === '' ? [] : result.stdout.split('\n');
  }

  it('completes subcommands, flags, slash prompts, prompt names and model ids in bash', async () => {
    const p = routedProject();
    expect(await bashComplete(p, 'oss ')).toEqual(['alias', 'completion', 'demo', 'doctor', 'models', 'run', 'serve', 'statusline', 'trust']);
    expect(await bashComplete(p, 'oss models s')).toEqual(['search', 'set']);
    expect(await bashComplete(p, 'oss run /')).toEqual(['/notes', '/oss:ship', '/pdf']);
    expect(await bashComplete(p, 'oss run --dr')).toEqual(['--dry-run']);
    expect(await bashComplete(p, 'oss run -m gemini/gemini-2.5-flash-l')).toEqual([
      'gemini/gemini-2.5-flash-lite',
      'gemini/gemini-2.5-flash-lite-preview-06-17',
      'gemini/gemini-2.5-flash-lite-preview-09-2025',
    ]);
    // bash splits words at ':', so only the part after it is offered
    expect(await bashComplete(p, 'oss models set oss:')).toEqual(['ship']);
    expect(await bashComplete(p, 'oss models set code-reviewer ollama/llama3.')).toEqual(['ollama/llama3.1', 'ollama/llama3.2']);
    expect(await bashComplete(p, 'oss completion ')).toEqual(['bash', 'fish', 'zsh']);
    expect(await bashComplete(p, 'oss models costs --by ')).toEqual(['day', 'model', 'prompt']);
  }, 60_000);

  it('prints the zsh and fish scripts that hand the words to oss __complete', async () => {
    const p = tempProject();
    const zsh = await oss(p, 'completion', 'zsh');
    expect(zsh.out.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      '_oss_complete() {',
      '  local -a found',
      '  found=("${(@f)$(oss __complete -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")',
      '  compadd -Q -- "${found[@]}"',
      '}',
      'compdef _oss_complete oss',
      '',
    ]);
    const fish = await oss(p, 'completion', 'fish');
    expect(fish.out.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      'function __oss_complete',
      '    set -l words (commandline -opc) (commandline -ct)',
      '    oss __complete -- $words[2..-1] 2>/dev/null',
      'end',
      "complete -c oss -f -a '(__oss_complete)'",
      '',
    ]);
    const bad = await oss(p, 'completion', 'tcsh');
    expect([bad.code, bad.err]).toEqual([2, 'oss: oss completion tcsh: expected bash, zsh or fish\n']);
  });
});
