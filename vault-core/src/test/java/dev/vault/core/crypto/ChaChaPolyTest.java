package dev.vault.core.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Pack;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link ChaChaPoly} against RFC 8439's examples and against Bouncy Castle's own ChaCha20Poly1305, which it
 * replaces on the get path.
 */
class ChaChaPolyTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SUNSCREEN = ("Ladies and Gentlemen of the class of '99: If I could offer you only one "
            + "tip for the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);

    /**
     * Section 2.3.2: the serialized block is the state after the rounds plus the input state, so
     * {@code chachaCore} adds the input words back (section 2.3's last step) and {@link ChaChaPoly} must not.
     */
    @Test
    void chachaCoreIsTheWholeBlockFunctionOfSection232() {
        int[] state = new int[16];
        state[0] = 0x61707865;
        state[1] = 0x3320646e;
        state[2] = 0x79622d32;
        state[3] = 0x6b206574;
        Pack.littleEndianToInt(HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"), 0,
                state, 4, 8);
        state[12] = 1;
        Pack.littleEndianToInt(HEX.parseHex("000000090000004a00000000"), 0, state, 13, 3);
        int[] out = new int[16];
        ChaChaEngine.chachaCore(20, state, out);
        assertEquals("10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
                + "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e",
                HEX.formatHex(Pack.intToLittleEndian(out)));
        assertEquals(0x4a000000, state[14], "the input state is left as it was");
    }

    /** Section 2.4.2: the ciphertext is the plaintext XOR the key stream from block 1. */
    @Test
    void sealEncryptsAsSection242() {
        byte[] sealed = seal(HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"),
                HEX.parseHex("000000000000004a00000000"), new byte[0], SUNSCREEN);
        assertEquals("6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
                + "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
                + "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
                + "5af90bbf74a35be6b40b8eedf2785e42874d",
                HEX.formatHex(Arrays.copyOf(sealed, SUNSCREEN.length)));
    }

    /** Section 2.5.2: Bouncy Castle's Poly1305, keyed with r then s and no cipher, is the one-time MAC. */
    @Test
    void poly1305KeyedWithoutACipherIsSection252() {
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(HEX.parseHex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b")));
        byte[] message = "Cryptographic Forum Research Group".getBytes(StandardCharsets.US_ASCII);
        mac.update(message, 0, message.length);
        byte[] tag = new byte[16];
        mac.doFinal(tag, 0);
        assertEquals("a8061dc1305136c6c22b8baf0c0127a9", HEX.formatHex(tag));
    }

    /** Section 2.8.2, which has additional data (age has none, so this is what tests that path). */
    @Test
    void sealAndOpenGiveSection282() throws Exception {
        byte[] key = HEX.parseHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        byte[] nonce = HEX.parseHex("070000004041424344454647");
        byte[] aad = HEX.parseHex("50515253c0c1c2c3c4c5c6c7");
        byte[] sealed = seal(key, nonce, aad, SUNSCREEN);
        assertEquals("d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
                + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
                + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
                + "3ff4def08e4b7a9de576d26586cec64b6116"
                + "1ae10b594f09e26a7e902ecbd0600691", HEX.formatHex(sealed));
        assertArrayEquals(SUNSCREEN, open(key, nonce, aad, sealed));

        byte[] otherAad = aad.clone();
        otherAad[0] ^= 1;
        assertRefused(key, nonce, otherAad, sealed);
        assertRefused(key, nonce, new byte[0], sealed);
    }

    /**
     * Every length to 300, each side of the first 64-byte block boundaries, a whole age chunk (64 KiB) and
     * more: random keys and nonces, sealed by one and opened by the other both ways, no additional data (as age
     * uses it) and, for every third length, some; then one flipped byte anywhere is refused.
     */
    @TestFactory
    Stream<DynamicTest> agreesWithBouncyCastlesChaCha20Poly1305() {
        SplittableRandom random = new SplittableRandom(8439L);
        IntStream boundaries = IntStream.rangeClosed(1, 20).flatMap(k -> IntStream.of(64 * k - 1, 64 * k, 64 * k + 1));
        IntStream lengths = IntStream.concat(IntStream.rangeClosed(0, 300),
                IntStream.concat(boundaries, IntStream.of(1000, 4096, 65_535, 65_536, 65_537, 65_536 + 64, 200_000)));
        return lengths.distinct().mapToObj(length -> DynamicTest.dynamicTest(length + " bytes", () -> {
            byte[] key = bytes(random, 32);
            byte[] nonce = bytes(random, 12);
            byte[] aad = length % 3 == 0 ? bytes(random, random.nextInt(40)) : new byte[0];
            byte[] plain = bytes(random, length);

            byte[] ours = seal(key, nonce, aad, plain);
            byte[] theirs = bouncyCastle(true, key, nonce, aad, plain);
            assertEquals(HEX.formatHex(theirs), HEX.formatHex(ours));
            assertArrayEquals(plain, open(key, nonce, aad, theirs));
            assertArrayEquals(plain, bouncyCastle(false, key, nonce, aad, ours));

            int[] positions = {0, ours.length - 1, random.nextInt(ours.length), random.nextInt(ours.length)};
            for (int position : positions) {
                byte[] flipped = ours.clone();
                flipped[position] ^= (byte) (1 << random.nextInt(8));
                assertRefused(key, nonce, aad, flipped);
            }
            byte[] otherKey = key.clone();
            otherKey[random.nextInt(32)] ^= 1;
            assertRefused(otherKey, nonce, aad, ours);
            byte[] otherNonce = nonce.clone();
            otherNonce[random.nextInt(12)] ^= 1;
            assertRefused(key, otherNonce, aad, ours);
        }));
    }

    @Test
    void worksInPlaceAndAtOffsetsAndOneInstanceSealsAndOpensManyTimes() throws Exception {
        SplittableRandom random = new SplittableRandom(7539L);
        byte[] key = bytes(random, 32);
        byte[] plain = bytes(random, 150);
        try (ChaChaPoly cipher = new ChaChaPoly(key)) {
            for (int round = 0; round < 3; round++) {
                byte[] nonce = bytes(random, 12);
                byte[] expected = bouncyCastle(true, key, nonce, new byte[0], plain);

                byte[] buffer = new byte[5 + plain.length + 16 + 3];
                System.arraycopy(plain, 0, buffer, 5, plain.length);
                cipher.seal(nonce, buffer, 5, plain.length, buffer, 5);
                assertArrayEquals(expected, Arrays.copyOfRange(buffer, 5, 5 + expected.length), "sealed in place");
                cipher.open(nonce, buffer, 5, expected.length, buffer, 5);
                assertArrayEquals(plain, Arrays.copyOfRange(buffer, 5, 5 + plain.length), "opened in place");

                byte[] out = new byte[7 + plain.length];
                byte[] in = new byte[2 + expected.length];
                System.arraycopy(expected, 0, in, 2, expected.length);
                cipher.open(nonce, in, 2, expected.length, out, 7);
                assertArrayEquals(plain, Arrays.copyOfRange(out, 7, out.length), "opened between offsets");
            }
        }
    }

    @Test
    void aRefusedOpenWritesNothing() {
        SplittableRandom random = new SplittableRandom(1L);
        byte[] key = bytes(random, 32);
        byte[] nonce = bytes(random, 12);
        byte[] sealed = seal(key, nonce, new byte[0], bytes(random, 100));
        sealed[40] ^= 4;
        byte[] out = new byte[100];
        Arrays.fill(out, (byte) 0x5a);
        try (ChaChaPoly cipher = new ChaChaPoly(key)) {
            assertThrows(InvalidCipherTextException.class, () -> cipher.open(nonce, sealed, 0, sealed.length, out, 0));
        }
        byte[] untouched = new byte[100];
        Arrays.fill(untouched, (byte) 0x5a);
        assertArrayEquals(untouched, out);
    }

    @Test
    void aCiphertextShorterThanItsTagIsRefused() {
        try (ChaChaPoly cipher = new ChaChaPoly(new byte[32])) {
            InvalidCipherTextException e = assertThrows(InvalidCipherTextException.class,
                    () -> cipher.open(new byte[12], new byte[15], 0, 15, new byte[0], 0));
            assertEquals("the ciphertext is 15 bytes, shorter than its tag", e.getMessage());
        }
    }

    @Test
    void keysAndNoncesOfTheWrongLengthAreRefused() {
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class, () -> new ChaChaPoly(new byte[16]));
        assertEquals("a ChaCha20-Poly1305 key is 32 bytes, found 16", key.getMessage());
        try (ChaChaPoly cipher = new ChaChaPoly(new byte[32])) {
            IllegalArgumentException nonce = assertThrows(IllegalArgumentException.class,
                    () -> cipher.seal(new byte[8], new byte[1], 0, 1, new byte[17], 0));
            assertEquals("a ChaCha20-Poly1305 nonce is 12 bytes, found 8", nonce.getMessage());
        }
    }

    /** FileKeyWrap, as age wraps a file key: the all-zero nonce. */
    @Test
    void fileKeyWrapIsChaCha20Poly1305WithTheZeroNonce() throws Exception {
        SplittableRandom random = new SplittableRandom(16L);
        byte[] wrapKey = bytes(random, 32);
        byte[] fileKey = bytes(random, 16);
        byte[] body = FileKeyWrap.seal(wrapKey, fileKey);
        assertArrayEquals(bouncyCastle(true, wrapKey, new byte[12], new byte[0], fileKey), body);
        assertArrayEquals(fileKey, FileKeyWrap.open(wrapKey, body));
        body[31] ^= 1;
        assertThrows(InvalidCipherTextException.class, () -> FileKeyWrap.open(wrapKey, body));
        assertThrows(InvalidCipherTextException.class, () -> FileKeyWrap.open(wrapKey, new byte[15]));
    }

    private static void assertRefused(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) {
        assertThrows(InvalidCipherTextException.class, () -> open(key, nonce, aad, sealed));
    }

    private static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plain) {
        byte[] out = new byte[plain.length + 16];
        try (ChaChaPoly cipher = new ChaChaPoly(key)) {
            cipher.seal(nonce, aad, plain, 0, plain.length, out, 0);
        }
        return out;
    }

    private static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) throws InvalidCipherTextException {
        byte[] out = new byte[sealed.length - 16];
        try (ChaChaPoly cipher = new ChaChaPoly(key)) {
            cipher.open(nonce, aad, sealed, 0, sealed.length, out, 0);
        }
        return out;
    }

    private static byte[] bouncyCastle(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] input)
            throws InvalidCipherTextException {
        ChaCha20Poly1305 cipher = new ChaCha20Poly1305();
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int length = cipher.processBytes(input, 0, input.length, out, 0);
        length += cipher.doFinal(out, length);
        assertEquals(out.length, length);
        return out;
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
