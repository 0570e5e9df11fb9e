package dev.vault.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder under the system's temporary folder, deleted with all in it when closed, and also when the JVM
 * is stopped before that (Ctrl-C, {@code kill}): a shutdown hook deletes it then. {@code vault demo} runs in one.
 */
final class TemporaryFolder implements AutoCloseable {
    /** A command may still write into the folder while the hook deletes it: the hook tries again, this often. */
    private static final int ATTEMPTS = 20;

    private final Path path;
    private final Thread hook;

    private TemporaryFolder(Path path) {
        this.path = path;
        this.hook = new Thread(this::deleteAll, "delete " + path);
    }

    static TemporaryFolder create(String prefix) throws IOException {
        TemporaryFolder folder = new TemporaryFolder(Files.createTempDirectory(prefix));
        Runtime.getRuntime().addShutdownHook(folder.hook);
        return folder;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        deleteAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs, or has run, and deletes what is left
        }
    }

    private void deleteAll() {
        for (int attempt = 0; attempt < ATTEMPTS && Files.exists(path); attempt++) {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(path)) {
                paths = walk.sorted(Comparator.reverseOrder()).toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                continue;
            }
            for (Path each : paths) {
                try {
                    Files.deleteIfExists(each);
                } catch (NoSuchFileException gone) {
                    // deleted meanwhile
                } catch (IOException e) {
                    // a folder that something wrote into since the walk: the next attempt gets it
                }
            }
        }
    }
}
