package dev.vault.cli;

/**
 * The DEBUG-trap snippets that run {@code vault guard check --command} before each command of an
 * interactive (or sourcing) bash or zsh, and skip the command when it is denied. Between marker lines, so
 * that {@code vault guard install bash|zsh --rc FILE} can find, keep or replace its own block.
 */
final class GuardShellSnippet {
    static final String BEGIN = "# >>> vault guard >>>";
    static final String END = "# <<< vault guard <<<";

    private GuardShellSnippet() {
    }

    /**
     * bash: {@code extdebug} makes a DEBUG trap that returns non-zero skip the command it runs before
     * ({@code $BASH_COMMAND}, one simple command at a time). Completion and key bindings are left alone;
     * commands inside shell functions are not checked one by one (the function's call was, and checking
     * each would start a JVM per line of every prompt function). If the check cannot run (vault missing,
     * exit other than 0 or 2) the command is skipped too, with a note; {@code trap - DEBUG} always runs.
     */
    static String bash(String vault) {
        return BEGIN + "\n"
                + "# vault guard for bash: checks each command before it runs and skips a denied one.\n"
                + "# Turn it off in this shell with: trap - DEBUG\n"
                + "__vault_guard_bin=" + vault + "\n"
                + "__vault_guard() {\n"
                + "  [[ -n \"${COMP_LINE-}\" || -n \"${READLINE_LINE-}\" ]] && return 0\n"
                + "  (( ${#FUNCNAME[@]} > 1 )) && return 0\n"
                + "  [[ \"$BASH_COMMAND\" == 'trap - DEBUG' ]] && return 0\n"
                + "  \"$__vault_guard_bin\" guard check --command \"$BASH_COMMAND\"\n"
                + "  local vault_guard_status=$?\n"
                + "  (( vault_guard_status == 0 )) && return 0\n"
                + "  (( vault_guard_status == 2 )) || printf 'vault: guard: the check failed (exit %s), so the command "
                + "was skipped; `trap - DEBUG` turns the guard off\\n' \"$vault_guard_status\" >&2\n"
                + "  return 1\n"
                + "}\n"
                + "shopt -s extdebug\n"
                + "trap '__vault_guard' DEBUG\n"
                + END + "\n";
    }

    /**
     * zsh: {@code TRAPDEBUG} runs before each command (a whole pipeline or list, {@code $ZSH_DEBUG_CMD})
     * while {@code DEBUG_BEFORE_CMD} is set (the default); setting {@code ERR_EXIT} inside it skips the
     * command (zshbuiltins(1), {@code trap}). Functions (completion widgets among them) are left alone;
     * {@code unfunction TRAPDEBUG} always runs.
     */
    static String zsh(String vault) {
        return BEGIN + "\n"
                + "# vault guard for zsh: checks each command before it runs and skips a denied one.\n"
                + "# Turn it off in this shell with: unfunction TRAPDEBUG\n"
                + "__vault_guard_bin=" + vault + "\n"
                + "TRAPDEBUG() {\n"
                + "  [[ -n ${ZSH_DEBUG_CMD-} ]] || return 0\n"
                + "  (( ${#funcstack} > 1 )) && return 0\n"
                + "  [[ $ZSH_DEBUG_CMD == 'unfunction TRAPDEBUG' ]] && return 0\n"
                + "  \"$__vault_guard_bin\" guard check --command \"$ZSH_DEBUG_CMD\"\n"
                + "  local vault_guard_status=$?\n"
                + "  (( vault_guard_status == 0 )) && return 0\n"
                + "  (( vault_guard_status == 2 )) || print -u2 \"vault: guard: the check failed (exit $vault_guard_status), "
                + "so the command was skipped; \\`unfunction TRAPDEBUG\\` turns the guard off\"\n"
                + "  setopt ERR_EXIT\n"
                + "}\n"
                + "setopt DEBUG_BEFORE_CMD\n"
                + END + "\n";
    }

}
