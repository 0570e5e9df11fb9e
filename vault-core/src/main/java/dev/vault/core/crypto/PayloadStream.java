package dev.vault.core.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;

import java.util.Arrays;

/**
 * The payload of an age v1 file, decrypted whole: a 16-byte nonce, then STREAM chunks of 64 KiB of
 * plaintext plus a 16-byte ChaCha20-Poly1305 tag, under HKDF-SHA256(file key, nonce, "payload"); the nonce
 * of chunk i is i as 11 big-endian bytes, then 1 for the final chunk and 0 before it. The final chunk is
 * where the file ends, may be full, and is empty only when the whole plaintext is. Each chunk is opened by
 * {@link ChaChaPoly}, which keeps Bouncy Castle's CryptoServicesRegistrar (about 12 ms) off the get path.
 */
final class PayloadStream {
    static final int NONCE_LENGTH = 16;
    private static final int CHUNK = 64 * 1024;
    private static final int TAG = ChaChaPoly.TAG_LENGTH;
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
        ChaChaPoly cipher = new ChaChaPoly(derived);
        Arrays.fill(derived, (byte) 0);
        byte[] plain = new byte[sealed - chunks * TAG];
        int chunk = 0;
        try (cipher) {
            byte[] nonce = new byte[ChaChaPoly.NONCE_LENGTH];
            for (; chunk < chunks; chunk++) {
                boolean isLast = chunk == chunks - 1;
                setCounter(nonce, chunk);
                nonce[11] = (byte) (isLast ? 1 : 0);
                cipher.open(nonce, file, start + chunk * SEALED_CHUNK, isLast ? last : SEALED_CHUNK,
                        plain, chunk * CHUNK);
            }
            return plain;
        } catch (InvalidCipherTextException e) {
            Arrays.fill(plain, (byte) 0);
            throw new PayloadException("payload chunk " + (chunk + 1) + " of " + chunks + " failed authentication");
        } catch (RuntimeException e) {
            Arrays.fill(plain, (byte) 0);
            throw e;
        }
    }

    private static void setCounter(byte[] nonce, long counter) {
        for (int i = 10; i >= 0; i--) {
            nonce[i] = (byte) counter;
            counter >>>= 8;
        }
    }
}
