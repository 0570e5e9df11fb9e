package dev.vault.core.crypto;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Bech32 (BIP 173) without the 90-character limit, as age uses it: a post-quantum recipient is about
 * 1,950 characters, beyond what Jagged's codec accepts. Messages never quote the input, which may be a key.
 */
final class Bech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int CHECKSUM_LENGTH = 6;

    /** A decoded string: its human-readable part (lower case) and its data. */
    record Decoded(String humanReadablePart, byte[] data) {
    }

    private Bech32() {
    }

    static Decoded decode(String encoded) {
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c < 33 || c > 126) {
                // before any case folding: toLowerCase maps some non-ASCII letters (KELVIN SIGN) onto ASCII ones
                throw new IllegalArgumentException("invalid character");
            }
        }
        String lower = encoded.toLowerCase(Locale.ROOT);
        if (!lower.equals(encoded) && !encoded.toUpperCase(Locale.ROOT).equals(encoded)) {
            throw new IllegalArgumentException("mixed upper and lower case");
        }
        int separator = lower.lastIndexOf('1');
        if (separator < 1 || separator + 1 + CHECKSUM_LENGTH > lower.length()) {
            throw new IllegalArgumentException("no human-readable part, separator or checksum");
        }
        String humanReadablePart = lower.substring(0, separator);
        byte[] values = new byte[lower.length() - separator - 1];
        for (int i = 0; i < values.length; i++) {
            int value = CHARSET.indexOf(lower.charAt(separator + 1 + i));
            if (value < 0) {
                throw new IllegalArgumentException("invalid character in the data part");
            }
            values[i] = (byte) value;
        }
        if (polymod(humanReadablePart, values, values.length) != 1) {
            throw new IllegalArgumentException("bad checksum");
        }
        return new Decoded(humanReadablePart, convert(values, values.length - CHECKSUM_LENGTH, 5, 8, false));
    }

    /** Encodes in lower case; callers upper-case identities, as age writes them. */
    static String encode(String humanReadablePart, byte[] data) {
        String lower = humanReadablePart.toLowerCase(Locale.ROOT);
        byte[] values = convert(data, data.length, 8, 5, true);
        byte[] withChecksum = new byte[values.length + CHECKSUM_LENGTH];
        System.arraycopy(values, 0, withChecksum, 0, values.length);
        int checksum = polymod(lower, withChecksum, withChecksum.length) ^ 1;
        StringBuilder out = new StringBuilder(lower.length() + 1 + withChecksum.length).append(lower).append('1');
        for (byte value : values) {
            out.append(CHARSET.charAt(value));
        }
        for (int i = 0; i < CHECKSUM_LENGTH; i++) {
            out.append(CHARSET.charAt((checksum >>> (5 * (CHECKSUM_LENGTH - 1 - i))) & 31));
        }
        return out.toString();
    }

    private static int polymod(String humanReadablePart, byte[] values, int length) {
        int checksum = 1;
        for (int i = 0; i < humanReadablePart.length(); i++) {
            checksum = step(checksum, humanReadablePart.charAt(i) >>> 5);
        }
        checksum = step(checksum, 0);
        for (int i = 0; i < humanReadablePart.length(); i++) {
            checksum = step(checksum, humanReadablePart.charAt(i) & 31);
        }
        for (int i = 0; i < length; i++) {
            checksum = step(checksum, values[i]);
        }
        return checksum;
    }

    private static int step(int checksum, int value) {
        int top = checksum >>> 25;
        int next = ((checksum & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < GENERATOR.length; i++) {
            if (((top >>> i) & 1) != 0) {
                next ^= GENERATOR[i];
            }
        }
        return next;
    }

    /** Regroups bits: 8 to 5 when encoding (padding the tail), 5 to 8 when decoding (no leftover allowed). */
    private static byte[] convert(byte[] in, int length, int fromBits, int toBits, boolean pad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length * fromBits / toBits + 1);
        int accumulator = 0;
        int bits = 0;
        int mask = (1 << toBits) - 1;
        for (int i = 0; i < length; i++) {
            accumulator = (accumulator << fromBits) | (in[i] & ((1 << fromBits) - 1));
            bits += fromBits;
            while (bits >= toBits) {
                bits -= toBits;
                out.write((accumulator >>> bits) & mask);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((accumulator << (toBits - bits)) & mask);
            }
        } else if (bits >= fromBits || ((accumulator << (toBits - bits)) & mask) != 0) {
            throw new IllegalArgumentException("invalid padding in the data part");
        }
        return out.toByteArray();
    }
}
