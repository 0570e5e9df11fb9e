package dev.vault.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sources the snippets `vault guard install bash|zsh` prints into a real bash and zsh, and shows that a
 * denied command does not run while an allowed one does. The guard is a stand-in script (it denies any
 * command that mentions printenv, and exits 1 for one that mentions "broken"), so this tests the trap,
 * not the rules. .ci/run installs zsh; bash is everywhere the project builds.
 */
class GuardShellSnippetTest {
    @TempDir
    Path work;

    private Path snippet(String shell) throws IOException {
        Path guard = work.resolve("stand in/vault");
        Files.createDirectories(guard.getParent());
        Files.writeString(guard, "#!/bin/sh\n"
                + "[ \"$1 $2 $3\" = 'guard check --command' ] || exit 9\n"
                + "echo \"checked: $4\" >> \"" + work.resolve("checked.log") + "\"\n"
                + "case \"$4\" in\n"
                + "  *printenv*) echo 'vault: guard: denied (env-dump): printenv prints the environment' >&2; exit 2 ;;\n"
                + "  *broken*) exit 1 ;;\n"
                + "esac\n"
                + "exit 0\n");
        Files.setPosixFilePermissions(guard, PosixFilePermissions.fromString("rwx------"));
        InProcessRun run = InProcessRun.of(Map.of("VAULT_LAUNCHER", guard.toString(), "HOME", work.toString()), work,
                new byte[0], "guard", "install", shell);
        assertEquals(0, run.code(), run.err());
        Path file = work.resolve("snippet." + shell);
        Files.write(file, run.stdout());
        return file;
    }

    private String[] run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(work.toFile()).start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the shell did not finish");
        return new String[] {new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8),
                Integer.toString(process.exitValue())};
    }

    @Test
    void bashSkipsADeniedCommandAndRunsTheRest() throws Exception {
        Path snippet = snippet("bash");
        String[] result = run("bash", "-c", "source '" + snippet + "'\n"
                + "echo before\n"
                + "printenv HOME\n"
                + "echo \"after $(printenv HOME)\"\n"
                + "echo broken\n"
                + "echo last\n");
        assertEquals("before\nlast\n", result[0]);
        // the echo is checked (and skipped) before its $(…) is expanded, so that printenv never runs either
        assertEquals("vault: guard: denied (env-dump): printenv prints the environment\n".repeat(2)
                + "vault: guard: the check failed (exit 1), so the command was skipped; `trap - DEBUG` turns the guard off\n",
                result[1]);
        List<String> checked = Files.readAllLines(work.resolve("checked.log"));
        assertTrue(checked.contains("checked: printenv HOME"), checked.toString());
        assertTrue(checked.contains("checked: echo \"after $(printenv HOME)\""), checked.toString());
        assertTrue(checked.contains("checked: echo last"), checked.toString());
    }

    @Test
    void bashLetsTheGuardBeTurnedOff() throws Exception {
        Path snippet = snippet("bash");
        String[] result = run("bash", "-c", "source '" + snippet + "'\nprintenv NOPE_X || echo ran-guarded\n"
                + "trap - DEBUG\nprintenv NOPE_X || echo ran-unguarded\n");
        assertEquals("ran-unguarded\n", result[0]);
    }

    @Test
    void zshSkipsADeniedCommandAndRunsTheRest() throws Exception {
        Path snippet = snippet("zsh");
        String[] result = run("zsh", "-f", "-c", "source '" + snippet + "'\n"
                + "echo before\n"
                + "printenv HOME | cat\n"
                + "echo broken\n"
                + "echo last\n");
        assertEquals("before\nlast\n", result[0]);
        assertEquals("vault: guard: denied (env-dump): printenv prints the environment\n"
                + "vault: guard: the check failed (exit 1), so the command was skipped; `unfunction TRAPDEBUG` turns the guard off\n",
                result[1]);
        assertEquals("0", result[2]);
        List<String> checked = Files.readAllLines(work.resolve("checked.log"));
        assertTrue(checked.contains("checked: printenv HOME | cat"), "zsh checks a whole pipeline: " + checked);
    }
}
