package dev.vault.core.crypto;

import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;

/**
 * HMAC-SHA256 and HKDF-SHA256, as age derives its keys, from Bouncy Castle's lightweight classes: through
 * JCA, a javax.crypto Mac alone costs about 17 ms of provider start-up on every {@code vault get}. The digest
 * comes from {@link Sha256Digests}, so neither HKDF nor HMAC starts Bouncy Castle's CryptoServicesRegistrar.
 */
final class HmacSha256 {
    static final int LENGTH = 32;

    private HmacSha256() {
    }

    /** HKDF-SHA256 of {@code secret} with {@code salt} (empty for none) and the ASCII label {@code info}. */
    static byte[] hkdf(byte[] secret, byte[] salt, String info, int length) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(Sha256Digests.fresh());
        generator.init(new HKDFParameters(secret, salt, info.getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }

    /** HMAC-SHA256 under {@code key} of {@code length} bytes of {@code data} from {@code offset}. */
    static byte[] mac(byte[] key, byte[] data, int offset, int length) {
        HMac mac = new HMac(Sha256Digests.fresh());
        mac.init(new KeyParameter(key));
        mac.update(data, offset, length);
        byte[] out = new byte[LENGTH];
        mac.doFinal(out, 0);
        return out;
    }
}
