// The words of `oss run`: a slash command with its arguments (`/oss:ship prod`) or free text. `--model X`,
// `--model=X`, `-m X` may appear anywhere among them and are taken out; the rest is what claude receives.
// No words at all means an interactive session (`oss run -m deepseek/deepseek-chat` opens Claude Code on it).
import { UsageError } from '../errors.js';

export interface RunPrompt {
  /** `command` for `/name …` (a skill of that name is found later), `adhoc` for free text. */
  type: 'command' | 'adhoc';
  /** `oss:ship`, or `adhoc`. */
  name: string;
  /** The command's arguments (`prod`), empty for free text. */
  args: string;
  /** The prompt as claude receives it, `--model` removed. */
  text: string;
  model?: string;
}

/** The prompt name (and ledger key) of a run with no prompt: an interactive session, as `claude` alone opens. */
export const INTERACTIVE_PROMPT = 'interactive';

const SLASH_COMMAND = /^\/([A-Za-z0-9_][\w.-]*(?::[\w.-]+)*)$/;

export function parseRunPrompt(words: readonly string[]): RunPrompt {
  const rest: string[] = [];
  let model: string | undefined;
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as string;
    if (word === '--model' || word === '-m') {
      const value = words[i + 1];
      if (value === undefined || value === '') throw new UsageError(`${word} needs a model id, e.g. ${word} ollama/llama3.2`);
      model = value;
      i += 1;
    } else if (word.startsWith('--model=')) {
      model = word.slice('--model='.length);
      if (model === '') throw new UsageError('--model= needs a model id, e.g. --model=ollama/llama3.2');
    } else {
      rest.push(word);
    }
  }
  const text = rest.join(' ').trim();
  if (text === '') return { type: 'adhoc', name: INTERACTIVE_PROMPT, args: '', text: '', ...(model === undefined ? {} : { model }) };
  const command = SLASH_COMMAND.exec(rest[0] ?? '');
  const base = command?.[1]
    ? { type: 'command' as const, name: command[1], args: rest.slice(1).join(' ').trim(), text }
    : { type: 'adhoc' as const, name: 'adhoc', args: '', text };
  return model === undefined ? base : { ...base, model };
}

/** One command line as a string (seed-plan form): `/oss:ship --model gemini/gemini-2.0-flash`. */
export function parseCommandArgs(line: string): RunPrompt & { command?: string } {
  const parsed = parseRunPrompt(line.split(/\s+/).filter((word) => word !== ''));
  return parsed.type === 'command' ? { ...parsed, command: parsed.name } : parsed;
}
