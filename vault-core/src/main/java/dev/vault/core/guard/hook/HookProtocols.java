package dev.vault.core.guard.hook;

import java.util.List;

/** The agents {@code vault guard check --hook} speaks to. */
public final class HookProtocols {
    public static final List<String> NAMES = List.of("claude-code", "codex", "gemini", "cursor", "copilot");

    private HookProtocols() {
    }

    /** The protocol of the agent named, or null for a name not in {@link #NAMES}. */
    public static HookProtocol named(String name) {
        switch (name) {
            case "claude-code":
                return ClaudeCodeHook.claudeCode();
            case "codex":
                return ClaudeCodeHook.codex();
            case "gemini":
                return new GeminiHook();
            case "cursor":
                return new CursorHook();
            case "copilot":
                return new CopilotHook();
            default:
                return null;
        }
    }
}
