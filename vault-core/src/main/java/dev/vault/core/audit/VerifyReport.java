package dev.vault.core.audit;

import java.nio.file.Path;

/** What {@code vault audit verify} found: the chain's extent, or the first place where it breaks. */
public final class VerifyReport {
    /** The first thing wrong with a log; null in a report means the chain holds. */
    public enum Problem {
        TORN_TAIL("torn-tail"),
        NOT_CANONICAL("not-canonical"),
        HASH_MISMATCH("hash-mismatch"),
        SEQ_MISMATCH("seq-mismatch"),
        PREV_MISMATCH("prev-mismatch"),
        CHECKPOINT_MISMATCH("checkpoint-mismatch"),
        TRUNCATED("truncated");

        private final String id;

        Problem(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    long entries;
    int segments;
    long bytes;
    long headSeq;
    String headHash = AuditEntry.GENESIS;
    String hashAtMark;
    Path markSegment;
    long markLine;
    Problem problem;
    Path segment;
    long line;
    Long seq;
    String expected;
    String found;
    String detail;

    VerifyReport() {
    }

    public boolean ok() {
        return problem == null;
    }

    public long entries() {
        return entries;
    }

    public int segments() {
        return segments;
    }

    /** Bytes read, over every segment. */
    public long bytes() {
        return bytes;
    }

    /** The seq and hash of the last good entry (0 and the genesis hash for an empty log). */
    public long headSeq() {
        return headSeq;
    }

    public String headHash() {
        return headHash;
    }

    public Problem problem() {
        return problem;
    }

    /** Where the problem is: the segment file and its 1-based line; the seq found there, if known. */
    public Path segment() {
        return segment;
    }

    public long line() {
        return line;
    }

    public Long seq() {
        return seq;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }

    /** The problem in words, without the location. */
    public String detail() {
        return detail;
    }

    void fail(Problem problem, Path segment, long line, Long seq, String expected, String found, String detail) {
        this.problem = problem;
        this.segment = segment;
        this.line = line;
        this.seq = seq;
        this.expected = expected;
        this.found = found;
        this.detail = detail;
    }
}
