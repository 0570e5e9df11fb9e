#!/usr/bin/env bash
# Prints the words bash completion offers for a command line, one a line: complete.bash SCRIPT 'LINE'.
# Sources the completion script, sets COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT as bash does for a
# TAB at the end of LINE, and calls the function the script registered for vault.
source "$1" || exit 3
# compopt changes how bash shows the words (file names get a slash), and works only while bash itself runs a
# completion: here it does nothing
compopt() { :; }
line=$2
read -r -a COMP_WORDS <<< "$line"
[[ $line == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE=$line
COMP_POINT=${#line}
function=$(complete -p vault | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
[ -n "$function" ] || exit 4
"$function" vault "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
((${#COMPREPLY[@]} == 0)) || printf '%s\n' "${COMPREPLY[@]}"
