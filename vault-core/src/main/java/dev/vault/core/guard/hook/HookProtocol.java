package dev.vault.core.guard.hook;

import dev.vault.core.guard.Decision;
import dev.vault.core.json.JsonValue.JsonObject;

/**
 * One agent's pre-tool-use hook protocol: where its input names the tool and the shell command, and how
 * it wants an allow and a deny answered (exit code, stdout, stderr). docs/agent-setup.md has each agent's
 * set-up and the sources of these protocols.
 */
public interface HookProtocol {
    /** The name given to {@code --hook}: claude-code, codex, gemini, cursor, copilot. */
    String name();

    /** The agent's name in the audit log's {@code actor.agent} (as {@code Actor} recognises it from the environment). */
    String auditAgent();

    /**
     * What the input asks for: a shell command to check, or another tool, which the guard lets through.
     *
     * @throws HookInputException when the input is not what this agent sends (a field missing or of the
     *                            wrong type): the caller denies
     */
    HookRequest read(JsonObject input) throws HookInputException;

    /**
     * A deny for a shell command this agent sends that the guard cannot read at all (a PowerShell
     * command), or null when the command is for the guard to decide.
     */
    default Decision refusal(HookRequest request) {
        return null;
    }

    /** The answer that lets the tool run, leaving the agent's own permission checks as they are. */
    HookAnswer allow();

    /** The answer that stops the tool, with the rule, the reason and the alternative for the agent to read. */
    HookAnswer deny(Decision decision);
}
