package dev.vault.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A passphrase typed on a terminal: the real ./vault launcher (and the real age) run on a pseudo-terminal that
 * python3's pty module makes, and each prompt is answered as a person would, unseen.
 */
class TerminalPassphraseIT {
    private static final Path LAUNCHER = RealLauncher.PATH;
    private static final String PASSPHRASE = "a passphrase typed by hand";

    /**
     * Runs argv[1:] on a new pseudo-terminal; each time the output since the last answer ends with ':', types
     * the next line of stdin. Prints what the terminal showed and exits with the command's code.
     */
    private static final String PTY_DRIVER = """
            import os, pty, select, signal, sys
            answers = sys.stdin.read().split('\\n')[:-1]
            pid, fd = pty.fork()
            if pid == 0:
                os.execvp(sys.argv[1], sys.argv[1:])
            shown, since = b'', b''
            while True:
                ready, _, _ = select.select([fd], [], [], 120)
                if not ready:
                    os.kill(pid, signal.SIGKILL)
                    break
                try:
                    data = os.read(fd, 4096)
                except OSError:
                    break
                if not data:
                    break
                shown += data
                since += data
                if answers and since.rstrip(b' ').endswith(b':'):
                    os.write(fd, answers.pop(0).encode() + b'\\n')
                    since = b''
            _, status = os.waitpid(pid, 0)
            sys.stdout.buffer.write(shown)
            sys.exit(os.waitstatus_to_exitcode(status))
            """;

    @BeforeAll
    static void buildTheStartCache() throws Exception {
        RealLauncher.buildStartCache();
    }

    @TempDir
    Path work;

    @Test
    void aPassphraseIsTypedTwiceUnseenForANewIdentityAndOnceToReadWithIt() throws Exception {
        Path identity = work.resolve("config/vault/identity.txt");
        Terminal init = onTerminal(List.of(PASSPHRASE, PASSPHRASE), LAUNCHER.toString(), "init", "--passphrase",
                "--name", "ci");
        assertEquals(0, init.code, init.shown);
        List<String> lines = init.shown.lines().toList();
        assertEquals(List.of("passphrase for new identity file " + identity + ": ", "the same passphrase again: ",
                "created vault " + work.resolve(".vault"),
                "created identity " + identity + " (mode 0600, encrypted with a passphrase, keep it private)",
                "recorded \"ci\" in the manifest with recipient:"), lines.subList(0, 5));
        assertTrue(lines.get(5).matches("age1[02-9ac-hj-np-z]{58}"), lines.get(5));
        assertEquals(6, lines.size(), init.shown);
        assertFalse(init.shown.contains(PASSPHRASE), "the passphrase was echoed");

        Process set = builder(List.of(LAUNCHER.toString(), "set", "db/password", "--purpose", "primary database"))
                .start();
        set.getOutputStream().write("v4lue".getBytes(StandardCharsets.UTF_8));
        set.getOutputStream().close();
        String stored = new String(set.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(set.waitFor(120, TimeUnit.SECONDS));
        assertEquals("stored db/password version 1\n", stored);

        Terminal get = onTerminal(List.of(PASSPHRASE), LAUNCHER.toString(), "get", "db/password");
        assertEquals(0, get.code, get.shown);
        assertEquals("passphrase for identity file " + identity + ": \nv4lue", get.shown);

        // the real age reads the identity file vault wrote, asking for its passphrase on the terminal too
        Terminal age = onTerminal(List.of(PASSPHRASE), "age", "-d", "-i", identity.toString(),
                work.resolve(".vault/secrets/db/password.age").toString());
        assertEquals(0, age.code, age.shown);
        assertTrue(age.shown.startsWith("Enter passphrase for identity file \"" + identity + "\":"), age.shown);
        assertTrue(age.shown.endsWith("v4lue"), age.shown);

        Terminal wrong = onTerminal(List.of("not " + PASSPHRASE), LAUNCHER.toString(), "get", "db/password");
        assertEquals(3, wrong.code, wrong.shown);
        assertEquals("passphrase for identity file " + identity + ": \n"
                + "vault: error: wrong passphrase for identity file \"" + identity + "\"\n"
                + "vault: hint: check the passphrase: typed, or the first line of the file VAULT_PASSPHRASE_FILE names\n",
                wrong.shown);
    }

    @Test
    void twoPassphrasesThatDifferOrAnEmptyOneWriteNothing() throws Exception {
        assertEquals(0, onTerminal(List.of(), LAUNCHER.toString(), "init", "--name", "ci").code);
        Path file = work.resolve("bob.txt");
        Terminal differ = onTerminal(List.of(PASSPHRASE, PASSPHRASE + "!"), LAUNCHER.toString(), "identity", "new",
                "bob", "--passphrase", "-o", "bob.txt");
        assertEquals(1, differ.code, differ.shown);
        assertEquals("passphrase for new identity file " + file + ": \nthe same passphrase again: \n"
                + "vault: error: the two passphrases typed differ\nvault: hint: run the command again\n", differ.shown);
        assertFalse(Files.exists(file));
        assertFalse(Files.readString(work.resolve(".vault/manifest.yaml")).contains("bob"));

        Terminal empty = onTerminal(List.of(""), LAUNCHER.toString(), "identity", "new", "bob", "--passphrase",
                "-o", "bob.txt");
        assertEquals(1, empty.code, empty.shown);
        assertEquals("passphrase for new identity file " + file + ": \n"
                + "vault: error: no passphrase typed\nvault: hint: type it, then Enter; an empty passphrase is refused\n",
                empty.shown);
        assertFalse(Files.exists(file));
    }

    private Terminal onTerminal(List<String> answers, String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("python3", "-c", PTY_DRIVER));
        argv.addAll(List.of(command));
        Process process = builder(argv).start();
        process.getOutputStream().write(String.join("", answers.stream().map(a -> a + "\n").toList())
                .getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String shown = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the terminal run did not finish");
        return new Terminal(process.exitValue(), shown.replace("\r\n", "\n"));
    }

    /** A process in the work folder, its output and errors as one, with no vault or passphrase file named. */
    private ProcessBuilder builder(List<String> argv) {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("VAULT_DIR");
        env.remove("VAULT_IDENTITY");
        env.remove("VAULT_PASSPHRASE_FILE");
        // errors on a terminal are coloured where TERM allows (TerminalColourIT); these compare the plain words
        env.put("NO_COLOR", "1");
        env.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        return builder;
    }

    private record Terminal(int code, String shown) {
    }
}
