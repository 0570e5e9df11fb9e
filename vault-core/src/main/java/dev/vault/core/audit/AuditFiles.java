package dev.vault.core.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of an audit log in its folder: sealed segments {@code audit.000001.log}, … (oldest first),
 * the active segment {@code audit.log}, the lock, and the quarantine of torn tails.
 */
public final class AuditFiles {
    private final Path folder;

    public AuditFiles(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    public Path active() {
        return folder.resolve("audit.log");
    }

    Path lock() {
        return folder.resolve("audit.lock");
    }

    Path quarantine() {
        return folder.resolve("quarantine");
    }

    Path sealed(int index) {
        return folder.resolve(String.format("audit.%06d.log", index));
    }

    /** Sealed segments by index, oldest first. */
    TreeMap<Integer, Path> sealed() throws IOException {
        TreeMap<Integer, Path> sealed = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.forEach(path -> {
                String name = path.getFileName().toString();
                if (name.length() == "audit.000000.log".length() && name.startsWith("audit.") && name.endsWith(".log")) {
                    String digits = name.substring(6, 12);
                    if (digits.chars().allMatch(Character::isDigit)) {
                        sealed.put(Integer.parseInt(digits), path);
                    }
                }
            });
        }
        return sealed;
    }

    /**
     * Every segment in chain order: the sealed ones, then the active one. A sealed segment that is the
     * active file itself (a roll cut short by a crash) is listed once.
     */
    public List<Path> segments() throws IOException {
        List<Path> segments = new ArrayList<>();
        Map.Entry<Integer, Path> last = null;
        for (Map.Entry<Integer, Path> entry : sealed().entrySet()) {
            segments.add(entry.getValue());
            last = entry;
        }
        if (!Files.exists(active())) {
            throw new NoSuchFileException(active().toString());
        }
        if (last == null || !Files.isSameFile(last.getValue(), active())) {
            segments.add(active());
        }
        return segments;
    }
}
