// The scripts `oss completion bash|zsh|fish` prints. Each is a thin wrapper: it hands the words typed so far to
// `oss __complete -- <words>` (cli/completion/complete-words.ts) and offers what comes back, so prompt names
// and model ids are always those of the project the user is in.
import type { Shell } from '../shell/shell-quote.js';

const BASH = `# oss completion for bash; load it from ~/.bashrc with:
#   eval "$(oss completion bash)"
_oss_complete() {
  local line="\${COMP_LINE:0:COMP_POINT}"
  local -a words
  read -r -a words <<< "$line"
  [[ "$line" =~ [[:space:]]$ ]] && words+=("")
  local cur="\${words[\${#words[@]}-1]}"
  local IFS=$'\\n'
  local -a found
  found=($(oss __complete -- "\${words[@]:1}" 2>/dev/null))
  # bash splits words at ':' and '='; offer only the part after the last one typed.
  local trim=""
  [[ "$COMP_WORDBREAKS" == *:* && "$cur" == *:* ]] && trim="\${cur%"\${cur##*:}"}"
  COMPREPLY=("\${found[@]#"$trim"}")
}
complete -o default -F _oss_complete oss
`;

const ZSH = `#compdef oss
# oss completion for zsh; load it from ~/.zshrc (after compinit) with:
#   eval "$(oss completion zsh)"
_oss_complete() {
  local -a found
  found=("\${(@f)$(oss __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -Q -- "\${found[@]}"
}
compdef _oss_complete oss
`;

const FISH = `# oss completion for fish; load it from ~/.config/fish/config.fish with:
#   oss completion fish | source
function __oss_complete
    set -l words (commandline -opc) (commandline -ct)
    oss __complete -- $words[2..-1] 2>/dev/null
end
complete -c oss -f -a '(__oss_complete)'
`;

export function completionScript(shell: Shell): string {
  return shell === 'bash' ? BASH : shell === 'zsh' ? ZSH : FISH;
}
