package dev.vault.core.audit;

import dev.vault.core.BoundedLock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        String digits = Integer.toString(index);
        return folder.resolve("audit." + "0".repeat(Math.max(0, 6 - digits.length())) + digits + ".log");
    }

    /** Sealed segments by index, oldest first. */
    TreeMap<Integer, Path> sealed() throws IOException {
        TreeMap<Integer, Path> sealed = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path path : entries) {
                String name = path.getFileName().toString();
                if (name.length() == SEALED_NAME_LENGTH && name.startsWith("audit.") && name.endsWith(".log")
                        && digits(name, 6, 12)) {
                    sealed.put(Integer.parseInt(name, 6, 12, 10), path);
                }
            }
        }
        return sealed;
    }

    private static final int SEALED_NAME_LENGTH = "audit.000000.log".length();

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A segment opened for reading, and how many of its bytes to read. */
    public static final class OpenSegment implements AutoCloseable {
        final Path path;
        final InputStream in;
        final long length;

        OpenSegment(Path path, InputStream in, long length) {
            this.path = path;
            this.in = in;
            this.length = length;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * Opens every segment at one moment when no append is under way (under the log's lock, if it can be
     * had within {@code lockWaitMillis}; a read-only copy of a log has no writers to wait for), so that
     * reading them later sees whole entries only, even if appends and rolls go on meanwhile.
     */
    public List<OpenSegment> openAll(long lockWaitMillis) throws IOException {
        BoundedLock lock = null;
        try {
            lock = BoundedLock.acquire(lock(), lockWaitMillis);
        } catch (IOException e) {
            // no lock: read what is there
        }
        List<OpenSegment> open = new ArrayList<>();
        try {
            for (Path segment : segments()) {
                InputStream in = Files.newInputStream(segment);
                open.add(new OpenSegment(segment, in, Files.size(segment)));
            }
            return open;
        } catch (IOException | RuntimeException e) {
            for (OpenSegment segment : open) {
                segment.close();
            }
            throw e;
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /**
     * The hash of the log's first entry, which names the vault it belongs to, or null for an empty log.
     * Reads the first line only.
     */
    public String firstHash() throws IOException {
        byte[] line;
        try (FileChannel channel = FileChannel.open(segments().get(0), StandardOpenOption.READ)) {
            line = firstLine(channel, channel.size());
            if (line == null) {
                if (channel.size() == 0) {
                    return null;
                }
                throw new IOException("its first line is not a complete entry");
            }
        }
        try {
            EntryParser parser = new EntryParser();
            AuditEntry entry = parser.parse(line, 0, line.length);
            if (!parser.computedHash().equals(entry.hash) || entry.seq != 1 || !entry.prev.equals(AuditEntry.GENESIS)) {
                throw new IOException("its first entry is not the start of a chain");
            }
            return entry.hash;
        } catch (EntryFormatException e) {
            throw new IOException("its first entry is not a valid entry");
        }
    }

    /** The first line of a segment (at most the longest entry), or null. */
    static byte[] firstLine(FileChannel channel, long size) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, Tail.MAX_LINE));
        while (head.hasRemaining() && channel.read(head, head.position()) >= 0) {
            // read on until full or at the end
        }
        byte[] bytes = head.array();
        for (int i = 0; i < head.position(); i++) {
            if (bytes[i] == '\n') {
                return Arrays.copyOf(bytes, i);
            }
        }
        return null;
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
