package dev.vault.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repository's own ./vault launcher, which the integration tests run on the built jar. */
final class RealLauncher {
    static final Path PATH = Paths.get("..", "vault").toAbsolutePath().normalize();

    private RealLauncher() {
    }

    /**
     * Runs {@code vault --version}, {@code vault exec --help} and {@code vault guard check --help}: the first start of
     * each kind after a build also builds its start-up cache for the jar (get's, which serves the other commands too,
     * exec's and guard check's), with a note on stderr, and a test that compares the launcher's output calls this
     * first, so that it sees vault's own output (LauncherStartCacheIT tests the caches).
     */
    static void buildStartCache() throws IOException, InterruptedException {
        for (String[] command : new String[][] {{"--version"}, {"exec", "--help"}, {"guard", "check", "--help"}}) {
            ProcessBuilder builder = new ProcessBuilder(PATH.toString());
            builder.command().addAll(List.of(command));
            Process process = builder.redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
            assertEquals(0, process.exitValue(), output);
        }
    }
}
