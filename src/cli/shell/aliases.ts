// Shell functions for the prompts a user has routed: `oss-ship` runs `oss run /oss:ship`, an agent route
// `oss-agent-code-reviewer` runs `oss run @agent-code-reviewer …` (Claude Code's way to call an agent by name),
// and every entry of config `aliases` becomes a function of its own name. Arguments given to the function
// follow, so `oss-ship prod --model X` works (a later --model wins).
import { quoteWord, type Shell } from './shell-quote.js';

export interface AliasDefinition {
  name: string;
  /** The words after `oss run`. */
  words: string[];
  /** What the function is for, shown as a comment. */
  origin: string;
}

const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `oss:ship` → `oss-ship`, `frontend:lint` → `oss-frontend-lint`. */
export function commandFunctionName(command: string): string {
  const dashed = command.replace(/[^A-Za-z0-9_-]+/g, '-');
  return dashed.startsWith('oss-') ? dashed : `oss-${dashed}`;
}

export function isValidFunctionName(name: string): boolean {
  return FUNCTION_NAME.test(name);
}

/** A config `aliases` value: the words after `oss run`, as one string or a list. */
export function aliasWords(value: string | string[]): string[] {
  return Array.isArray(value) ? value : value.split(/\s+/).filter((word) => word !== '');
}

export function renderAliases(definitions: readonly AliasDefinition[], shell: Shell): string {
  const lines = [
    `# oss shell functions for ${shell}; load them from your ${shell === 'fish' ? '~/.config/fish/config.fish' : shell === 'zsh' ? '~/.zshrc' : '~/.bashrc'} with:`,
    shell === 'fish' ? '#   oss alias --shell fish | source' : `#   eval "$(oss alias --shell ${shell})"`,
  ];
  if (definitions.length === 0) lines.push('# (no routed commands, agents or config aliases yet: see `oss models set`)');
  for (const definition of definitions) {
    const body = ['oss', 'run', ...definition.words.map((word) => quoteWord(word, shell))].join(' ');
    lines.push(`# ${definition.origin}`);
    lines.push(shell === 'fish' ? `function ${definition.name}; ${body} $argv; end` : `${definition.name}() { ${body} "$@"; }`);
  }
  return `${lines.join('\n')}\n`;
}
