package dev.vault.core.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a whole log, segment after segment: every line is an entry in canonical form, its hash is the
 * SHA-256 of its canonical form without the hash, seq counts up from 1 without a gap, and each prev is the
 * hash before it. Stops at the first problem and says where it is. Reads; takes no lock and writes nothing.
 */
public final class ChainVerifier {
    private static final int BUFFER = 1 << 20;
    private static final long LOCK_WAIT_MILLIS = 2_000;

    /** Hashes with the JDK's SHA-256: C2 compiles it to the CPU's SHA-256 instructions, several times BC's speed. */
    private final EntryParser parser = new EntryParser(Sha256.forWholeLogs());
    private final VerifyReport report = new VerifyReport();
    /** The hash of the last entry verified: the {@code prev} the next one must have. */
    private final byte[] head = new byte[32];
    private final long mark;
    private final EntryVisitor each;
    private final ReadProgress progress;
    /** The bytes of all segments, as they were opened. */
    private long total;

    /** Given each entry that verified, in order, with its line as stored ({@code bytes[start, end)}, no newline). */
    public interface EntryVisitor {
        void visit(AuditEntry entry, byte[] bytes, int start, int end);
    }

    /** Told after each read (at most one per {@value #BUFFER} bytes) how many bytes of how many are read. */
    @FunctionalInterface
    public interface ReadProgress {
        void read(long bytes, long total);
    }

    private ChainVerifier(long mark, EntryVisitor each, ReadProgress progress) {
        this.mark = mark;
        this.each = each;
        this.progress = progress;
    }

    /** Verifies the log in {@code files}. */
    public static VerifyReport verify(AuditFiles files) throws IOException {
        return verify(files, 0, null);
    }

    /**
     * Verifies the log in {@code files}; {@code mark} (0: none) is a seq whose hash the report keeps, and
     * {@code each} (if not null) is given every entry that verified, in order.
     */
    public static VerifyReport verify(AuditFiles files, long mark, EntryVisitor each) throws IOException {
        return verify(files, mark, each, null);
    }

    /** As {@link #verify(AuditFiles, long, EntryVisitor)}, telling {@code progress} (if not null) how far it got. */
    public static VerifyReport verify(AuditFiles files, long mark, EntryVisitor each, ReadProgress progress)
            throws IOException {
        ChainVerifier verifier = new ChainVerifier(mark, each, progress);
        List<AuditFiles.OpenSegment> segments = files.openAll(LOCK_WAIT_MILLIS);
        for (AuditFiles.OpenSegment segment : segments) {
            verifier.total += segment.length;
        }
        try {
            for (int i = 0; i < segments.size(); i++) {
                verifier.report.segments++;
                AuditFiles.OpenSegment segment = segments.get(i);
                if (!verifier.segment(segment.path, segment.in, segment.length, i == segments.size() - 1)) {
                    break;
                }
            }
        } finally {
            for (AuditFiles.OpenSegment segment : segments) {
                segment.close();
            }
        }
        verifier.report.headHash = EntryWriter.hex(verifier.head);
        return verifier.report;
    }

    /**
     * Verifies the log and that it extends {@code checkpoint}: it reaches the checkpoint's size, and the
     * entry there has the checkpoint's hash. Catches truncation and any rewrite up to the checkpoint.
     */
    public static VerifyReport verify(AuditFiles files, Checkpoint checkpoint) throws IOException {
        return verify(files, checkpoint, null);
    }

    /** As {@link #verify(AuditFiles, Checkpoint)}, telling {@code progress} (if not null) how far it got. */
    public static VerifyReport verify(AuditFiles files, Checkpoint checkpoint, ReadProgress progress)
            throws IOException {
        VerifyReport report = verify(files, checkpoint.size(), null, progress);
        if (!report.ok() || checkpoint.size() == 0) {
            return report;
        }
        if (report.hashAtMark == null) {
            report.fail(VerifyReport.Problem.TRUNCATED, files.active(), 0, report.headSeq,
                    Long.toString(checkpoint.size()), Long.toString(report.headSeq),
                    "the log has " + report.entries + " entries but the checkpoint covers " + checkpoint.size()
                            + ": entries were removed since it was made");
        } else if (!report.hashAtMark.equals(checkpoint.hash())) {
            report.fail(VerifyReport.Problem.CHECKPOINT_MISMATCH, report.markSegment, report.markLine,
                    checkpoint.size(), checkpoint.hash(), report.hashAtMark,
                    "the entry at the checkpoint's size is not the one it signed: the log was rewritten");
        }
        return report;
    }

