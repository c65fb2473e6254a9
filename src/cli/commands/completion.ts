// `oss completion bash|zsh|fish` prints the shell's script; the hidden `oss __complete -- <words>` answers it
// with one candidate per line.
import type { Command } from 'commander';
import type { CliIO } from '../../io.js';
import { UsageError } from '../../errors.js';
import { completeWords } from '../completion/complete-words.js';
import { completionScript } from '../completion/shell-scripts.js';
import { SHELLS, type Shell } from '../shell/shell-quote.js';

export function completion(shell: string, io: CliIO): number {
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`oss completion ${shell}: expected bash, zsh or fish`);
  io.stdout(completionScript(shell as Shell));
  return 0;
}

export async function complete(program: Command, words: string[], io: CliIO): Promise<number> {
  const candidates = await completeWords(program, words.length === 0 ? [''] : words, { cwd: io.cwd, env: io.env });
  io.stdout(candidates.map((candidate) => `${candidate}\n`).join(''));
  return 0;
}
