package dev.vault.core;

import java.util.Arrays;

/**
 * A secret value. Reading it is an explicit, searchable call ({@link #reveal()}); {@code toString},
 * {@code equals} and {@code hashCode} never expose it. {@link #close()} wipes the bytes.
 */
public final class SecretBytes implements AutoCloseable {
    private final byte[] bytes;
    private boolean wiped;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of the array: the caller must not keep or change it. */
    public static SecretBytes wrap(byte[] bytes) {
        return new SecretBytes(bytes);
    }

    /** The value itself. The array is the holder's own: do not change it; it is wiped on close. */
    public byte[] reveal() {
        if (wiped) {
            throw new IllegalStateException("secret value already wiped");
        }
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    @Override
    public void close() {
        Arrays.fill(bytes, (byte) 0);
        wiped = true;
    }

    @Override
    public String toString() {
        return "SecretBytes[redacted]";
    }
}
