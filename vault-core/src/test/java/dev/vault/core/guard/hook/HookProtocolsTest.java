package dev.vault.core.guard.hook;

import dev.vault.core.guard.Decision;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each agent's hook protocol with payloads shaped as the agents document them (docs/agent-setup.md lists
 * the sources). The guard's decision is a stub here: these tests are about reading and answering.
 */
class HookProtocolsTest {
    private static final Decision ENV_DUMP = Decision.deny("env-dump", "printenv with no name prints the environment",
            "vault exec --only VAR -- cmd");
    private static final String LINES = "vault: guard: denied (env-dump): printenv with no name prints the environment\n"
            + "vault: hint: vault exec --only VAR -- cmd\n";
    private static final String SENTENCE = "vault guard denied this command (env-dump): printenv with no name prints the "
            + "environment. Instead: vault exec --only VAR -- cmd";
    private static final String INPUT_HINT = "vault: hint: check that the hook is configured for this agent's pre-tool-use "
            + "event (see docs/agent-setup.md)\n";

    static final String CLAUDE = "{\"session_id\":\"abc123\",\"transcript_path\":\"/home/dev/.claude/projects/-home-dev-project/abc123.jsonl\","
            + "\"cwd\":\"/home/dev/project\",\"permission_mode\":\"default\",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\","
            + "\"tool_input\":{\"command\":\"printenv\",\"description\":\"Show the environment\",\"timeout\":120000},"
            + "\"tool_use_id\":\"toolu_01ABC123\"}";
    static final String CODEX = "{\"session_id\":\"019a2b3c-0000-7000-8000-000000000001\",\"turn_id\":\"t-1\",\"transcript_path\":null,"
            + "\"cwd\":\"/home/dev/project\",\"hook_event_name\":\"PreToolUse\",\"model\":\"gpt-5\",\"permission_mode\":\"default\","
            + "\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"printenv\"},\"tool_use_id\":\"call-1\"}";
    static final String GEMINI = "{\"session_id\":\"g-42\",\"transcript_path\":\"/home/dev/.gemini/tmp/p/chats/session.json\","
            + "\"cwd\":\"/home/dev/project\",\"hook_event_name\":\"BeforeTool\",\"timestamp\":\"2026-11-21T09:30:00Z\","
            + "\"tool_name\":\"run_shell_command\",\"tool_input\":{\"command\":\"printenv\",\"description\":\"env\",\"dir_path\":\"api\"}}";
    static final String CURSOR = "{\"conversation_id\":\"conv-123\",\"generation_id\":\"gen-456\",\"hook_event_name\":\"beforeShellExecution\","
            + "\"workspace_roots\":[\"/home/dev/project\"],\"model\":\"gpt-4\",\"cursor_version\":\"2.0.77\",\"user_email\":\"dev@example.com\","
            + "\"command\":\"printenv\",\"cwd\":\"/home/dev/project\"}";
    static final String COPILOT = "{\"sessionId\":\"85a696df-0000-4000-8000-000000000002\",\"timestamp\":1704614600000,"
            + "\"cwd\":\"/home/dev/project\",\"toolName\":\"bash\",\"toolArgs\":\"{\\\"command\\\":\\\"printenv\\\",\\\"description\\\":\\\"env\\\"}\"}";

    private final List<HookRequest> asked = new ArrayList<>();

    private HookCheck.Outcome run(String agent, String input, Decision decision) {
        return run(agent, input.getBytes(StandardCharsets.UTF_8), decision);
    }

    private HookCheck.Outcome run(String agent, byte[] input, Decision decision) {
        return HookCheck.run(HookProtocols.named(agent), new ByteArrayInputStream(input), request -> {
            asked.add(request);
            return decision;
        });
    }

    private static void assertAnswer(int exit, String stdout, String stderr, HookCheck.Outcome outcome) {
        assertEquals(new HookAnswer(exit, stdout, stderr), outcome.answer());
    }

    @Test
    void claudeCodeDeniesWithExit2AndTheJsonForm() {
        HookCheck.Outcome outcome = run("claude-code", CLAUDE, ENV_DUMP);
        assertAnswer(2, "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\","
                + "\"permissionDecisionReason\":\"" + SENTENCE + "\"}}\n", LINES, outcome);
        assertEquals(new HookRequest("Bash", "printenv", "/home/dev/project", "abc123"), asked.get(0));
        assertTrue(outcome.denied());
        assertAnswer(0, "", "", run("claude-code", CLAUDE, Decision.allow()));
    }

