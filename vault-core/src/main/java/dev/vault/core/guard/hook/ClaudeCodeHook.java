package dev.vault.core.guard.hook;

import dev.vault.core.guard.Decision;
import dev.vault.core.json.JsonTree;
import dev.vault.core.json.JsonValue.JsonObject;

import java.util.Set;

/**
 * Claude Code's {@code PreToolUse} command hook. Input: {@code session_id}, {@code transcript_path},
 * {@code cwd}, {@code permission_mode}, {@code hook_event_name}, {@code tool_name}, {@code tool_input},
 * {@code tool_use_id}; the shell tool is {@code Bash} and its command is {@code tool_input.command}.
 * Deny: exit 2 with the reason on stderr (Claude Code then ignores stdout and shows stderr to the
 * model); stdout still carries the JSON form ({@code hookSpecificOutput.permissionDecision: "deny"}) for
 * a harness that reads it. Allow: exit 0 and no output, so the user's own permission rules still apply.
 */
final class ClaudeCodeHook implements HookProtocol {
    private final String name;
    private final String auditAgent;
    private final Set<String> shellTools;

    private ClaudeCodeHook(String name, String auditAgent, Set<String> shellTools) {
        this.name = name;
        this.auditAgent = auditAgent;
        this.shellTools = shellTools;
    }

    static HookProtocol claudeCode() {
        return new ClaudeCodeHook("claude-code", "claude-code", Set.of("Bash"));
    }

    /**
     * OpenAI Codex CLI's {@code PreToolUse} hook, which follows Claude Code's shape (plus {@code turn_id}
     * and {@code model}); every shell tool reaches hooks as {@code Bash}. Codex blocks only on exit 2 with
     * a non-empty stderr (any other non-zero exit is a hook failure, and the command runs).
     */
    static HookProtocol codex() {
        return new ClaudeCodeHook("codex", "codex", Set.of("Bash"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String auditAgent() {
        return auditAgent;
    }

    @Override
    public HookRequest read(JsonObject input) throws HookInputException {
        String tool = HookFields.string(input, "tool_name");
        String cwd = HookFields.optionalString(input, "cwd");
        String session = HookFields.optionalString(input, "session_id");
        if (!shellTools.contains(tool)) {
            return new HookRequest(tool, null, cwd, session);
        }
        String command = HookFields.string(HookFields.object(input, "tool_input"), "command");
        return new HookRequest(tool, command, cwd, session);
    }

    @Override
    public HookAnswer allow() {
        return new HookAnswer(0, "", "");
    }

    @Override
    public HookAnswer deny(Decision decision) {
        JsonObject specific = JsonObject.empty().put("hookEventName", "PreToolUse")
                .put("permissionDecision", "deny").put("permissionDecisionReason", DenyText.sentence(decision));
        JsonObject answer = JsonObject.empty().put("hookSpecificOutput", specific);
        return new HookAnswer(2, JsonTree.compact(answer) + "\n", DenyText.lines(decision));
    }
}
