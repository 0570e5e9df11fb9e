#!/usr/bin/env zsh
# Prints the words zsh's completion offers for each command line, one a line (a word may come more than once),
# then <end>: complete.zsh fpath|source FOLDER 'LINE'...
# FOLDER holds the completion function _vault, which is found on $fpath by compinit, or sourced after it; each
# line is typed into an interactive zsh in a pseudo-terminal, then TAB, in one zsh. compadd is wrapped to print each word it is given that matches, before adding it.
emulate -L zsh
zmodload zsh/zpty || exit 3
how=$1 folder=$2
lines=("${@[3,-1]}")
local all out
local -a hits
zpty shell zsh -f -i
# runs a command in the shell and waits until it has finished (its marker is printed, not echoed)
function run {
  local out
  zpty -w shell "$1; print -r -- '<ready>'\$((6*7))"
  while zpty -r shell out; do
    [[ $out == *'<ready>42'* ]] && return 0
  done
  return 1
}
run "PS1='' RPS1=''; unsetopt AUTO_LIST AUTO_MENU BEEP" || exit 4
if [[ $how == fpath ]]; then
  run "fpath=(${(q)folder} \$fpath); autoload -Uz compinit; compinit -u -D" || exit 4
else
  run "autoload -Uz compinit; compinit -u -D; source ${(q)folder}/_vault" || exit 4
fi
run 'compadd() { if (( ${@[(I)-[ODA]]} )); then builtin compadd "$@"; return; fi; local -a hits; builtin compadd -O hits "$@"; (( $#hits )) && print -rl -- "<hit>"${^hits}; builtin compadd "$@"; }' || exit 4
# TAB completes, then prints a marker: nothing more is typed while completion runs (zsh cuts a completion
# short when keys are waiting)
run 'zle -C complete-for-test complete-word _main_complete; tab-for-test() { zle complete-for-test; print -r -- "<done>$((6*7))"; }; zle -N tab-for-test; bindkey "^I" tab-for-test' || exit 4
for line in $lines; do
  zpty -w -n shell "$line"$'\t'
  all=''
  while zpty -r shell out; do
    all+=$out
    [[ $all == *'<done>42'* ]] && break
  done
  hits=(${(f)"$(print -r -- "$all" | grep -ao '<hit>[^[:cntrl:]]*')"})
  (( $#hits == 0 )) || print -rl -- ${hits#<hit>}
  print -r -- '<end>'
  zpty -w -n shell $'\C-u'
done
zpty -d shell