    @Test
    void codexSpeaksClaudeCodesShape() {
        HookCheck.Outcome outcome = run("codex", CODEX, ENV_DUMP);
        assertAnswer(2, "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\","
                + "\"permissionDecisionReason\":\"" + SENTENCE + "\"}}\n", LINES, outcome);
        assertEquals(new HookRequest("Bash", "printenv", "/home/dev/project", "019a2b3c-0000-7000-8000-000000000001"), asked.get(0));
        assertAnswer(0, "", "", run("codex", CODEX, Decision.allow()));
    }

    @Test
    void geminiDeniesWithDecisionAndReason() {
        HookCheck.Outcome outcome = run("gemini", GEMINI, ENV_DUMP);
        assertAnswer(2, "{\"decision\":\"deny\",\"reason\":\"" + SENTENCE + "\"}\n", LINES, outcome);
        assertEquals(new HookRequest("run_shell_command", "printenv", "/home/dev/project/api", "g-42"), asked.get(0));
        assertAnswer(0, "{}\n", "", run("gemini", GEMINI, Decision.allow()));
    }

    @Test
    void cursorDeniesWithPermissionAndBothMessages() {
        HookCheck.Outcome outcome = run("cursor", CURSOR, ENV_DUMP);
        assertAnswer(2, "{\"permission\":\"deny\",\"user_message\":\"" + SENTENCE + "\",\"agent_message\":\"" + SENTENCE
                + "\",\"userMessage\":\"" + SENTENCE + "\",\"agentMessage\":\"" + SENTENCE + "\"}\n", LINES, outcome);
        assertEquals(new HookRequest("shell", "printenv", "/home/dev/project", "conv-123"), asked.get(0));
        assertAnswer(0, "{}\n", "", run("cursor", CURSOR, Decision.allow()));
        String preToolUse = "{\"conversation_id\":\"c\",\"generation_id\":\"g\",\"hook_event_name\":\"preToolUse\","
                + "\"workspace_roots\":[\"/p\"],\"tool_name\":\"Shell\",\"tool_input\":{\"command\":\"printenv\"}}";
        assertEquals(2, run("cursor", preToolUse, ENV_DUMP).answer().exitCode());
        assertEquals("printenv", asked.get(asked.size() - 1).command());
    }

    @Test
    void copilotDeniesWithExit0AndPermissionDecision() {
        String json = "{\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"" + SENTENCE + "\",\"hookSpecificOutput\":"
                + "{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"" + SENTENCE + "\"}}\n";
        assertAnswer(0, json, LINES, run("copilot", COPILOT, ENV_DUMP));
        assertEquals(new HookRequest("bash", "printenv", "/home/dev/project", "85a696df-0000-4000-8000-000000000002"), asked.get(0));
        assertAnswer(0, "", "", run("copilot", COPILOT, Decision.allow()));
        String argsObject = "{\"sessionId\":\"s\",\"timestamp\":1788992290306,\"cwd\":\"/p\",\"toolName\":\"bash\","
                + "\"toolArgs\":{\"command\":\"printenv\",\"description\":\"d\",\"mode\":\"sync\",\"initial_wait\":10}}";
        assertAnswer(0, json, LINES, run("copilot", argsObject, ENV_DUMP));
        String vsCode = "{\"hook_event_name\":\"PreToolUse\",\"session_id\":\"s\",\"timestamp\":\"2026-11-21T09:30:00.000Z\","
                + "\"cwd\":\"/p\",\"tool_name\":\"bash\",\"tool_input\":{\"command\":\"printenv\"}}";
        assertAnswer(0, json, LINES, run("copilot", vsCode, ENV_DUMP));
        assertEquals(3, asked.size() - 1);
    }

    @Test
    void copilotPowerShellIsUnanalysable() {
        String input = "{\"sessionId\":\"s\",\"timestamp\":1,\"cwd\":\"C:\\\\p\",\"toolName\":\"powershell\","
                + "\"toolArgs\":{\"command\":\"Get-Content .env\"}}";
        HookCheck.Outcome outcome = run("copilot", input, Decision.allow());
        assertEquals("unanalysable", outcome.decision().rule());
        assertEquals(0, outcome.answer().exitCode());
        assertEquals("vault: guard: denied (unanalysable): the guard reads POSIX shell, not PowerShell\n"
                + "vault: hint: run the command in bash, or outside the agent\n", outcome.answer().stderr());
        assertTrue(asked.isEmpty());
    }

