package dev.vault.core.crypto;

import java.util.Arrays;
import java.util.Locale;

/**
 * age's Bech32 key strings: the checks, with messages that say what was expected and what was found, and
 * the decoding. Two kinds of key: X25519 ({@code age1…}, {@code AGE-SECRET-KEY-1…}) and the post-quantum
 * hybrid mlkem768x25519 ({@code age1pq1…}, {@code AGE-SECRET-KEY-PQ-1…}). Nothing here loads Bouncy Castle:
 * the manifest's recipients are checked on every read.
 */
public final class AgeKeys {
    static final String IDENTITY_PREFIX = "AGE-SECRET-KEY-1";
    static final String PQ_IDENTITY_PREFIX = "AGE-SECRET-KEY-PQ-1";
    static final String RECIPIENT_PREFIX = "age1";
    static final String PQ_RECIPIENT_PREFIX = "age1pq1";
    static final String IDENTITY_HRP = "AGE-SECRET-KEY-";
    static final String PQ_IDENTITY_HRP = "AGE-SECRET-KEY-PQ-";
    static final String PQ_RECIPIENT_HRP = "age1pq";
    static final int X25519_KEY_LENGTH = 32;
    /** A post-quantum identity is a 32-byte seed; its recipient the ML-KEM-768 key (1184) and X25519 (32). */
    static final int PQ_SEED_LENGTH = 32;
    static final int PQ_PUBLIC_KEY_LENGTH = 1216;

    private AgeKeys() {
    }

    /** Whether a recipient is post-quantum (mlkem768x25519, {@code age1pq1…}); by its prefix only. */
    public static boolean isPostQuantum(String recipient) {
        return recipient.startsWith(PQ_RECIPIENT_PREFIX);
    }

    /**
     * A recipient as messages show it: X25519 ones whole, post-quantum ones (1959 characters) by their start
     * and end. Recipients are public; this only keeps error lines readable.
     */
    public static String abbreviate(String recipient) {
        return recipient == null || recipient.length() <= 62 ? recipient
                : recipient.substring(0, 12) + "…" + recipient.substring(recipient.length() - 8);
    }

    /**
     * Returns null when {@code recipient} is an age X25519 recipient ({@code age1…} holding 32 bytes) or a
     * post-quantum one ({@code age1pq1…} holding 1216 bytes), or what is wrong with it.
     */
    public static String recipientProblem(String recipient) {
        if (recipient == null || !recipient.startsWith(RECIPIENT_PREFIX)) {
            return "expected an age recipient starting with \"age1\"";
        }
        if (isPostQuantum(recipient)) {
            return keyProblem(recipient, PQ_RECIPIENT_HRP, "post-quantum recipient", PQ_PUBLIC_KEY_LENGTH,
                    "ML-KEM-768 + X25519 public key");
        }
        return keyProblem(recipient, "age", "recipient", X25519_KEY_LENGTH, "X25519 key");
    }

    /**
     * Returns null when {@code line} is an age X25519 or post-quantum identity, or what is wrong with it.
     * The message never repeats the line itself, which may be key material.
     */
    static String identityProblem(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith(PQ_IDENTITY_PREFIX)) {
            return keyProblem(line, PQ_IDENTITY_HRP, "post-quantum identity", PQ_SEED_LENGTH, "post-quantum seed");
        }
        if (line.startsWith(RECIPIENT_PREFIX)) {
            return "found a recipient (public key, age1…) where an identity (AGE-SECRET-KEY-1…) was expected";
        }
        if (!upper.startsWith(IDENTITY_PREFIX)) {
            return "expected an age identity starting with \"" + IDENTITY_PREFIX + "\" or \"" + PQ_IDENTITY_PREFIX
                    + "\", found a line of " + line.length() + " characters that does not";
        }
        return keyProblem(line, IDENTITY_HRP, "identity", X25519_KEY_LENGTH, "X25519 key");
    }

    static boolean isPostQuantumIdentity(String line) {
        return line.toUpperCase(Locale.ROOT).startsWith(PQ_IDENTITY_PREFIX);
    }

    /** The bytes of a key string already checked by {@link #recipientProblem} or {@link #identityProblem}. */
    static byte[] data(String key) {
        return Bech32.decode(key).data();
    }

    /** A key string: identities upper case, recipients lower case, as age writes them. */
    static String encode(String humanReadablePart, byte[] data) {
        String encoded = Bech32.encode(humanReadablePart, data);
        return humanReadablePart.equals(humanReadablePart.toUpperCase(Locale.ROOT))
                ? encoded.toUpperCase(Locale.ROOT) : encoded;
    }

    private static String keyProblem(String key, String expectedPart, String what, int length, String keyName) {
        Bech32.Decoded address;
        try {
            address = Bech32.decode(key);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            return "the " + what + " is not valid Bech32 ("
                    + (message.contains("checksum") ? "bad checksum" : "invalid character or layout") + ")";
        }
        byte[] data = address.data();
        try {
            if (!expectedPart.equalsIgnoreCase(address.humanReadablePart())) {
                return "the " + what + " has the wrong prefix";
            }
            if (data.length != length) {
                return "expected a " + length + "-byte " + keyName + ", found " + data.length + " bytes";
            }
            return null;
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }
}
