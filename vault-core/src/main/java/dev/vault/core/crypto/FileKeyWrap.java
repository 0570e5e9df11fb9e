package dev.vault.core.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * ChaCha20-Poly1305 with the all-zero nonce, as age wraps a file key in a stanza body. Through {@link ChaChaPoly}
 * (Bouncy Castle's ChaCha20 and Poly1305, without the CryptoServicesRegistrar its ChaCha20Poly1305 starts):
 * neither JCA's start-up nor that registrar's is paid.
 */
final class FileKeyWrap {
    private static final byte[] ZERO_NONCE = new byte[ChaChaPoly.NONCE_LENGTH];

    private FileKeyWrap() {
    }

    static byte[] seal(byte[] wrapKey, byte[] fileKey) {
        byte[] body = new byte[fileKey.length + ChaChaPoly.TAG_LENGTH];
        try (ChaChaPoly cipher = new ChaChaPoly(wrapKey)) {
            cipher.seal(ZERO_NONCE, fileKey, 0, fileKey.length, body, 0);
        }
        return body;
    }

    /** The file key in {@code body}; on a tag that does not match, nothing is decrypted. */
    static byte[] open(byte[] wrapKey, byte[] body) throws InvalidCipherTextException {
        if (body.length < ChaChaPoly.TAG_LENGTH) {
            throw new InvalidCipherTextException("the wrapped key is " + body.length + " bytes, shorter than its tag");
        }
        byte[] fileKey = new byte[body.length - ChaChaPoly.TAG_LENGTH];
        try (ChaChaPoly cipher = new ChaChaPoly(wrapKey)) {
            cipher.open(ZERO_NONCE, body, 0, body.length, fileKey, 0);
        }
        return fileKey;
    }
}