    @Test
    void otherToolsAreLetThroughUnchecked() {
        String[][] cases = {
            {"claude-code", "{\"session_id\":\"a\",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Read\",\"tool_input\":{\"file_path\":\"/p/README.md\"}}", ""},
            {"claude-code", "{\"session_id\":\"a\",\"tool_name\":\"mcp__github__create_issue\",\"tool_input\":{\"title\":\"t\"}}", ""},
            {"codex", "{\"session_id\":\"a\",\"turn_id\":\"t\",\"cwd\":\"/p\",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"apply_patch\","
                    + "\"tool_input\":{\"command\":\"*** Begin Patch\"},\"tool_use_id\":\"c\"}", ""},
            {"gemini", "{\"session_id\":\"a\",\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"read_file\",\"tool_input\":{\"file_path\":\"/p/a\"}}", "{}\n"},
            {"cursor", "{\"conversation_id\":\"c\",\"hook_event_name\":\"beforeMCPExecution\",\"tool_name\":\"db\","
                    + "\"tool_input\":\"{\\\"q\\\":1}\",\"command\":\"npx mcp-server\"}", "{}\n"},
            {"cursor", "{\"conversation_id\":\"c\",\"hook_event_name\":\"preToolUse\",\"tool_name\":\"Read\",\"tool_input\":{\"file_path\":\"/p/a\"}}", "{}\n"},
            {"copilot", "{\"sessionId\":\"s\",\"timestamp\":1,\"cwd\":\"/p\",\"toolName\":\"view\",\"toolArgs\":\"{\\\"path\\\":\\\"README.md\\\"}\"}", ""},
        };
        for (String[] c : cases) {
            HookCheck.Outcome outcome = run(c[0], c[1], ENV_DUMP);
            assertAnswer(0, c[2], "", outcome);
            assertNull(outcome.decision(), c[1]);
        }
        assertTrue(asked.isEmpty());
    }

    @Test
    void everyMalformedInputIsADenyForEveryAgent() {
        String huge = "{\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"" + "x".repeat(HookCheck.MAX_INPUT_BYTES) + "\"}}";
        for (String agent : HookProtocols.NAMES) {
            String shellTool = switch (agent) {
                case "gemini" -> "run_shell_command";
                case "copilot" -> "bash";
                default -> "Bash";
            };
            String toolField = agent.equals("copilot") ? "toolName" : "tool_name";
            String inputField = agent.equals("copilot") ? "toolArgs" : "tool_input";
            String commandAsNumber = agent.equals("cursor")
                    ? "{\"hook_event_name\":\"beforeShellExecution\",\"command\":42}"
                    : "{\"" + toolField + "\":\"" + shellTool + "\",\"" + inputField + "\":{\"command\":42}}";
            String noInput = agent.equals("cursor") ? "{\"hook_event_name\":\"beforeShellExecution\",\"cwd\":\"/p\"}"
                    : "{\"" + toolField + "\":\"" + shellTool + "\"}";
            String[][] cases = {
                {"not json", "bad hook input: it is not a JSON object: it is not valid JSON (line 1, column 2)"},
                {CLAUDE.substring(0, 60), "bad hook input: it is not a JSON object: it ends in the middle of a value (line 1, column 61)"},
                {"", "bad hook input: stdin is empty"},
                {"[1,2]", "bad hook input: it is an array, not a JSON object"},
                {"\"printenv\"", "bad hook input: it is a string, not a JSON object"},
                {noInput, agent.equals("cursor") ? "bad hook input: the hook input has no \"command\""
                        : "bad hook input: the hook input has no \"" + inputField + "\""},
                {commandAsNumber, "bad hook input: \"command\" in the hook input is a number, not a string"},
                {"{\"cwd\":\"/p\"}", "bad hook input: the hook input has no \"" + (agent.equals("cursor") ? "hook_event_name\""
                        : agent.equals("copilot") ? "toolName\" (nor \"tool_name\")" : toolField + "\"")},
                {"{\"" + toolField + "\":\"" + shellTool + "\",\"" + toolField + "\":\"Read\"}",
                        "bad hook input: it is not a JSON object: a member name appears twice in one object (line 1, column "
                                + (toolField.length() + shellTool.length() + 8) + ")"},
                {huge, "bad hook input: it is larger than 1 MiB"},
            };
            if (agent.equals("cursor")) {
                cases[7][0] = "{\"cwd\":\"/p\",\"command\":\"printenv\"}";
                cases[8][0] = "{\"hook_event_name\":\"beforeShellExecution\",\"hook_event_name\":\"stop\"}";
                cases[8][1] = "bad hook input: it is not a JSON object: a member name appears twice in one object (line 1, column 43)";
            }
            for (String[] c : cases) {
                HookCheck.Outcome outcome = run(agent, c[0], Decision.allow());
                String where = agent + ": " + (c[0].length() > 80 ? c[0].substring(0, 80) : c[0]);
                assertEquals("guard-error", outcome.decision().rule(), where);
                assertEquals("vault: guard: denied (guard-error): " + c[1] + "\n" + INPUT_HINT, outcome.answer().stderr(), where);
                assertEquals(agent.equals("copilot") ? 0 : 2, outcome.answer().exitCode(), where);
                assertTrue(outcome.answer().stdout().contains("deny"), where);
            }
        }
        assertTrue(asked.isEmpty(), "the guard was asked about input that could not be read");
    }

