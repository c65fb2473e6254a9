// Slash commands Claude Code itself provides (2.1.x): `oss run /compact` or `/review` needs no command file, so
// the "no command file found" warning skips these names. Claude Code answers them locally or with its own
// prompt; the list only has to hold names a user might pass to `oss run`.
export const CLAUDE_CODE_COMMANDS: ReadonlySet<string> = new Set([
  'add-dir', 'advisor', 'agents', 'bashes', 'batch', 'branch', 'btw', 'bug', 'clear', 'color', 'compact', 'config',
  'context', 'copy', 'cost', 'diff', 'doctor', 'effort', 'exit', 'export', 'extra-usage', 'fast', 'feedback', 'fork',
  'goal', 'help', 'hooks', 'ide', 'init', 'insights', 'install-github-app', 'install-slack-app', 'keybindings',
  'login', 'logout', 'mcp', 'memory', 'migrate-installer', 'model', 'output-style', 'permissions', 'plan', 'plugin',
  'pr-comments', 'privacy-settings', 'release-notes', 'resume', 'review', 'rewind', 'sandbox', 'security-review',
  'skills', 'status', 'statusline', 'tasks', 'terminal-setup', 'theme', 'todos', 'upgrade', 'usage', 'vim',
]);
