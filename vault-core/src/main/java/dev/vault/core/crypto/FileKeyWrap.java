package dev.vault.core.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.util.Arrays;

/**
 * ChaCha20-Poly1305 with the all-zero nonce, as age wraps a file key in a stanza body. Bouncy Castle's
 * lightweight cipher: the classes that use it load Bouncy Castle anyway, and JCA start-up is not paid.
 */
final class FileKeyWrap {
    private static final int TAG_BITS = 128;

    private FileKeyWrap() {
    }

    static byte[] seal(byte[] wrapKey, byte[] fileKey) {
        try {
            return run(true, wrapKey, fileKey);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("encryption cannot fail authentication", e);
        }
    }

    static byte[] open(byte[] wrapKey, byte[] body) throws InvalidCipherTextException {
        return run(false, wrapKey, body);
    }

    private static byte[] run(boolean encrypt, byte[] wrapKey, byte[] input) throws InvalidCipherTextException {
        ChaCha20Poly1305 cipher = new ChaCha20Poly1305();
        cipher.init(encrypt, new AEADParameters(new KeyParameter(wrapKey), TAG_BITS, new byte[12]));
        byte[] output = new byte[cipher.getOutputSize(input.length)];
        int length = cipher.processBytes(input, 0, input.length, output, 0);
        try {
            length += cipher.doFinal(output, length);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(output, (byte) 0);
            throw e;
        }
        return length == output.length ? output : Arrays.copyOf(output, length);
    }
}