    @Test
    void aCheckThatThrowsIsADeny() {
        for (String agent : HookProtocols.NAMES) {
            String input = switch (agent) {
                case "claude-code" -> CLAUDE;
                case "codex" -> CODEX;
                case "gemini" -> GEMINI;
                case "cursor" -> CURSOR;
                default -> COPILOT;
            };
            HookCheck.Outcome outcome = HookCheck.run(HookProtocols.named(agent),
                    new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), request -> {
                        throw new IllegalStateException("boom");
                    });
            assertEquals("vault: guard: denied (guard-error): the guard failed: IllegalStateException\n"
                    + "vault: hint: run the command outside the agent, and report the failure\n", outcome.answer().stderr(), agent);
            assertEquals(agent.equals("copilot") ? 0 : 2, outcome.answer().exitCode(), agent);
        }
    }

    @Test
    void aCheckOrAnInputThatThrowsAnErrorIsADenyNotACrash() {
        // A crash exits 1, which every agent but Cursor takes as "the hook failed, run the command".
        List<Throwable> errors = List.of(new AssertionError("boom"), new OutOfMemoryError("Java heap space"),
                new NoClassDefFoundError("dev/vault/core/guard/Rules"), new ExceptionInInitializerError("static"));
        for (String agent : HookProtocols.NAMES) {
            String input = switch (agent) {
                case "claude-code" -> CLAUDE;
                case "codex" -> CODEX;
                case "gemini" -> GEMINI;
                case "cursor" -> CURSOR;
                default -> COPILOT;
            };
            for (Throwable error : errors) {
                HookCheck.Outcome outcome = HookCheck.run(HookProtocols.named(agent),
                        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), request -> {
                            throw (Error) error;
                        });
                assertEquals("vault: guard: denied (guard-error): the guard failed: " + error.getClass().getSimpleName() + "\n"
                        + "vault: hint: run the command outside the agent, and report the failure\n",
                        outcome.answer().stderr(), agent + ", " + error);
                assertEquals(agent.equals("copilot") ? 0 : 2, outcome.answer().exitCode(), agent);
                assertTrue(outcome.denied(), agent);
            }
            InputStream broken = new InputStream() {
                @Override
                public int read() {
                    throw new IOError(new IOException("the terminal went away"));
                }
            };
            HookCheck.Outcome outcome = HookCheck.run(HookProtocols.named(agent), broken, request -> Decision.allow());
            assertEquals("vault: guard: denied (guard-error): bad hook input: it could not be read (IOError)\n" + INPUT_HINT,
                    outcome.answer().stderr(), agent);
            assertEquals(agent.equals("copilot") ? 0 : 2, outcome.answer().exitCode(), agent);
        }
    }

    @Test
    void copilotToolArgsThatAreNotJsonAreADeny() {
        String input = "{\"sessionId\":\"s\",\"timestamp\":1,\"cwd\":\"/p\",\"toolName\":\"bash\",\"toolArgs\":\"{\\\"command\\\":\"}";
        HookCheck.Outcome outcome = run("copilot", input, Decision.allow());
        assertEquals("vault: guard: denied (guard-error): bad hook input: \"toolArgs\" in the hook input is a string that is "
                + "not JSON: it ends in the middle of a value (line 1, column 12)\n" + INPUT_HINT, outcome.answer().stderr());
    }

    @Test
    void unknownAgentsHaveNoProtocol() {
        assertNull(HookProtocols.named("aider"));
    }
}
