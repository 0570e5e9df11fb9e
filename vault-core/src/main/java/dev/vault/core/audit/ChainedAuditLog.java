package dev.vault.core.audit;

import dev.vault.core.AtomicFiles;
import dev.vault.core.BoundedLock;
import dev.vault.core.ShellWords;
import dev.vault.core.VaultException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SHA-256 hash-chained audit log (docs/audit-format.md). An append takes the log's lock (bounded
 * wait), reads only the tail of the active segment to find the last entry, writes one line and fsyncs it.
 * A torn or damaged tail, a lock not obtained, or a failed write is an error: the caller releases nothing.
 */
public final class ChainedAuditLog implements AuditLog {
    public static final long DEFAULT_SEGMENT_BYTES = 32L << 20;
    public static final long DEFAULT_LOCK_WAIT_MILLIS = 10_000;

    private final AuditFiles files;
    private final Actor actor;
    private final Clock clock;
    private final long segmentBytes;
    private final long lockWaitMillis;

    public ChainedAuditLog(Path folder, Actor actor, Clock clock, long segmentBytes, long lockWaitMillis) {
        this.files = new AuditFiles(folder);
        this.actor = actor;
        this.clock = clock;
        this.segmentBytes = segmentBytes;
        this.lockWaitMillis = lockWaitMillis;
    }

    public ChainedAuditLog(Path folder, Actor actor, Clock clock) {
        this(folder, actor, clock, DEFAULT_SEGMENT_BYTES, DEFAULT_LOCK_WAIT_MILLIS);
    }

    /** Creates the empty active segment of a new log; refuses to touch one that exists. */
    public static void create(Path folder) throws IOException {
        AtomicFiles.createFolders(folder);
        AtomicFiles.createExclusive(new AuditFiles(folder).active(), new byte[0]);
    }

    @Override
    public long append(AuditEvent event) throws VaultException {
        return appendEach(List.of(event));
    }

    /** Records every event under one lock, in one write and one fsync. */
    @Override
    public void appendAll(List<AuditEvent> events) throws VaultException {
        if (!events.isEmpty()) {
            appendEach(events);
        }
    }

    /** Appends the events' entries together; returns the last one's sequence number. */
    private long appendEach(List<AuditEvent> events) throws VaultException {
        try (BoundedLock lock = BoundedLock.acquire(files.lock(), lockWaitMillis);
             FileChannel channel = openActive()) {
            return appendLocked(channel, events);
        } catch (VaultException e) {
            throw e;
        } catch (BoundedLock.TimeoutException e) {
            throw failure("the audit log is locked by another process: " + e.getMessage(),
                    "another vault command is writing to it: retry; if it stays locked, this names the process "
                            + "that holds it: fuser -v " + files.lock(), e);
        } catch (NoSuchFileException e) {
            throw failure("the audit log \"" + files.active() + "\" is missing", missingHint(), e);
        } catch (IOException | RuntimeException e) {
            throw failure("cannot write the audit log \"" + files.active() + "\": " + describe(e), cannotWriteHint(e), e);
        }
    }

