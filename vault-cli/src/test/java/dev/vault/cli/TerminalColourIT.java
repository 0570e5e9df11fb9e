package dev.vault.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real launcher on a real terminal: util-linux's {@code script} runs it on a new pseudo-terminal and
 * copies what the terminal showed (each line ending in CR LF, as a terminal shows it). vault finds the
 * terminal itself (Linux's /proc/self/fd), so only these tests see that part work.
 */
class TerminalColourIT {
    private static final String ESC = "\u001b";

    @TempDir
    Path work;

    @BeforeAll
    static void buildTheStartCache() throws Exception {
        RealLauncher.buildStartCache();
    }

    @Test
    void anErrorOnATerminalIsInColour() throws Exception {
        assertEquals("vault: " + ESC + "[1;31merror:" + ESC + "[0m no vault here: no .vault/ in \"" + work
                + "\" or any folder above it\r\n"
                + "vault: " + ESC + "[36mhint:" + ESC + "[0m create one with `vault init`, or name one with --vault DIR "
                + "or VAULT_DIR\r\n", onATerminal(Map.of(), "get db/password"));
    }

    @Test
    void noColourWithNoColourSetWithADumbTerminalOrWhenStderrIsAPipe() throws Exception {
        String plain = "vault: error: no vault here: no .vault/ in \"" + work + "\" or any folder above it\r\n"
                + "vault: hint: create one with `vault init`, or name one with --vault DIR or VAULT_DIR\r\n";
        assertEquals(plain, onATerminal(Map.of("NO_COLOR", "1"), "get db/password"));
        assertEquals(plain, onATerminal(Map.of("TERM", "dumb"), "get db/password"));
        assertEquals(plain, onATerminal(Map.of(), "get db/password 2>&1 | cat"));
    }

    @Test
    void aDenyOnATerminalIsInColour() throws Exception {
        String shown = onATerminal(Map.of(), "guard check --command printenv");
        assertTrue(shown.startsWith("vault: guard: " + ESC + "[1;31mdenied" + ESC + "[0m (env-dump): "), shown);
    }

    /** What a terminal shows when {@code vault ARGS} (shell words; may add a redirection) runs on it. */
    private String onATerminal(Map<String, String> extraEnv, String args) throws IOException, InterruptedException {
        String command = "'" + RealLauncher.PATH + "' " + args;
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", command, "/dev/null").directory(work.toFile());
        Map<String, String> env = builder.environment();
        env.remove("VAULT_DIR");
        env.remove("VAULT_IDENTITY");
        env.remove("NO_COLOR");
        env.put("TERM", "xterm-256color");
        env.put("SHELL", "/bin/sh");
        env.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        env.putAll(extraEnv);
        Process process = builder.redirectErrorStream(true).start();
        process.getOutputStream().close();
        String shown = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "script did not finish");
        return shown;
    }
}
