package dev.vault.core.guard.hook;

import dev.vault.core.guard.Decision;
import dev.vault.core.json.JsonTree;
import dev.vault.core.json.JsonValue.JsonObject;

/**
 * Gemini CLI's {@code BeforeTool} hook. Input: {@code session_id}, {@code transcript_path}, {@code cwd},
 * {@code hook_event_name}, {@code timestamp}, {@code tool_name}, {@code tool_input}; the shell tool is
 * {@code run_shell_command} with {@code tool_input.command} (and {@code dir_path}, relative to {@code cwd}). Deny: exit 2, stderr is the reason sent to
 * the model; stdout carries {@code {"decision":"deny","reason":…}}. Allow: exit 0 with {@code {}} (Gemini
 * parses stdout as JSON on exit 0).
 */
final class GeminiHook implements HookProtocol {
    static final String SHELL_TOOL = "run_shell_command";

    @Override
    public String name() {
        return "gemini";
    }

    @Override
    public String auditAgent() {
        return "gemini-cli";
    }

    @Override
    public HookRequest read(JsonObject input) throws HookInputException {
        String tool = HookFields.string(input, "tool_name");
        String cwd = HookFields.optionalString(input, "cwd");
        String session = HookFields.optionalString(input, "session_id");
        if (!SHELL_TOOL.equals(tool)) {
            return new HookRequest(tool, null, cwd, session);
        }
        JsonObject toolInput = HookFields.object(input, "tool_input");
        String command = HookFields.string(toolInput, "command");
        String dir = HookFields.optionalString(toolInput, "dir_path");
        if (dir != null && !dir.startsWith("/") && cwd != null) {
            dir = cwd + "/" + dir;
        }
        return new HookRequest(tool, command, dir != null ? dir : cwd, session);
    }

    @Override
    public HookAnswer allow() {
        return new HookAnswer(0, "{}\n", "");
    }

    @Override
    public HookAnswer deny(Decision decision) {
        JsonObject answer = JsonObject.empty().put("decision", "deny").put("reason", DenyText.sentence(decision));
        return new HookAnswer(2, JsonTree.compact(answer) + "\n", DenyText.lines(decision));
    }
}