    /**
     * The active segment, for reading and writing; it must be a regular file, not a link: a link could send
     * the entries somewhere else, and a device can take a write without keeping it.
     */
    private FileChannel openActive() throws IOException, VaultException {
        if (!Files.readAttributes(files.active(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
            throw new VaultException(VaultException.Kind.AUDIT, "the audit log \"" + files.active()
                    + "\" is not a regular file (a symbolic link or a device); nothing was released or changed",
                    "entries must go to the vault's own log: put the real audit.log back in " + files.folder());
        }
        return FileChannel.open(files.active(), StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
    }

    /** What to do when the log cannot be written, by what stopped it (a message for the cause, not the log). */
    String cannotWriteHint(Exception e) {
        Path folder = files.folder();
        if (e instanceof AccessDeniedException) {
            return "the vault records every access before it happens: let your user write the audit folder, then "
                    + "retry: chmod -R u+rwX " + ShellWords.quote(folder.toString())
                    + " (if you made the vault with sudo: sudo chown -R \"$USER\" " + ShellWords.quote(folder.toString()) + ")";
        }
        if (e instanceof FileSystemException && "read-only file system".equals(describe(e))) {
            return "the vault records every access before it happens, so a read-only copy releases nothing: "
                    + "mount " + folder.getParent() + " read-write, then retry";
        }
        return "the vault records every access before it happens; `vault doctor` shows what is wrong with "
                + folder;
    }

    private String missingHint() {
        return "vault never starts a new log by itself, so that a deleted log is noticed: put the vault's "
                + "audit.log back in " + files.folder() + " (from a backup), then retry";
    }

    private long appendLocked(FileChannel channel, List<AuditEvent> events) throws IOException, VaultException {
        long size = channel.size();
        AuditEntry last = lastEntry(channel, size);
        long seq = last == null ? 0 : last.seq;
        String prev = last == null ? AuditEntry.GENESIS : last.hash;
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        AuditEntry entry = new AuditEntry();
        for (AuditEvent event : events) {
            seq++;
            byte[] line = EntryWriter.line(seq, clock.instant(), actor, event.identity(), event, prev, entry);
            if (line.length > Tail.MAX_LINE) {
                throw new VaultException(VaultException.Kind.AUDIT, "the audit entry would be longer than "
                        + Tail.MAX_LINE + " bytes; nothing was released or changed", "state a shorter purpose");
            }
            lines.write(line, 0, line.length);
            prev = entry.hash;
        }
        if (size >= segmentBytes) {
            roll(lines.toByteArray());
        } else {
            write(channel, size, lines.toByteArray());
        }
        return seq;
    }

    /** The last entry before the next one: from the active segment, or the newest sealed one when it is empty. */
    private AuditEntry lastEntry(FileChannel channel, long size) throws IOException, VaultException {
        Tail tail = Tail.read(channel, size);
        if (tail.tornBytes > 0) {
            throw tornTail(tail.tornBytes);
        }
        return tail.line != null ? checked(tail.line, files.active()) : lastSealedEntry();
    }

    /** The last entry of the newest sealed segment that is not the active file itself, or null for none. */
    private AuditEntry lastSealedEntry() throws IOException, VaultException {
        for (Path sealed : files.sealed().descendingMap().values()) {
            if (Files.isSameFile(sealed, files.active())) {
                continue;
            }
            try (FileChannel previous = FileChannel.open(sealed, StandardOpenOption.READ)) {
                Tail end = Tail.read(previous, previous.size());
                if (end.line == null || end.tornBytes > 0) {
                    throw damaged(sealed, "it does not end with a complete entry");
                }
                return checked(end.line, sealed);
            }
        }
        return null;
    }

    private AuditEntry checked(byte[] line, Path segment) throws VaultException {
        EntryParser parser = new EntryParser();
        try {
            AuditEntry entry = parser.parse(line, 0, line.length);
            if (!parser.computedHash().equals(entry.hash)) {
                throw damaged(segment, "its last entry does not match its hash");
            }
            return entry;
        } catch (EntryFormatException e) {
            if (isLegacy(line)) {
                throw new VaultException(VaultException.Kind.AUDIT, "the audit log \"" + segment
                        + "\" was written before the hash chain (by an earlier vault); nothing was released or changed",
                        "run `vault audit repair`: it keeps that log as it is, beside the chain, and starts the chain");
            }
            throw damaged(segment, "its last entry is not a valid entry (column " + e.column() + ": " + e.getMessage() + ")");
        }
    }

    /**
     * Seals the active segment and starts a new one holding {@code line}. The active name never goes
     * missing: the sealed name is a hard link made first, then a new file replaces the active name.
     */
    private void roll(byte[] line) throws IOException {
        Map.Entry<Integer, Path> last = files.sealed().lastEntry();
        if (last == null || !Files.isSameFile(last.getValue(), files.active())) {
            Files.createLink(files.sealed(last == null ? 1 : last.getKey() + 1), files.active());
            AtomicFiles.syncFolder(files.folder());
        }
        AtomicFiles.write(files.active(), line);
    }

    private static void write(FileChannel channel, long at, byte[] line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        try {
            long position = at;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(true);
        } catch (IOException e) {
            try {
                channel.truncate(at);
                channel.force(true);
            } catch (IOException ignored) {
                // the torn tail stays; the next access finds it and fails closed
            }
            throw e;
        }
    }

    /**
     * Moves a torn tail (bytes after the last complete entry, left by a crash during a write) to a file in
     * the quarantine folder, then appends an {@code audit-repair} entry that names it. A log written before
     * the hash chain is kept whole as {@code legacy-<ms>.log} and the chain starts with an entry recording
     * its SHA-256. Returns the repair entry's reason, or null when there was nothing to repair. A damaged
     * last entry is not repaired: that is not what a crash leaves.
     */
    public String repair() throws VaultException {
        try (BoundedLock lock = BoundedLock.acquire(files.lock(), lockWaitMillis);
             FileChannel channel = openActive()) {
            long size = channel.size();
            if (isLegacy(AuditFiles.firstLine(channel, size))) {
                return sealLegacy(channel, size);
            }
            Tail tail = Tail.read(channel, size);
            AuditEntry last = tail.line != null ? checked(tail.line, files.active()) : lastSealedEntry();
            if (tail.tornBytes == 0) {
                return null;
            }
            ByteBuffer fragment = ByteBuffer.allocate(tail.tornBytes);
            while (fragment.hasRemaining()) {
                if (channel.read(fragment, tail.tornAt + fragment.position()) < 0) {
                    throw new IOException("the log changed while being repaired");
                }
            }
            Path kept = files.quarantine().resolve("torn-" + clock.millis() + ".bin");
            String reason = "moved a torn tail of " + tail.tornBytes + " bytes to " + files.folder().relativize(kept);
            byte[] line = EntryWriter.line(last == null ? 1 : last.seq + 1, clock.instant(), actor, null,
                    AuditEvent.of("audit-repair", null, null, null, null, AuditEvent.Result.OK, reason),
                    last == null ? AuditEntry.GENESIS : last.hash, null);
            AtomicFiles.createFolders(files.quarantine());
            AtomicFiles.createExclusive(kept, fragment.array());
            AtomicFiles.syncFolder(files.quarantine());
            channel.truncate(tail.tornAt);
            write(channel, tail.tornAt, line);
            return reason;
        } catch (VaultException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw failure("cannot repair the audit log \"" + files.active() + "\": " + describe(e), cannotWriteHint(e), e);
        }
    }

    /** Keeps a pre-chain log whole beside the chain, and starts the chain with an entry that names it. */
    private String sealLegacy(FileChannel channel, long size) throws IOException {
        Sha256 digest = Sha256.forWholeLogs();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        for (long at = 0; at < size; ) {
            buffer.clear();
            int read = channel.read(buffer, at);
            if (read < 0) {
                break;
            }
            digest.update(buffer.array(), 0, read);
            at += read;
        }
        byte[] hash = new byte[Sha256.LENGTH];
        digest.finish(hash);
        Path kept = files.folder().resolve("legacy-" + clock.millis() + ".log");
        Files.createLink(kept, files.active());
        AtomicFiles.syncFolder(files.folder());
        String reason = "kept the log written before the hash chain as " + kept.getFileName() + " (" + size
                + " bytes, sha256 " + EntryWriter.hex(hash) + ")";
        AtomicFiles.write(files.active(), EntryWriter.line(1, clock.instant(), actor, null,
                AuditEvent.of("audit-repair", null, null, null, null, AuditEvent.Result.OK, reason),
                AuditEntry.GENESIS, null));
        return reason;
    }

    /** A complete line of the JSON Lines log of vault 0.1 before the chain: it began with the time, not a seq. */
    private static boolean isLegacy(byte[] line) {
        byte[] legacy = "{\"time\":\"".getBytes(StandardCharsets.US_ASCII);
        if (line == null || line.length < legacy.length) {
            return false;
        }
        for (int i = 0; i < legacy.length; i++) {
            if (line[i] != legacy[i]) {
                return false;
            }
        }
        return true;
    }

    private VaultException tornTail(int bytes) {
        return new VaultException(VaultException.Kind.AUDIT, "the audit log \"" + files.active()
                + "\" ends with a torn entry (" + bytes + " bytes, left by a crash during a write); "
                + "nothing was released or changed",
                "run `vault audit repair` to move the torn bytes to the quarantine folder, then retry");
    }

    private static VaultException damaged(Path segment, String what) {
        return new VaultException(VaultException.Kind.AUDIT, "the audit log \"" + segment + "\" is damaged: "
                + what + "; nothing was released or changed",
                "run `vault audit verify` to see where; the log may have been changed by hand");
    }

    private static String describe(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason().toLowerCase(Locale.ROOT);
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static VaultException failure(String message, String hint, Exception cause) {
        return new VaultException(VaultException.Kind.AUDIT, message + "; nothing was released or changed", hint, cause);
    }
}
