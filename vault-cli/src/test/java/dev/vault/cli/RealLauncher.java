package dev.vault.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repository's own ./vault launcher, which the integration tests run on the built jar. */
final class RealLauncher {
    static final Path PATH = Paths.get("..", "vault").toAbsolutePath().normalize();

    private RealLauncher() {
    }

    /**
     * Runs {@code vault --version}: the first start after a build also builds the start-up cache for the jar, with a
     * note on stderr, and a test that compares the launcher's output calls this first, so that it sees vault's own
     * output (LauncherStartCacheIT tests the cache).
     */
    static void buildStartCache() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(PATH.toString(), "--version").redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
        assertEquals(0, process.exitValue(), output);
    }
}
