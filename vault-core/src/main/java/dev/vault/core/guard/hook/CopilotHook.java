package dev.vault.core.guard.hook;

import dev.vault.core.guard.Decision;
import dev.vault.core.json.JsonTree;
import dev.vault.core.json.JsonValue;
import dev.vault.core.json.JsonValue.JsonObject;
import dev.vault.core.json.JsonValue.JsonString;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * GitHub Copilot's {@code preToolUse} hook (Copilot CLI and the coding agent, {@code .github/hooks/*.json}).
 * Input in the camelCase form: {@code sessionId}, {@code timestamp}, {@code cwd}, {@code toolName},
 * {@code toolArgs}, where {@code toolArgs} is a JSON string in the documented examples and an object in
 * newer versions (both are read); in the VS Code compatible form (event configured as {@code PreToolUse}):
 * {@code session_id}, {@code tool_name}, {@code tool_input}. The shell tools are {@code bash} and
 * {@code powershell}; a PowerShell command is denied as unanalysable, since the guard parses POSIX shell.
 * <p>
 * Deny: stdout {@code {"permissionDecision":"deny","permissionDecisionReason":…}} (and the same inside
 * {@code hookSpecificOutput}, the VS Code form) with <b>exit 0</b>, the one exception to the guard's
 * exit 2: Copilot CLI versions up to at least 1.0.7x ignore a hook's output when it exits non-zero and run
 * the tool; only newer versions treat a non-zero exit as a deny. stderr still carries the reason. Allow:
 * exit 0 and no output ("empty output uses default behavior").
 */
final class CopilotHook implements HookProtocol {
    private static final Set<String> SHELL_TOOLS = Set.of("bash", "shell");
    private static final Set<String> POWERSHELL_TOOLS = Set.of("powershell", "pwsh");

    @Override
    public String name() {
        return "copilot";
    }

    @Override
    public String auditAgent() {
        return "copilot";
    }

    @Override
    public HookRequest read(JsonObject input) throws HookInputException {
        boolean camel = input.has("toolName");
        if (!camel && !input.has("tool_name")) {
            throw new HookInputException("the hook input has no \"toolName\" (nor \"tool_name\")");
        }
        String tool = HookFields.string(input, camel ? "toolName" : "tool_name");
        String cwd = HookFields.optionalString(input, "cwd");
        String session = HookFields.optionalString(input, camel ? "sessionId" : "session_id");
        boolean shell = SHELL_TOOLS.contains(tool);
        boolean powershell = POWERSHELL_TOOLS.contains(tool);
        if (!shell && !powershell) {
            return new HookRequest(tool, null, cwd, session);
        }
        String field = camel ? "toolArgs" : "tool_input";
        JsonValue args = input.get(field);
        if (args instanceof JsonString text) {
            try {
                args = JsonTree.parse(text.value().getBytes(StandardCharsets.UTF_8));
            } catch (JsonTree.MalformedJsonException e) {
                throw new HookInputException("\"" + field + "\" in the hook input is a string that is not JSON: "
                        + e.getMessage());
            }
        }
        if (args == null) {
            throw new HookInputException("the hook input has no \"" + field + "\"");
        }
        if (!(args instanceof JsonObject object)) {
            throw new HookInputException("\"" + field + "\" in the hook input is " + HookFields.article(args.typeName())
                    + ", not an object");
        }
        return new HookRequest(tool, HookFields.string(object, "command"), cwd, session);
    }

    @Override
    public Decision refusal(HookRequest request) {
        if (POWERSHELL_TOOLS.contains(request.tool())) {
            return Decision.deny("unanalysable", "the guard reads POSIX shell, not PowerShell",
                    "run the command in bash, or outside the agent");
        }
        return null;
    }

    @Override
    public HookAnswer allow() {
        return new HookAnswer(0, "", "");
    }

    @Override
    public HookAnswer deny(Decision decision) {
        String sentence = DenyText.sentence(decision);
        JsonObject specific = JsonObject.empty().put("hookEventName", "PreToolUse")
                .put("permissionDecision", "deny").put("permissionDecisionReason", sentence);
        JsonObject answer = JsonObject.empty().put("permissionDecision", "deny")
                .put("permissionDecisionReason", sentence).put("hookSpecificOutput", specific);
        return new HookAnswer(0, JsonTree.compact(answer) + "\n", DenyText.lines(decision));
    }
}
