package dev.vault.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A progress line is drawn only when stderr is a terminal: a real JVM (the built jar) is asked whether its
 * stderr is one, on a pseudo-terminal that python3's pty module makes and with stderr sent elsewhere.
 */
class ErrTerminalIT {
    private static final Path JAR = Paths.get("target", "vault.jar").toAbsolutePath();
    private static final Path TEST_CLASSES = Paths.get("target", "test-classes").toAbsolutePath();
    private static final String JAVA = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    /** Runs argv[1:] with stdin, stdout and stderr on a new pseudo-terminal; prints what it showed. */
    private static final String PTY = """
            import os, pty, sys
            pid, fd = pty.fork()
            if pid == 0:
                os.execvp(sys.argv[1], sys.argv[1:])
            shown = b''
            while True:
                try:
                    data = os.read(fd, 4096)
                except OSError:
                    break
                if not data:
                    break
                shown += data
            _, status = os.waitpid(pid, 0)
            sys.stdout.buffer.write(shown)
            sys.exit(os.waitstatus_to_exitcode(status))
            """;

    @TempDir
    Path work;

    private String probe() {
        return "'" + JAVA + "' -cp '" + JAR + File.pathSeparator + TEST_CLASSES + "' " + ErrTerminalProbe.class.getName();
    }

    @Test
    void aStderrOnAPseudoTerminalIsATerminal() throws Exception {
        assertEquals("true\n", run(List.of("python3", "-c", PTY, "sh", "-c", "exec " + probe())));
    }

    @Test
    void aStderrSentToAFileOrToDevNullIsNotEvenWhenStdoutIsATerminal() throws Exception {
        assertEquals("false\n", run(List.of("python3", "-c", PTY, "sh", "-c", "exec " + probe() + " 2>err.txt")));
        assertEquals("false\n", run(List.of("python3", "-c", PTY, "sh", "-c", "exec " + probe() + " 2>/dev/null")));
    }

    @Test
    void aStderrOnAPipeIsNot() throws Exception {
        assertEquals("false\n", run(List.of("sh", "-c", "exec " + probe() + " 2>&1 | cat")));
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(work.toFile())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String shown = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command + " did not finish");
        assertEquals(0, process.exitValue(), shown);
        return shown.replace("\r\n", "\n");
    }
}
