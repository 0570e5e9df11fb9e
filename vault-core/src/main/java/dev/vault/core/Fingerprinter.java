package dev.vault.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints, to compare values without showing them: {@code vfp1:} and 24 hex digits of
 * HMAC-SHA256 of the value under a key of one vault and one identity. That key is derived from a secret
 * of the identity's private key and the vault's id, so a low-entropy password cannot be guessed from its
 * fingerprint without the identity, fingerprints of two vaults never match, and every fingerprint has the
 * same length whatever the value's.
 */
public final class Fingerprinter implements AutoCloseable {
    public static final String PREFIX = "vfp1:";
    private static final int DIGITS = 24;

    private final byte[] key;

    private Fingerprinter(byte[] key) {
        this.key = key;
    }

    /** The fingerprinter of vault {@code vaultId} for the identity whose fingerprint seed is {@code seed}. */
    static Fingerprinter of(byte[] seed, String vaultId) {
        return new Fingerprinter(hmac(seed, ("vault fingerprint key v1\n" + vaultId).getBytes(StandardCharsets.UTF_8)));
    }

    /** The fingerprint of {@code value}. */
    public String of(byte[] value) {
        byte[] mac = hmac(key, value);
        try {
            return PREFIX + HexFormat.of().formatHex(mac).substring(0, DIGITS);
        } finally {
            Arrays.fill(mac, (byte) 0);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "Fingerprinter";
    }
}
