package dev.vault.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An Error while a deny is recorded (out of memory, a class that cannot be loaded from a jar rebuilt under
 * a running hook) leaves the deny's exit code: a crash exits 1, which Claude Code, Codex and Gemini CLI take
 * as "the hook failed, run the command". Simulated by a clock that throws when the audit entry is stamped.
 */
class GuardCheckFailsClosedTest {
    private static final String HOOK_INPUT = "{\"session_id\":\"s1\",\"cwd\":\"%s\",\"hook_event_name\":\"PreToolUse\","
            + "\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"printenv\"}}";
    private static final String DENY = "vault: guard: denied (env-dump): \"printenv\" would show the whole environment"
            + " on the screen\n"
            + "vault: hint: list the names only (compgen -e), check one is set (test -n \"$VAR\"), or print a"
            + " non-secret one (printenv HOME)\n";

    @TempDir
    Path work;

    @Test
    void anErrorWhileRecordingTheDenyKeepsTheDeny() {
        Map<String, String> env = Map.of("HOME", work.resolve("home").toString(),
                "XDG_CONFIG_HOME", work.resolve("config").toString(), "USER", "tester");
        InProcessRun init = InProcessRun.of(env, work, "", "init", "--name", "alice");
        assertEquals(0, init.code(), init.err());

        String[] hook = run(env, String.format(HOOK_INPUT, work), "guard", "check", "--hook", "claude-code");
        assertEquals("2", hook[0], hook[2]);
        assertEquals(DENY + "vault: warning: the deny was not recorded in the audit log: AssertionError\n", hook[2]);

        String[] command = run(env, "", "guard", "check", "--command", "printenv");
        assertEquals("2", command[0], command[2]);
        assertEquals(DENY + "vault: warning: the deny was not recorded in the audit log: AssertionError\n", command[2]);
    }

    /** Exit code, stdout and stderr of one run whose clock throws an Error. */
    private String[] run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true),
                new PrintStream(err, true), env, work, new FailingClock(), false, false);
        int code = Cli.run(io, args);
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static final class FailingClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            throw new AssertionError("simulated failure inside the audit");
        }
    }
}
