// The argument list `claude` gets: the prompt first (as `-p <prompt>`, or as the first interactive message;
// none for an interactive session opened without one),
// then `--permission-mode default` when the proxy is in play and the user chose no permission mode (the
// interactive default, auto mode, needs a server-side safety check no proxy can give), then the user's own
// arguments from after `--`, unchanged. The prompt goes first because some claude options take several
// values (`--allowedTools Read Write`) and would swallow a prompt placed after them.

export interface ClaudeArgsInput {
  promptText: string;
  print: boolean;
  /** Arguments after `--` on the oss command line. */
  claudeArgs: string[];
  /** The proxy is in play (some route is not Claude). */
  proxied: boolean;
  /** oss's own additions (the status line's `--settings`), placed before the user's arguments. */
  ossArgs?: string[];
}

export function buildClaudeArgs(input: ClaudeArgsInput): string[] {
  const prompt = input.promptText === '' ? [] : [input.promptText];
  const args = input.print ? ['-p', ...prompt] : prompt;
  if (input.proxied && !choosesPermissionMode(input.claudeArgs)) args.push('--permission-mode', 'default');
  return [...args, ...(input.ossArgs ?? []), ...input.claudeArgs];
}

/** `--permission-mode X`, `--permission-mode=X` or `--dangerously-skip-permissions`. */
export function choosesPermissionMode(claudeArgs: string[]): boolean {
  return claudeArgs.some(
    (arg) => arg === '--permission-mode' || arg.startsWith('--permission-mode=') || arg === '--dangerously-skip-permissions',
  );
}
