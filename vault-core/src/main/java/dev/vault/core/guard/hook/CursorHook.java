package dev.vault.core.guard.hook;

import dev.vault.core.guard.Decision;
import dev.vault.core.json.JsonTree;
import dev.vault.core.json.JsonValue.JsonObject;

/**
 * Cursor's agent hooks. {@code beforeShellExecution} (the one to configure) sends {@code conversation_id},
 * {@code generation_id}, {@code workspace_roots}, {@code hook_event_name}, {@code command} and {@code cwd};
 * the generic {@code preToolUse} sends {@code tool_name} ({@code Shell} for the terminal) and
 * {@code tool_input.command}. Other events (MCP calls, file reads) are let through. Deny: exit 2 (which
 * Cursor treats as a block) with stdout {@code {"permission":"deny","user_message":…,"agent_message":…}}
 * (and the camelCase spellings earlier Cursor versions documented). Allow: exit 0 with {@code {}}, which
 * leaves Cursor's own approval of the command as it is ({@code "permission":"allow"} would skip it).
 */
final class CursorHook implements HookProtocol {
    @Override
    public String name() {
        return "cursor";
    }

    @Override
    public String auditAgent() {
        return "cursor";
    }

    @Override
    public HookRequest read(JsonObject input) throws HookInputException {
        String event = HookFields.string(input, "hook_event_name");
        String cwd = HookFields.optionalString(input, "cwd");
        String session = HookFields.optionalString(input, "conversation_id");
        if (event.equals("beforeShellExecution")) {
            return new HookRequest("shell", HookFields.string(input, "command"), cwd, session);
        }
        if (event.equals("preToolUse")) {
            String tool = HookFields.string(input, "tool_name");
            if (!tool.equals("Shell")) {
                return new HookRequest(tool, null, cwd, session);
            }
            return new HookRequest(tool, HookFields.string(HookFields.object(input, "tool_input"), "command"), cwd, session);
        }
        return new HookRequest(event, null, cwd, session);
    }

    @Override
    public HookAnswer allow() {
        return new HookAnswer(0, "{}\n", "");
    }

    @Override
    public HookAnswer deny(Decision decision) {
        String sentence = DenyText.sentence(decision);
        JsonObject answer = JsonObject.empty().put("permission", "deny").put("user_message", sentence)
                .put("agent_message", sentence).put("userMessage", sentence).put("agentMessage", sentence);
        return new HookAnswer(2, JsonTree.compact(answer) + "\n", DenyText.lines(decision));
    }
}
