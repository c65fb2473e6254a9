// What `oss <words…><TAB>` may become: the candidates for the last (partial) word, from the command tree
// itself (subcommands, flags, option choices) and from the user's world (slash commands and skills found the
// way Claude Code finds them, prompt names, catalogue model ids, providers). The shell scripts of
// `oss completion` call this through `oss __complete -- <words>`, so every shell completes the same way.
import type { Command, Option } from 'commander';
import { BUILTIN_PROVIDERS } from '../../config/providers.js';
import { defaultRegistry } from '../../registry/registry.js';
import { discoverPrompts } from '../../routing/prompt-files.js';
import { SHELLS } from '../shell/shell-quote.js';

export interface CompletionContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

type Source = 'models' | 'slash-prompts' | 'prompt-names' | 'providers' | 'shells';

/** Which positional argument of which command completes from where (by command path). */
const POSITIONALS: Record<string, Source[]> = {
  run: ['slash-prompts'],
  'models set': ['prompt-names', 'models'],
  'models unset': ['prompt-names'],
  'models test': ['models'],
  'models keys set': ['providers'],
  'models keys rm': ['providers'],
  completion: ['shells'],
};

/** Option values that complete from somewhere other than the option's own choices. */
const OPTION_VALUES: Record<string, Source> = { '--model': 'models', '--provider': 'providers', '--shell': 'shells' };

function visible(command: Command): Command[] {
  return command.commands.filter((sub) => !(sub as unknown as { _hidden?: boolean })._hidden);
}

function findOption(command: Command, word: string): Option | undefined {
  return command.options.find((option) => option.long === word || option.short === word);
}

function takesValue(option: Option): boolean {
  return option.required || option.optional;
}

function pathOf(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

async function fromSource(source: Source, ctx: CompletionContext): Promise<string[]> {
  switch (source) {
    case 'models':
      return ['claude', 'default', ...defaultRegistry(ctx.env).listModels().map((model) => model.id)];
    case 'providers':
      return Object.keys(BUILTIN_PROVIDERS);
    case 'shells':
      return [...SHELLS];
    case 'slash-prompts': {
      const prompts = await discoverPrompts(ctx, ['command', 'skill']);
      return prompts.map((prompt) => `/${prompt.name}`);
    }
    case 'prompt-names':
      return (await discoverPrompts(ctx, ['command', 'agent', 'skill'])).map((prompt) => prompt.name);
  }
}

/** Candidates for the last of `words` (the words after `oss`; the last may be '' for "nothing typed yet"). */
export async function completeWords(program: Command, words: readonly string[], ctx: CompletionContext): Promise<string[]> {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  let command = program;
  let positional = 0;
  let pendingValue: Option | undefined;
  for (const word of before) {
    if (pendingValue) {
      pendingValue = undefined;
      continue;
    }
    if (word.startsWith('-')) {
      const option = findOption(command, word.split('=')[0] ?? word);
      if (option && takesValue(option) && !word.includes('=')) pendingValue = option;
      continue;
    }
    const sub = command.commands.find((candidate) => candidate.name() === word || candidate.aliases().includes(word));
    if (sub && positional === 0) command = sub;
    else positional += 1;
  }

  let candidates: string[];
  if (pendingValue) {
    const source = OPTION_VALUES[pendingValue.long ?? ''];
    candidates = source ? await fromSource(source, ctx) : [...(pendingValue.argChoices ?? [])];
  } else if (current.startsWith('-')) {
    candidates = [...command.options.flatMap((option) => [option.long, option.short]).filter((flag): flag is string => Boolean(flag)), '--help'];
  } else if (visible(command).length > 0 && positional === 0) {
    candidates = visible(command).map((sub) => sub.name());
  } else {
    const source = (POSITIONALS[pathOf(command)] ?? [])[positional];
    candidates = source ? await fromSource(source, ctx) : [];
  }
  return [...new Set(candidates.filter((candidate) => candidate.startsWith(current)))].sort();
}
