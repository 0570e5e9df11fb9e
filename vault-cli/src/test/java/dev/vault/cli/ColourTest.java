package dev.vault.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact bytes of coloured output: on a terminal with TERM set, and the same text without colour when
 * the stream is no terminal, NO_COLOR is set to anything, or TERM is dumb or unset. (TerminalColourIT runs
 * the real launcher on a real terminal.)
 */
class ColourTest {
    private static final String ESC = "\u001b";
    private static final String NO_VAULT = "vault: error: no vault here: no .vault/ in \"%s\" or any folder above it\n"
            + "vault: hint: create one with `vault init`, or name one with --vault DIR or VAULT_DIR\n";
    private static final String NO_VAULT_IN_COLOUR = "vault: " + ESC + "[1;31merror:" + ESC + "[0m no vault here: no "
            + ".vault/ in \"%s\" or any folder above it\n"
            + "vault: " + ESC + "[36mhint:" + ESC + "[0m create one with `vault init`, or name one with --vault DIR or VAULT_DIR\n";

    @TempDir
    Path work;

    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void environment() {
        env.put("HOME", work.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        env.put("USER", "tester");
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("TERM", "xterm-256color");
    }

    @Test
    void anErrorOnATerminalHasItsLabelsInColour() {
        Run run = run(true, "", "get", "db/password");
        assertEquals(1, run.code);
        assertEquals(String.format(NO_VAULT_IN_COLOUR, work), run.err);
    }

    @Test
    void noTerminalNoColourAndNoColourSetNoColour() {
        assertEquals(String.format(NO_VAULT, work), run(false, "", "get", "db/password").err);
        env.put("NO_COLOR", "1");
        assertEquals(String.format(NO_VAULT, work), run(true, "", "get", "db/password").err);
        env.put("NO_COLOR", "anything");
        assertEquals(String.format(NO_VAULT, work), run(true, "", "get", "db/password").err);
        env.put("NO_COLOR", "");
        assertEquals(String.format(NO_VAULT_IN_COLOUR, work), run(true, "", "get", "db/password").err,
                "an empty NO_COLOR is as if it were unset (no-color.org)");
    }

    @Test
    void aDumbOrMissingTermHasNoColour() {
        env.put("TERM", "dumb");
        assertEquals(String.format(NO_VAULT, work), run(true, "", "get", "db/password").err);
        env.remove("TERM");
        assertEquals(String.format(NO_VAULT, work), run(true, "", "get", "db/password").err);
    }

    @Test
    void aUsageErrorIsColouredAsAnyError() {
        Run run = run(true, "", "gte");
        assertEquals(2, run.code);
        assertEquals("vault: " + ESC + "[1;31merror:" + ESC + "[0m unmatched argument at index 0: 'gte'\n"
                + "vault: " + ESC + "[36mhint:" + ESC + "[0m see `vault --help`\n", run.err);
    }

    @Test
    void theGuardsDenyIsColouredForAPersonButNeverInAnAgentsHookAnswer() {
        Run command = run(true, "", "guard", "check", "--command", "printenv");
        assertEquals(2, command.code);
        assertEquals("vault: guard: " + ESC + "[1;31mdenied" + ESC + "[0m (env-dump): \"printenv\" would show the "
                + "whole environment on the screen\n"
                + "vault: " + ESC + "[36mhint:" + ESC + "[0m list the names only (compgen -e), check one is set "
                + "(test -n \"$VAR\"), or print a non-secret one (printenv HOME)\n", command.err);
        Run plain = run(false, "", "guard", "check", "--command", "printenv");
        assertEquals("vault: guard: denied (env-dump): \"printenv\" would show the whole environment on the screen\n"
                + "vault: hint: list the names only (compgen -e), check one is set (test -n \"$VAR\"), or print a "
                + "non-secret one (printenv HOME)\n", plain.err);
        Run hook = run(true, "{\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"printenv\"}}",
                "guard", "check", "--hook", "claude-code");
        assertEquals(2, hook.code);
        assertTrue(!hook.err.contains(ESC) && !hook.out.contains(ESC), hook.err + hook.out);
    }

    @Test
    void doctorColoursItsStatusWordsOnATerminal() {
        assertEquals(0, run(false, "", "init", "--name", "alice").code);
        Run coloured = run(true, "", "doctor");
        assertEquals(0, coloured.code, coloured.err);
        String first = coloured.out.lines().findFirst().orElseThrow();
        assertEquals(ESC + "[32mok" + ESC + "[0m    manifest     manifest.yaml reads: 1 identity, 0 groups, 0 secrets",
                first);
        assertEquals("doctor: all checks passed", coloured.out.lines().reduce((a, b) -> b).orElseThrow());
        Run plain = run(false, "", "doctor");
        assertEquals("ok    manifest     manifest.yaml reads: 1 identity, 0 groups, 0 secrets",
                plain.out.lines().findFirst().orElseThrow());
        assertTrue(!plain.out.contains(ESC), plain.out);
    }

    @Test
    void doctorsWarnAndFailHaveTheirOwnColours() {
        Colour on = Colour.of(Io.of(new ByteArrayInputStream(new byte[0]), System.out, System.err, env, work)
                .withTerminals(true), Colour.STDOUT);
        assertEquals(ESC + "[33mwarn" + ESC + "[0m  ", on.status("warn", 6));
        assertEquals(ESC + "[1;31mfail" + ESC + "[0m  ", on.status("fail", 6));
        assertEquals("skip  ", on.status("skip", 6));
        assertEquals("vault: " + ESC + "[33mwarning:" + ESC + "[0m x\nplain\n", on.lines("vault: warning: x\nplain\n"));
    }

    @Test
    void revokesAdviceToRotateIsAColouredWarning() {
        assertEquals(0, run(false, "", "init", "--name", "alice").code);
        assertEquals(0, run(false, "", "identity", "new", "bob", "-o", "bob.txt").code);
        assertEquals(0, run(false, "s3cret", "set", "k", "--purpose", "p", "--reader", "alice").code);
        assertEquals(0, run(false, "", "grant", "k", "bob").code);
        Run revoke = run(true, "", "revoke", "k", "bob");
        assertEquals(0, revoke.code, revoke.err);
        assertEquals("vault: " + ESC + "[33mwarning:" + ESC + "[0m bob could read \"k\" and may have seen its value; "
                + "rotate it: vault rotate k\n", revoke.err);
    }

    @Test
    void aSuccessfulGetPrintsTheValueAloneEvenOnATerminal() {
        assertEquals(0, run(false, "", "init", "--name", "alice").code);
        assertEquals(0, run(false, "s3cret", "set", "k", "--purpose", "p").code);
        Run get = run(true, "", "get", "k");
        assertEquals(0, get.code, get.err);
        assertEquals("s3cret", get.out);
        assertEquals("", get.err);
    }

    private Run run(boolean terminal, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = Io.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true),
                new PrintStream(err, true), env, work).withTerminals(terminal);
        int code = Cli.run(io, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
    }
}