    /** Verifies one segment; false when it found a problem. */
    private boolean segment(Path segment, InputStream in, long length, boolean last) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int filled = 0;
        long lineNumber = 0;
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, filled, (int) Math.min(buffer.length - filled, left));
            if (read < 0) {
                break;
            }
            left -= read;
            report.bytes += read;
            if (progress != null) {
                progress.read(report.bytes, total);
            }
            int end = filled + read;
            int start = 0;
            for (int i = filled; i < end; i++) {
                if (buffer[i] == '\n') {
                    lineNumber++;
                    if (!entry(segment, lineNumber, buffer, start, i)) {
                        return false;
                    }
                    start = i + 1;
                }
            }
            filled = end - start;
            System.arraycopy(buffer, start, buffer, 0, filled);
            if (filled == buffer.length) {
                return overlong(segment, in, left, lineNumber + 1, last);
            }
        }
        if (filled > 0) {
            report.fail(last ? VerifyReport.Problem.TORN_TAIL : VerifyReport.Problem.NOT_CANONICAL, segment,
                    lineNumber + 1, null, null, null, last
                            ? filled + " bytes after the last complete entry, left by a crash during a write"
                            : "a sealed segment does not end with a complete entry");
            return false;
        }
        return true;
    }

    /**
     * A line longer than any entry fills the buffer: read on to its end. Ended by a newline, it is no entry;
     * ended by the end of the last segment, it is a (long) torn tail.
     */
    private boolean overlong(Path segment, InputStream in, long left, long lineNumber, boolean last) throws IOException {
        byte[] skip = new byte[BUFFER];
        long remaining = left;
        boolean newline = false;
        while (remaining > 0 && !newline) {
            int read = in.read(skip, 0, (int) Math.min(skip.length, remaining));
            if (read < 0) {
                break;
            }
            remaining -= read;
            report.bytes += read;
            for (int i = 0; i < read && !newline; i++) {
                newline = skip[i] == '\n';
            }
        }
        if (!newline && last) {
            report.fail(VerifyReport.Problem.TORN_TAIL, segment, lineNumber, null, null, null,
                    "bytes after the last complete entry, left by a crash during a write");
        } else {
            report.fail(VerifyReport.Problem.NOT_CANONICAL, segment, lineNumber, null, null, null,
                    "a line longer than any entry");
        }
        return false;
    }

    private boolean entry(Path segment, long lineNumber, byte[] bytes, int start, int end) {
        AuditEntry entry;
        try {
            entry = each == null ? parser.check(bytes, start, end) : parser.parse(bytes, start, end);
        } catch (EntryFormatException e) {
            report.fail(VerifyReport.Problem.NOT_CANONICAL, segment, lineNumber, null, null, null,
                    "not an entry in canonical form (column " + e.column() + ": " + e.getMessage() + ")");
            return false;
        }
        if (!parser.hashMatches()) {
            report.fail(VerifyReport.Problem.HASH_MISMATCH, segment, lineNumber, entry.seq, parser.computedHash(),
                    stored(bytes, start, end).hash, "the entry does not match its hash: it was changed after it was written");
            return false;
        }
        long expectedSeq = report.headSeq + 1;
        if (entry.seq != expectedSeq) {
            String what = entry.seq > expectedSeq ? "entries are missing before it"
                    : "seq " + entry.seq + " came before: entries were swapped, repeated or inserted";
            report.fail(VerifyReport.Problem.SEQ_MISMATCH, segment, lineNumber, entry.seq,
                    Long.toString(expectedSeq), Long.toString(entry.seq), "seq out of order: " + what);
            return false;
        }
        if (!parser.prevIs(head)) {
            report.fail(VerifyReport.Problem.PREV_MISMATCH, segment, lineNumber, entry.seq, EntryWriter.hex(head),
                    stored(bytes, start, end).prev, "prev is not the hash of the entry before: an entry was replaced or inserted");
            return false;
        }
        parser.storedHash(head);
        report.entries++;
        report.headSeq = entry.seq;
        if (entry.seq == mark) {
            report.hashAtMark = EntryWriter.hex(head);
            report.markSegment = segment;
            report.markLine = lineNumber;
        }
        if (each != null) {
            each.visit(entry, bytes, start, end);
        }
        return true;
    }

    /** The line read again with its strings, to report what it holds. */
    private static AuditEntry stored(byte[] bytes, int start, int end) {
        try {
            return new EntryParser().parse(bytes, start, end);
        } catch (EntryFormatException e) {
            throw new IllegalStateException("a line that was checked is canonical", e);
        }
    }
}
