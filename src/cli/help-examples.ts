// The "Examples:" block at the end of every command's --help, keyed by command path. Kept apart from main.ts
// so the command declarations stay readable; a test checks every command has examples.
import type { Command } from 'commander';

export const HELP_EXAMPLES: Record<string, string[]> = {
  '': ['oss demo', 'oss run /oss:ship --model gemini/gemini-2.5-flash', 'oss run --dry-run /oss:ship', 'oss doctor'],
  models: ['oss models list --provider ollama', 'oss models set oss:ship openrouter/deepseek/deepseek-chat', 'oss models config'],
  'models config': ['oss models config', 'oss models config --json'],
  'models set': ['oss models set oss:ship openrouter/deepseek/deepseek-chat', 'oss models set code-reviewer ollama/qwen2.5-coder --project', 'oss models set pdf gemini/gemini-2.5-flash --type skill --local'],
  'models unset': ['oss models unset oss:ship', 'oss models unset code-reviewer --project'],
  'models list': ['oss models list', 'oss models list --provider gemini', 'oss models list --json'],
  'models search': ['oss models search deepseek', 'oss models search tools free', 'oss models search coder --json'],
  'models test': ['oss models test openrouter/deepseek/deepseek-chat', 'oss models test ollama/llama3.2 --timeout 60000'],
  'models costs': ['oss models costs', 'oss models costs --by prompt --since 2026-01-01', 'oss models costs --by model --json', 'oss models costs --chart'],
  'models refresh': ['oss models refresh', 'oss models refresh --json'],
  'models keys': ['oss models keys set openrouter', 'oss models keys list', 'oss models keys rm openai'],
  'models keys set': ['oss models keys set openrouter', 'printf %s "$OPENAI_KEY" | oss models keys set openai'],
  'models keys list': ['oss models keys list', 'oss models keys list --json'],
  'models keys rm': ['oss models keys rm openrouter'],
  run: [
    'oss run /oss:ship --model gemini/gemini-2.5-flash',
    'oss run "explain this repo" -p -m ollama/llama3.2',
    'oss run /oss:ship --dry-run',
    'oss run /oss:ship -m openai/gpt-4o --max-cost 0.50',
    'oss run -m openrouter/deepseek/deepseek-chat          # interactive Claude Code on that model',
    'oss run --resume <session-id>                         # reopen a session through oss',
    'oss run /oss:ship -- --permission-mode acceptEdits   # after --: arguments for claude',
  ],
  serve: ['oss serve --model ollama/llama3.2', 'oss serve --model openai/gpt-4o --port 8787 --secret-file ~/.oss/serve-secret'],
  demo: ['oss demo'],
  statusline: ['oss statusline   # Claude Code runs this itself during a proxied run'],
  trust: ['oss trust', 'oss trust .oss/config.json', 'oss trust --list', 'oss trust --revoke'],
  alias: ['eval "$(oss alias)"', 'oss alias --shell zsh', 'oss alias --shell fish | source'],
  completion: ['eval "$(oss completion bash)"   # in ~/.bashrc', 'eval "$(oss completion zsh)"    # in ~/.zshrc, after compinit', 'oss completion fish | source    # in ~/.config/fish/config.fish'],
  doctor: ['oss doctor', 'oss doctor --json'],
};

function pathOf(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/** Adds the examples to `command` and every command below it. */
export function addHelpExamples(command: Command): void {
  const examples = HELP_EXAMPLES[pathOf(command)];
  if (examples) command.addHelpText('after', `\nExamples:\n${examples.map((line) => `  ${line}`).join('\n')}`);
  for (const sub of command.commands) addHelpExamples(sub);
}
