// The shell scripts `launch completion` prints. Each is a thin shim: it hands the words of the line to
// `launch __complete`, which knows the commands, flags and the workspace, and offers what comes back
// (a line `:file` asks for file names). One logic for three shells, tested once, and a script that
// never goes stale when a command gains a flag.

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const bash = `# launch completion for bash. Load it in ~/.bashrc:
#   source <(launch completion bash)
_launch_complete() {
  local cur=\${COMP_WORDS[COMP_CWORD]} out line
  COMPREPLY=()
  out=$(launch __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  if [[ $out == ":file" ]]; then
    compopt -o filenames 2>/dev/null
    while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -f -- "$cur")
    return 0
  fi
  while IFS= read -r line; do
    [[ -n $line ]] && COMPREPLY+=("\${line%%$'\\t'*}")
  done <<< "$out"
}
complete -F _launch_complete launch
`;

const zsh = `#compdef launch
# launch completion for zsh. Load it in ~/.zshrc (after compinit):
#   source <(launch completion zsh)
# or save it as _launch in a directory of $fpath.
_launch() {
  local -a lines described
  local line
  lines=("\${(@f)$(launch __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ \${lines[1]} == ":file" ]]; then
    _files
    return
  fi
  for line in $lines; do
    [[ -z $line ]] && continue
    if [[ $line == *$'\\t'* ]]; then
      described+=("\${\${line%%$'\\t'*}//:/\\\\:}:\${line#*$'\\t'}")
    else
      described+=("\${line//:/\\\\:}")
    fi
  done
  _describe -t values launch described
}
if [[ \${funcstack[1]} == _launch ]]; then
  _launch "$@"
else
  compdef _launch launch
fi
`;

const fish = `# launch completion for fish. Load it in ~/.config/fish/config.fish:
#   launch completion fish | source
# or save it as ~/.config/fish/completions/launch.fish.
function __launch_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l out (launch __complete $words[2..-1] "$current" 2>/dev/null)
    if test "$out[1]" = ":file"
        __fish_complete_path "$current"
        return
    end
    printf '%s\\n' $out
end
complete -c launch -f -a '(__launch_complete)'
`;

export const completionScript = (shell: Shell): string => ({ bash, zsh, fish })[shell];
