package dev.vault.core.audit;

import dev.vault.core.crypto.Sha256Digests;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * Bouncy Castle's lightweight SHA-256 without its start-up cost (see {@link Sha256Digests}).
 */
final class LightweightSha256 implements Sha256 {
    private final SHA256Digest digest = Sha256Digests.fresh();

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
        digest.doFinal(out, 0);
    }
}
