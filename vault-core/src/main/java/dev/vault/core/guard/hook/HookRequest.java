package dev.vault.core.guard.hook;

/**
 * What a hook input asks for.
 *
 * @param tool    the tool's name, as the agent gave it
 * @param command the shell command to check, or null when the tool is not a shell
 * @param cwd     the folder the agent says the command runs in, or null
 * @param session the agent's session (or conversation) id, or null
 */
public record HookRequest(String tool, String command, String cwd, String session) {
    public boolean isShell() {
        return command != null;
    }

    @Override
    public String toString() {
        return "HookRequest[" + tool + (command == null ? "" : ", command of " + command.length() + " chars") + "]";
    }
}
