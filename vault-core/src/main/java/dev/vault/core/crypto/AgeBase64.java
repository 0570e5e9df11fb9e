package dev.vault.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * age's base64: the standard alphabet without padding, and only the canonical spelling of each value (the
 * unused low bits of the last character zero). The JDK's codec does the work; this adds age's two rules.
 */
final class AgeBase64 {
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private AgeBase64() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** Decodes {@code length} characters from {@code offset}; throws IllegalArgumentException unless canonical. */
    static byte[] decode(byte[] ascii, int offset, int length) {
        byte[] encoded = new byte[length];
        System.arraycopy(ascii, offset, encoded, 0, length);
        for (byte b : encoded) {
            if (b == '=') {
                throw new IllegalArgumentException("base64 padding");
            }
        }
        byte[] decoded = Base64.getDecoder().decode(encoded);
        byte[] again = ENCODER.encode(decoded);
        if (!java.util.Arrays.equals(again, encoded)) {
            throw new IllegalArgumentException("base64 not in its canonical form");
        }
        return decoded;
    }

    static byte[] decode(String encoded) {
        byte[] ascii = encoded.getBytes(StandardCharsets.ISO_8859_1);
        return decode(ascii, 0, ascii.length);
    }
}
