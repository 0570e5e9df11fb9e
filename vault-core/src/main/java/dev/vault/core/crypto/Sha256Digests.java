package dev.vault.core.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * Bouncy Castle's lightweight SHA-256, made from the encoded state of a fresh digest. Its constructors
 * otherwise ask {@code CryptoServicesRegistrar} whether the digest is allowed, and that class's first use sets
 * up logging (a service loader over the class path), default DSA and DH parameters: 30-40 ms on a cold JVM and
 * 12-20 ms even from an AOT cache (JDK 25, C1), while a digest restored from its state costs about 3 ms and
 * 0.1 ms. This vault sets no constraints there, so the check has nothing to refuse. Only the no-argument and
 * the purpose constructors check; the copy that HMac takes of its digest ({@code Memoable.copy()}) does not.
 */
public final class Sha256Digests {
    /**
     * {@code new SHA256Digest().getEncodedState()} for Bouncy Castle 1.86: an empty word buffer and its
     * offset, a byte count of 0, the eight initial hash words of FIPS 180-4, no buffered words, and the
     * purpose {@code ANY}. A test checks it against the library in use.
     */
    private static final byte[] FRESH_STATE = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0x6a, 0x09, (byte) 0xe6, 0x67, (byte) 0xbb, 0x67, (byte) 0xae, (byte) 0x85,
        0x3c, 0x6e, (byte) 0xf3, 0x72, (byte) 0xa5, 0x4f, (byte) 0xf5, 0x3a,
        0x51, 0x0e, 0x52, 0x7f, (byte) 0x9b, 0x05, 0x68, (byte) 0x8c,
        0x1f, (byte) 0x83, (byte) 0xd9, (byte) 0xab, 0x5b, (byte) 0xe0, (byte) 0xcd, 0x19,
        0, 0, 0, 0,
        9,
    };

    private Sha256Digests() {
    }

    /** A new digest with nothing hashed yet, as {@code new SHA256Digest()} gives, without the registrar. */
    public static SHA256Digest fresh() {
        return new SHA256Digest(FRESH_STATE); // reads the state, keeps no reference to the array
    }
}
