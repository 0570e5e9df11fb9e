package dev.vault.core.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a whole log, segment after segment: every line is an entry in canonical form, its hash is the
 * SHA-256 of its canonical form without the hash, seq counts up from 1 without a gap, and each prev is the
 * hash before it. Stops at the first problem and says where it is. Reads; takes no lock and writes nothing.
 */
public final class ChainVerifier {
    private static final int BUFFER = 1 << 20;

    private final EntryParser parser = new EntryParser();
    private final VerifyReport report = new VerifyReport();
    private final long mark;

    private ChainVerifier(long mark) {
        this.mark = mark;
    }

    /** Verifies the log in {@code files}; {@code mark} (0: none) is a seq whose hash the report keeps. */
    public static VerifyReport verify(AuditFiles files, long mark) throws IOException {
        ChainVerifier verifier = new ChainVerifier(mark);
        List<Path> segments = files.segments();
        for (int i = 0; i < segments.size(); i++) {
            verifier.report.segments++;
            if (!verifier.segment(segments.get(i), i == segments.size() - 1)) {
                break;
            }
        }
        return verifier.report;
    }

    /** Verifies one segment; false when it found a problem. */
    private boolean segment(Path segment, boolean last) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int filled = 0;
        long lineNumber = 0;
        try (InputStream in = Files.newInputStream(segment)) {
            while (true) {
                int read = in.read(buffer, filled, buffer.length - filled);
                if (read < 0) {
                    break;
                }
                report.bytes += read;
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
                    if (buffer.length >= 4 * Tail.MAX_LINE + BUFFER) {
                        report.fail(VerifyReport.Problem.NOT_CANONICAL, segment, lineNumber + 1, null, null, null,
                                "a line longer than any entry");
                        return false;
                    }
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
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

    private boolean entry(Path segment, long lineNumber, byte[] bytes, int start, int end) {
        AuditEntry entry;
        try {
            entry = parser.parse(bytes, start, end);
        } catch (EntryFormatException e) {
            report.fail(VerifyReport.Problem.NOT_CANONICAL, segment, lineNumber, null, null, null,
                    "not an entry in canonical form (column " + e.column() + ": " + e.getMessage() + ")");
            return false;
        }
        String computed = parser.computedHash();
        if (!computed.equals(entry.hash)) {
            report.fail(VerifyReport.Problem.HASH_MISMATCH, segment, lineNumber, entry.seq, computed, entry.hash,
                    "the entry does not match its hash: it was changed after it was written");
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
        if (!entry.prev.equals(report.headHash)) {
            report.fail(VerifyReport.Problem.PREV_MISMATCH, segment, lineNumber, entry.seq, report.headHash,
                    entry.prev, "prev is not the hash of the entry before: an entry was replaced or inserted");
            return false;
        }
        report.entries++;
        report.headSeq = entry.seq;
        report.headHash = entry.hash;
        if (entry.seq == mark) {
            report.hashAtMark = entry.hash;
        }
        return true;
    }
}
