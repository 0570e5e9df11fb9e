package dev.vault.core.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.util.Arrays;

/**
 * The payload of an age v1 file, decrypted whole: a 16-byte nonce, then STREAM chunks of 64 KiB of
 * plaintext plus a 16-byte ChaCha20-Poly1305 tag, under HKDF-SHA256(file key, nonce, "payload"); the nonce
 * of chunk i is i as 11 big-endian bytes, then 1 for the final chunk and 0 before it. The final chunk is
 * where the file ends, may be full, and is empty only when the whole plaintext is.
 */
final class PayloadStream {
    static final int NONCE_LENGTH = 16;
    private static final int CHUNK = 64 * 1024;
    private static final int TAG = 16;
    private static final int SEALED_CHUNK = CHUNK + TAG;

    private PayloadStream() {
    }

    /** The payload's nonce is missing or short: age counts that as a header failure. */
    static final class MissingNonceException extends Exception {
        private static final long serialVersionUID = 1L;

        MissingNonceException(String message) {
            super(message);
        }
    }

    /** A chunk is missing, short, changed or misplaced. */
    static final class PayloadException extends Exception {
        private static final long serialVersionUID = 1L;

        PayloadException(String message) {
            super(message);
        }
    }

    /**
     * The plaintext of the payload starting at {@code offset} of {@code file}: returned only when every chunk
     * authenticated; on a failure whatever was decrypted is wiped first.
     */
    static byte[] decrypt(byte[] file, int offset, byte[] fileKey) throws MissingNonceException, PayloadException {
        if (file.length - offset < NONCE_LENGTH) {
            throw new MissingNonceException("the payload nonce is " + (file.length - offset) + " bytes, expected 16");
        }
        int start = offset + NONCE_LENGTH;
        int sealed = file.length - start;
        if (sealed == 0) {
            throw new PayloadException("the payload has no chunk");
        }
        int chunks = (sealed + SEALED_CHUNK - 1) / SEALED_CHUNK;
        int last = sealed - (chunks - 1) * SEALED_CHUNK;
        if (last < TAG) {
            throw new PayloadException("the final chunk is " + last + " bytes, shorter than its tag");
        }
        if (last == TAG && chunks > 1) {
            throw new PayloadException("the final chunk is empty, but the plaintext is not");
        }
        byte[] derived = HmacSha256.hkdf(fileKey, Arrays.copyOfRange(file, offset, start), "payload", 32);
        KeyParameter key = new KeyParameter(derived);
        Arrays.fill(derived, (byte) 0);
        byte[] plain = new byte[sealed - chunks * TAG];
        int chunk = 0;
        try {
            ChaCha20Poly1305 cipher = new ChaCha20Poly1305();
            byte[] nonce = new byte[12];
            for (; chunk < chunks; chunk++) {
                boolean isLast = chunk == chunks - 1;
                setCounter(nonce, chunk);
                nonce[11] = (byte) (isLast ? 1 : 0);
                cipher.init(false, new AEADParameters(key, TAG * 8, nonce));
                int out = cipher.processBytes(file, start + chunk * SEALED_CHUNK, isLast ? last : SEALED_CHUNK,
                        plain, chunk * CHUNK);
                cipher.doFinal(plain, chunk * CHUNK + out);
            }
            return plain;
        } catch (InvalidCipherTextException e) {
            Arrays.fill(plain, (byte) 0);
            throw new PayloadException("payload chunk " + (chunk + 1) + " of " + chunks + " failed authentication");
        } catch (RuntimeException e) {
            Arrays.fill(plain, (byte) 0);
            throw e;
        } finally {
            Arrays.fill(key.getKey(), (byte) 0); // KeyParameter hands out its own array
        }
    }

    private static void setCounter(byte[] nonce, long counter) {
        for (int i = 10; i >= 0; i--) {
            nonce[i] = (byte) counter;
            counter >>>= 8;
        }
    }
}
