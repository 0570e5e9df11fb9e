package dev.vault.core.crypto;

import com.exceptionfactory.jagged.bech32.Bech32;
import com.exceptionfactory.jagged.bech32.Bech32Address;

import java.util.Arrays;
import java.util.Locale;

/** Checks of age's Bech32 key strings, with messages that say what was expected and what was found. */
public final class AgeKeys {
    static final String IDENTITY_PREFIX = "AGE-SECRET-KEY-1";
    static final String PQ_IDENTITY_PREFIX = "AGE-SECRET-KEY-PQ-1";
    static final String RECIPIENT_PREFIX = "age1";
    static final int X25519_KEY_LENGTH = 32;

    private AgeKeys() {
    }

    /**
     * Returns null when {@code recipient} is an age X25519 recipient ({@code age1…} holding 32 bytes), or
     * what is wrong with it.
     */
    public static String recipientProblem(String recipient) {
        if (recipient == null || !recipient.startsWith(RECIPIENT_PREFIX)) {
            return "expected an age recipient starting with \"age1\"";
        }
        if (recipient.startsWith("age1pq1")) {
            return "post-quantum recipients (age1pq1…) are not supported yet";
        }
        return keyProblem(recipient, "age", "recipient");
    }

    /**
     * Returns null when {@code line} is an age X25519 identity, or what is wrong with it. The message
     * never repeats the line itself, which may be key material.
     */
    static String identityProblem(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith(PQ_IDENTITY_PREFIX)) {
            return "post-quantum identities (AGE-SECRET-KEY-PQ-1…) are not supported yet";
        }
        if (line.startsWith(RECIPIENT_PREFIX)) {
            return "found a recipient (public key, age1…) where an identity (AGE-SECRET-KEY-1…) was expected";
        }
        if (!upper.startsWith(IDENTITY_PREFIX)) {
            return "expected an age identity starting with \"" + IDENTITY_PREFIX + "\", found a line of "
                    + line.length() + " characters that does not";
        }
        return keyProblem(line, "age-secret-key-", "identity");
    }

    private static String keyProblem(String key, String expectedPart, String what) {
        Bech32Address address;
        try {
            address = Bech32.getDecoder().decode(key);
        } catch (RuntimeException e) {
            // fixed wording: the decoder's own messages can quote characters of the key
            String message = String.valueOf(e.getMessage());
            return "the " + what + " is not valid Bech32 ("
                    + (message.contains("checksum") ? "bad checksum" : "invalid character or layout") + ")";
        }
        byte[] data = address.getData();
        try {
            if (!expectedPart.equalsIgnoreCase(address.getHumanReadablePart().toString())) {
                return "the " + what + " has the wrong prefix";
            }
            if (data.length != X25519_KEY_LENGTH) {
                return "expected a " + X25519_KEY_LENGTH + "-byte X25519 key, found " + data.length + " bytes";
            }
            return null;
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }
}
