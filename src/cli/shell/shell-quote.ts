// Quoting one word for a shell function body. Words made only of safe characters stay bare (the output reads
// like what a person would write); anything else is single-quoted in the shell's own way.
export type Shell = 'bash' | 'zsh' | 'fish';

export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function quoteWord(word: string, shell: Shell): string {
  if (SAFE.test(word)) return word;
  if (shell === 'fish') return `'${word.replace(/[\\']/g, (char) => `\\${char}`)}'`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The user's shell from $SHELL when it is one we support, else bash. */
export function defaultShell(env: NodeJS.ProcessEnv): Shell {
  const name = (env.SHELL ?? '').split('/').pop() ?? '';
  return (SHELLS as readonly string[]).includes(name) ? (name as Shell) : 'bash';
}
