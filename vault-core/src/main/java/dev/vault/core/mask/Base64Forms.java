package dev.vault.core.mask;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * How a value looks in base64, standard and URL-safe: encoded alone (padded and not, and wrapped as
 * {@code base64} and PEM wrap it), and inside a larger encoded blob at each of the three byte offsets a
 * value can have within a 3-byte group. Inside a blob only the characters whose 6 bits all come from
 * the value are the value's: the first and last may mix in the neighbours' bits, so they are left out.
 * The value with its first 1 or 2 bytes dropped and encoded on its own is a form too: inside a blob
 * its characters follow 1 or 2 that depend on the dropped bytes, so the blob's forms do not match it.
 */
final class Base64Forms {
    private static final byte[] STANDARD =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] URL_SAFE =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);
    /** Line lengths of wrapped base64: coreutils {@code base64} and MIME (76), PEM and {@code openssl base64} (64). */
    private static final int[] WRAPS = {76, 64};

    private Base64Forms() {
    }

    static void of(byte[] value, Consumer<byte[]> forms) {
        forms.accept(Base64.getEncoder().withoutPadding().encode(value));
        forms.accept(Base64.getEncoder().encode(value));
        forms.accept(Base64.getUrlEncoder().withoutPadding().encode(value));
        forms.accept(Base64.getUrlEncoder().encode(value));
        for (int wrap : WRAPS) {
            if (4 * ((value.length + 2) / 3) > wrap) {
                forms.accept(Base64.getMimeEncoder(wrap, new byte[] {'\n'}).encode(value));
            }
        }
        for (int offset = 0; offset < 3; offset++) {
            forms.accept(inner(value, offset, STANDARD));
            forms.accept(inner(value, offset, URL_SAFE));
        }
        // The value with its first 1 or 2 bytes dropped, encoded on its own: inner(value, 2) and inner(value, 1)
        // hold these with 1 or 2 characters of the dropped bytes in front, so they do not match it.
        for (int drop = 1; drop <= 2 && drop < value.length; drop++) {
            byte[] rest = Arrays.copyOfRange(value, drop, value.length);
            forms.accept(inner(rest, 0, STANDARD));
            forms.accept(inner(rest, 0, URL_SAFE));
            Arrays.fill(rest, (byte) 0);
        }
    }

    /**
     * The characters of the value's encoding when {@code offset} bytes of something else come before it
     * in its 3-byte group: those whose bits all lie within the value.
     */
    static byte[] inner(byte[] value, int offset, byte[] alphabet) {
        int startBit = 8 * offset;
        int endBit = startBit + 8 * value.length;
        int first = (startBit + 5) / 6;
        int end = endBit / 6;
        byte[] out = new byte[Math.max(0, end - first)];
        for (int c = first; c < end; c++) {
            int sextet = 0;
            for (int bit = 6 * c; bit < 6 * c + 6; bit++) {
                int b = value[bit / 8 - offset];
                sextet = sextet << 1 | (b >> (7 - bit % 8)) & 1;
            }
            out[c - first] = alphabet[sextet];
        }
        return out;
    }
}
