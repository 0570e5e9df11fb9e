package dev.vault.core.guard.hook;

import dev.vault.core.json.JsonValue;
import dev.vault.core.json.JsonValue.JsonArray;
import dev.vault.core.json.JsonValue.JsonObject;
import dev.vault.core.json.JsonValue.JsonString;

/**
 * Merges the guard's {@code PreToolUse} hook into a Claude Code settings document
 * ({@code .claude/settings.json} or {@code ~/.claude/settings.json}) and leaves everything else as it was:
 * other settings, other events, other matcher groups and other hooks keep their place and order.
 * Shape: {@code {"hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": …}]}]}}}.
 */
public final class ClaudeCodeSettings {
    /** The end of the guard's hook command, whatever path the launcher had when it was installed. */
    public static final String COMMAND_TAIL = "guard check --hook claude-code";

    public enum Change { ADDED, UPDATED, UNCHANGED }

    /** Settings whose shape leaves no sound place for the hook. */
    public static final class ShapeException extends Exception {
        ShapeException(String message) {
            super(message);
        }
    }

    private ClaudeCodeSettings() {
    }

    /**
     * Puts a hook running {@code command} under {@code PreToolUse} for the {@code Bash} tool, in place.
     * A guard hook already there (a command ending in {@value #COMMAND_TAIL}) is kept if it is the same
     * command and updated otherwise; none is ever added twice.
     */
    public static Change merge(JsonValue settings, String command) throws ShapeException {
        if (!(settings instanceof JsonObject root)) {
            throw new ShapeException("it holds " + HookFields.article(settings.typeName()) + ", not an object");
        }
        JsonObject hooks = member(root, "hooks", JsonObject.empty(), JsonObject.class, "an object");
        JsonArray preToolUse = member(hooks, "PreToolUse", JsonArray.empty(), JsonArray.class, "an array");
        Change change = Change.ADDED;
        JsonArray bashHooks = null;
        for (JsonValue group : preToolUse.items()) {
            if (!(group instanceof JsonObject matcherGroup) || !(matcherGroup.get("hooks") instanceof JsonArray list)) {
                continue;
            }
            if (bashHooks == null && matcherGroup.get("matcher") instanceof JsonString matcher
                    && matcher.value().equals("Bash")) {
                bashHooks = list;
            }
            for (JsonValue hook : list.items()) {
                if (hook instanceof JsonObject entry && entry.get("command") instanceof JsonString existing
                        && isGuard(existing.value())) {
                    if (existing.value().equals(command)) {
                        change = change == Change.ADDED ? Change.UNCHANGED : change;
                    } else {
                        entry.put("command", command);
                        change = Change.UPDATED;
                    }
                }
            }
        }
        if (change != Change.ADDED) {
            return change;
        }
        JsonObject hook = JsonObject.empty().put("type", "command").put("command", command);
        if (bashHooks != null) {
            bashHooks.add(hook);
        } else {
            preToolUse.add(JsonObject.empty().put("matcher", "Bash").put("hooks", JsonArray.empty().add(hook)));
        }
        return Change.ADDED;
    }

    static boolean isGuard(String command) {
        return command.equals("vault " + COMMAND_TAIL) || command.endsWith(" " + COMMAND_TAIL);
    }

    private static <T extends JsonValue> T member(JsonObject parent, String name, T empty, Class<T> type,
                                                  String expected) throws ShapeException {
        JsonValue value = parent.get(name);
        if (value == null) {
            parent.put(name, empty);
            return empty;
        }
        if (!type.isInstance(value)) {
            throw new ShapeException("\"" + name + "\" is " + HookFields.article(value.typeName()) + ", not " + expected);
        }
        return type.cast(value);
    }
}
