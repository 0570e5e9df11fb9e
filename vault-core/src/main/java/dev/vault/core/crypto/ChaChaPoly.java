package dev.vault.core.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Pack;

import java.util.Arrays;

/**
 * The ChaCha20-Poly1305 AEAD of RFC 8439 section 2.8 (a 32-byte key, a 12-byte nonce, a 16-byte tag), put
 * together from Bouncy Castle's primitives: {@link ChaChaEngine#chachaCore} for the ChaCha20 block function
 * (it adds the input words back, as section 2.3 does) and {@link Poly1305} for the tag. Only the composition
 * is ours. Bouncy Castle's own {@code ChaCha20Poly1305} starts in {@code Salsa20Engine.init}, which asks
 * {@code CryptoServicesRegistrar} to check constraints; that class's first use sets up a java.util.logging
 * Logger (a service loader over the class path, which opens vault-bc.jar) and DSA and DH parameters: about
 * 12 ms of an 80 ms X25519 {@code vault get} (JDK 25 with an AOT cache). Tests check this class against the
 * RFC's examples and against Bouncy Castle's {@code ChaCha20Poly1305}.
 *
 * <p>One instance holds one key until {@link #close()} wipes it. {@code open} checks the tag before it
 * decrypts, so a ciphertext that fails writes nothing.
 */
final class ChaChaPoly implements AutoCloseable {
    static final int KEY_LENGTH = 32;
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    private static final int BLOCK = 64;
    private static final int ROUNDS = 20;
    private static final byte[] NO_DATA = new byte[0];
    private static final byte[] PADDING = new byte[16];

    /** The ChaCha20 state of section 2.3: constants, key, block counter, nonce. */
    private final int[] state = new int[16];
    private final int[] words = new int[16];
    private final byte[] keyStream = new byte[BLOCK];
    private final byte[] lengths = new byte[16];
    private final byte[] expected = new byte[TAG_LENGTH];
    private final Poly1305 poly1305 = new Poly1305();

    /** A cipher under {@code key} (copied; the caller wipes its own). */
    ChaChaPoly(byte[] key) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("a ChaCha20-Poly1305 key is 32 bytes, found " + key.length);
        }
        state[0] = 0x61707865; // "expand 32-byte k", little-endian
        state[1] = 0x3320646e;
        state[2] = 0x79622d32;
        state[3] = 0x6b206574;
        Pack.littleEndianToInt(key, 0, state, 4, 8);
    }

    /**
     * Encrypts {@code length} bytes of {@code in} from {@code inOffset} to {@code out} at {@code outOffset},
     * followed by the tag: {@code length + 16} bytes. {@code out} may be {@code in} at the same offset.
     */
    void seal(byte[] nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        seal(nonce, NO_DATA, in, inOffset, length, out, outOffset);
    }

    /** {@link #seal(byte[], byte[], int, int, byte[], int)} with additional authenticated data. */
    void seal(byte[] nonce, byte[] aad, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        setNonce(nonce);
        try {
            xorKeyStream(in, inOffset, length, out, outOffset);
            tag(aad, out, outOffset, length, out, outOffset + length);
        } finally {
            wipeBlock();
        }
    }

    /**
     * Decrypts {@code length} bytes of {@code in} from {@code inOffset} (the ciphertext, then its 16-byte
     * tag) to {@code out} at {@code outOffset}: {@code length - 16} bytes, written only when the tag matches.
     * {@code out} may be {@code in} at the same offset.
     */
    void open(byte[] nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset)
            throws InvalidCipherTextException {
        open(nonce, NO_DATA, in, inOffset, length, out, outOffset);
    }

    /** {@link #open(byte[], byte[], int, int, byte[], int)} with additional authenticated data. */
    void open(byte[] nonce, byte[] aad, byte[] in, int inOffset, int length, byte[] out, int outOffset)
            throws InvalidCipherTextException {
        if (length < TAG_LENGTH) {
            throw new InvalidCipherTextException("the ciphertext is " + length + " bytes, shorter than its tag");
        }
        int textLength = length - TAG_LENGTH;
        setNonce(nonce);
        try {
            tag(aad, in, inOffset, textLength, expected, 0);
            if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(TAG_LENGTH, expected, 0, in, inOffset + textLength)) {
                throw new InvalidCipherTextException("the ChaCha20-Poly1305 tag does not match");
            }
            xorKeyStream(in, inOffset, textLength, out, outOffset);
        } finally {
            Arrays.fill(expected, (byte) 0);
            wipeBlock();
        }
    }

    /** Wipes the key: from the state, and from Poly1305, by keying it with zeros. */
    @Override
    public void close() {
        Arrays.fill(state, 0);
        wipeBlock();
        poly1305.init(new KeyParameter(new byte[KEY_LENGTH]));
    }

    private void setNonce(byte[] nonce) {
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("a ChaCha20-Poly1305 nonce is 12 bytes, found " + nonce.length);
        }
        Pack.littleEndianToInt(nonce, 0, state, 13, 3);
    }

    /** Section 2.6: the Poly1305 key is the first 32 bytes of block 0; section 2.8: what the tag covers. */
    private void tag(byte[] aad, byte[] text, int offset, int length, byte[] out, int outOffset) {
        block(0);
        KeyParameter oneTimeKey = new KeyParameter(keyStream, 0, KEY_LENGTH);
        try {
            poly1305.init(oneTimeKey);
        } finally {
            Arrays.fill(oneTimeKey.getKey(), (byte) 0); // KeyParameter hands out its own copy
        }
        poly1305.update(aad, 0, aad.length);
        poly1305.update(PADDING, 0, padding(aad.length));
        poly1305.update(text, offset, length);
        poly1305.update(PADDING, 0, padding(length));
        Pack.longToLittleEndian(aad.length, lengths, 0);
        Pack.longToLittleEndian(length, lengths, 8);
        poly1305.update(lengths, 0, lengths.length);
        poly1305.doFinal(out, outOffset);
    }

    private static int padding(int length) {
        return -length & 15;
    }

    /** Section 2.4: the text XOR the key stream of blocks 1, 2, ... (an int length stays far below 2^32 blocks). */
    private void xorKeyStream(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        int counter = 1;
        for (int done = 0; done < length; done += BLOCK) {
            block(counter++);
            int n = Math.min(BLOCK, length - done);
            for (int i = 0; i < n; i++) {
                out[outOffset + done + i] = (byte) (in[inOffset + done + i] ^ keyStream[i]);
            }
        }
    }

    /** Section 2.3: the block function for {@code counter}, serialized little-endian into the key stream. */
    private void block(int counter) {
        state[12] = counter;
        ChaChaEngine.chachaCore(ROUNDS, state, words);
        Pack.intToLittleEndian(words, keyStream, 0);
    }

    private void wipeBlock() {
        Arrays.fill(words, 0);
        Arrays.fill(keyStream, (byte) 0);
    }
}
