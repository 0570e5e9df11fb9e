package dev.vault.core.audit;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The JDK's SHA-256, through JCA: for whole logs, where C2's SHA-256 intrinsic makes it the fastest here. */
final class JcaSha256 implements Sha256 {
    private final MessageDigest digest;

    JcaSha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }

    @Override
    public void update(byte b) {
        digest.update(b);
    }

    @Override
    public void finish(byte[] out) {
        try {
            digest.digest(out, 0, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }
}
