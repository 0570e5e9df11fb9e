package dev.vault.core.audit;

/**
 * SHA-256 as the audit chain uses it. Two implementations give the same bytes (a test compares them on the
 * same inputs): {@link #forOneEntry()} costs next to nothing to start, for an append, which hashes one or two
 * lines in a short-lived process; {@link #forWholeLogs()} is the JDK's, whose compiled form uses the CPU's
 * SHA-256 support, for verifying whole logs. Not thread-safe.
 */
interface Sha256 {
    int LENGTH = 32;

    void update(byte[] bytes, int offset, int length);

    void update(byte b);

    /** Writes the hash of everything given since the last call into {@code out[0, 32)} and starts over. */
    void finish(byte[] out);

    /** Bouncy Castle's lightweight digest: no JCA start-up (see {@link LightweightSha256}). */
    static Sha256 forOneEntry() {
        return new LightweightSha256();
    }

    /** The JDK's MessageDigest: JCA start-up first, then several times the lightweight throughput under C2. */
    static Sha256 forWholeLogs() {
        return new JcaSha256();
    }
}
