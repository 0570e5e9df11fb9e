package dev.vault.core.guard.hook;

import dev.vault.core.json.JsonTree;
import dev.vault.core.json.JsonValue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClaudeCodeSettingsTest {
    private static final String COMMAND = "/opt/vault/vault guard check --hook claude-code";

    private static String merged(String settings, ClaudeCodeSettings.Change expected) throws Exception {
        JsonValue tree = JsonTree.parse(settings);
        assertEquals(expected, ClaudeCodeSettings.merge(tree, COMMAND));
        return JsonTree.compact(tree);
    }

    @Test
    void addsTheHookToEmptySettings() throws Exception {
        assertEquals("{\"hooks\":{\"PreToolUse\":[{\"matcher\":\"Bash\",\"hooks\":[{\"type\":\"command\",\"command\":\""
                + COMMAND + "\"}]}]}}", merged("{}", ClaudeCodeSettings.Change.ADDED));
    }

    @Test
    void keepsEverySettingAndHookThatWasThere() throws Exception {
        String before = "{\"model\":\"opus\",\"permissions\":{\"deny\":[\"Read(./.env)\"]},\"hooks\":{"
                + "\"PostToolUse\":[{\"matcher\":\"Edit\",\"hooks\":[{\"type\":\"command\",\"command\":\"prettier\"}]}],"
                + "\"PreToolUse\":[{\"matcher\":\"Write\",\"hooks\":[{\"type\":\"command\",\"command\":\"check-write\"}]},"
                + "{\"matcher\":\"Bash\",\"hooks\":[{\"type\":\"command\",\"command\":\"block-rm\",\"timeout\":5}]}]},"
                + "\"cleanupPeriodDays\":30.0}";
        String after = before.replace("\"timeout\":5}]", "\"timeout\":5},{\"type\":\"command\",\"command\":\"" + COMMAND + "\"}]");
        assertEquals(after, merged(before, ClaudeCodeSettings.Change.ADDED));
    }

    @Test
    void addsItsOwnGroupWhenNoneMatchesBash() throws Exception {
        assertEquals("{\"hooks\":{\"PreToolUse\":[{\"matcher\":\"Bash|Write\",\"hooks\":[]},{\"matcher\":\"Bash\",\"hooks\":"
                        + "[{\"type\":\"command\",\"command\":\"" + COMMAND + "\"}]}]}}",
                merged("{\"hooks\":{\"PreToolUse\":[{\"matcher\":\"Bash|Write\",\"hooks\":[]}]}}", ClaudeCodeSettings.Change.ADDED));
    }

    @Test
    void aSecondInstallChangesNothing() throws Exception {
        String once = merged("{\"a\":1}", ClaudeCodeSettings.Change.ADDED);
        assertEquals(once, merged(once, ClaudeCodeSettings.Change.UNCHANGED));
    }

    @Test
    void anInstallFromAnotherLauncherPathUpdatesTheHookInPlace() throws Exception {
        String old = "{\"hooks\":{\"PreToolUse\":[{\"matcher\":\"Bash\",\"hooks\":[{\"type\":\"command\","
                + "\"command\":\"vault guard check --hook claude-code\",\"timeout\":30}]}]}}";
        assertEquals(old.replace("\"vault guard", "\"/opt/vault/vault guard"), merged(old, ClaudeCodeSettings.Change.UPDATED));
    }

    @Test
    void refusesSettingsWithNoPlaceForAHook() {
        String[][] cases = {
            {"[]", "it holds an array, not an object"},
            {"{\"hooks\":[]}", "\"hooks\" is an array, not an object"},
            {"{\"hooks\":{\"PreToolUse\":{}}}", "\"PreToolUse\" is an object, not an array"},
            {"{\"hooks\":{\"PreToolUse\":\"Bash\"}}", "\"PreToolUse\" is a string, not an array"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], assertThrows(ClaudeCodeSettings.ShapeException.class,
                    () -> ClaudeCodeSettings.merge(JsonTree.parse(c[0]), COMMAND)).getMessage());
        }
    }
}
