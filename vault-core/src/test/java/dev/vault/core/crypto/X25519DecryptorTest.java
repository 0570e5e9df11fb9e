package dev.vault.core.crypto;

import dev.vault.core.SecretBytes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decrypt path without Jagged ({@link X25519Decryptor}) against Jagged's, on files Jagged writes: the same
 * plaintext at every chunk boundary, and the same kind of failure for every truncation at a chunk edge and
 * every changed byte of the header. The age testkit vectors run through both paths in {@link AgeTestkitTest}.
 */
class X25519DecryptorTest {
    private static final int CHUNK = 64 * 1024;
    private static final int SEALED_CHUNK = CHUNK + 16;
    private static Identity alice;
    private static String aliceRecipient;
    private static String bobRecipient;

    @BeforeAll
    static void keys() throws Exception {
        NewIdentity generated = NewIdentity.generate(Instant.EPOCH);
        alice = Identity.parse(new String(generated.fileContent().reveal(), StandardCharsets.US_ASCII).toCharArray(),
                "alice");
        aliceRecipient = generated.recipient();
        bobRecipient = NewIdentity.generate(Instant.EPOCH).recipient();
    }

    @TestFactory
    Stream<DynamicTest> everyChunkBoundaryDecryptsAlikeOnBothPaths() {
        return Stream.of(0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK).map(size -> DynamicTest.dynamicTest(
                size + " bytes", () -> {
                    byte[] plaintext = plaintext(size);
                    byte[] file = AgeCodec.encrypt(plaintext, List.of(aliceRecipient));
                    int chunks = Math.max(1, (size + CHUNK - 1) / CHUNK);
                    assertEquals(payloadOffset(file) + 16 + size + 16 * chunks, file.length, "the file's layout");
                    try (SecretBytes lean = X25519Decryptor.decrypt(file, alice.x25519Keys());
                         SecretBytes jagged = AgeCodec.decryptWithJagged(file, alice, false)) {
                        assertArrayEquals(plaintext, lean.reveal());
                        assertArrayEquals(plaintext, jagged.reveal());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> truncationAtEveryChunkEdgeFailsAlikeOnBothPaths() throws Exception {
        byte[] file = AgeCodec.encrypt(plaintext(2 * CHUNK + 1), List.of(aliceRecipient));
        int payload = payloadOffset(file);
        int chunks = payload + 16;
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(truncation(file, payload - 1, DecryptException.Failure.HEADER));
        tests.add(truncation(file, payload, DecryptException.Failure.HEADER));
        tests.add(truncation(file, payload + 15, DecryptException.Failure.HEADER));
        tests.add(truncation(file, chunks, DecryptException.Failure.PAYLOAD));
        for (int edge : new int[] {chunks + SEALED_CHUNK, chunks + 2 * SEALED_CHUNK}) {
            for (int length : new int[] {edge - 17, edge - 16, edge - 1, edge, edge + 1, edge + 15, edge + 16}) {
                tests.add(truncation(file, length, DecryptException.Failure.PAYLOAD));
            }
        }
        tests.add(truncation(file, file.length - 1, DecryptException.Failure.PAYLOAD));
        return tests.stream();
    }

    private static DynamicTest truncation(byte[] file, int length, DecryptException.Failure expected) {
        return DynamicTest.dynamicTest("cut to " + length + " of " + file.length + " bytes",
                () -> assertBothFail(Arrays.copyOf(file, length), expected));
    }

    /**
     * Each byte of a two-stanza header and of the nonce, changed three ways: never a plaintext, and the same
     * kind of failure on both paths, but for one laxness of Jagged's header reader: it takes a stanza type
     * holding a byte that is not visible ASCII, which the age grammar refuses (a header failure).
     */
    @Test
    void everyChangedByteOfTheHeaderFailsAlikeOnBothPaths() throws Exception {
        byte[] file = AgeCodec.encrypt(plaintext(100), List.of(aliceRecipient, bobRecipient));
        int payload = payloadOffset(file);
        String header = new String(file, 0, payload, StandardCharsets.ISO_8859_1);
        int checked = 0;
        for (int i = 0; i < payload + 16; i++) {
            for (int bit : new int[] {0x01, 0x20, 0x80}) {
                byte[] changed = file.clone();
                changed[i] ^= bit;
                Outcome lean = Outcome.of(() -> X25519Decryptor.decrypt(changed, alice.x25519Keys()));
                Outcome jagged = Outcome.of(() -> AgeCodec.decryptWithJagged(changed, alice, false));
                String where = "byte " + i + " ^ " + bit;
                assertNotNull(lean.failure, where + ": the plaintext was released");
                assertNotNull(jagged.failure, where + ": Jagged released the plaintext");
                boolean invisibleInType = inStanzaType(header, i) && ((changed[i] & 0xff) < 0x21 || (changed[i] & 0xff) > 0x7e);
                if (invisibleInType) {
                    assertEquals(DecryptException.Failure.HEADER, lean.failure, where);
                } else {
                    assertEquals(jagged.failure, lean.failure, where);
                    checked++;
                }
            }
        }
        assertTrue(checked > 3 * payload, "most changes compared: " + checked);
    }

    /** Whether {@code index} falls in the type of a stanza line, or the space after it. */
    private static boolean inStanzaType(String header, int index) {
        int line = header.lastIndexOf('\n', index - 1) + 1;
        return header.startsWith("-> ", line) && index >= line + 3
                && index <= header.indexOf(' ', line + 3);
    }

    @Test
    void aChangedMacPayloadOrTagFailsAsAges() throws Exception {
        byte[] file = AgeCodec.encrypt(plaintext(CHUNK + 10), List.of(aliceRecipient));
        int payload = payloadOffset(file);
        assertBothFail(flip(file, payload - 44), DecryptException.Failure.HMAC);  // first MAC character
        assertBothFail(flip(file, payload + 3), DecryptException.Failure.PAYLOAD);  // the nonce
        assertBothFail(flip(file, payload + 16 + 5), DecryptException.Failure.PAYLOAD);  // the first chunk
        assertBothFail(flip(file, payload + 16 + SEALED_CHUNK + 1), DecryptException.Failure.PAYLOAD);  // the second
        assertBothFail(flip(file, file.length - 1), DecryptException.Failure.PAYLOAD);  // the last tag
        byte[] longer = Arrays.copyOf(file, file.length + 1);
        assertBothFail(longer, DecryptException.Failure.PAYLOAD);  // trailing data
    }

    @Test
    void nonCanonicalBase64IsAHeaderFailure() throws Exception {
        String file = new String(AgeCodec.encrypt(plaintext(10), List.of(aliceRecipient)), StandardCharsets.ISO_8859_1);
        String[] lines = file.substring(0, payloadOffset(file.getBytes(StandardCharsets.ISO_8859_1))).split("\n");
        String share = lines[1].substring("-> X25519 ".length());
        String body = lines[2];
        String mac = lines[3].substring("--- ".length());
        for (String[] change : List.of(
                new String[] {share, nonCanonical(share)},
                new String[] {body, nonCanonical(body)},
                new String[] {mac, nonCanonical(mac)},
                new String[] {share, share + "="},
                new String[] {body, body + "="})) {
            byte[] changed = file.replace(change[0], change[1]).getBytes(StandardCharsets.ISO_8859_1);
            Outcome lean = Outcome.of(() -> X25519Decryptor.decrypt(changed, alice.x25519Keys()));
            assertEquals(DecryptException.Failure.HEADER, lean.failure, change[1] + ": " + lean);
            assertEquals(DecryptException.Failure.HEADER, Outcome.of(
                    () -> AgeCodec.decryptWithJagged(changed, alice, false)).failure, change[1]);
        }
    }

    /** The same value with the last character's unused low bits set: decodes to the same bytes, but is not canonical. */
    private static String nonCanonical(String encoded) {
        int unusedBits = encoded.length() % 4 == 2 ? 4 : 2;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int last = alphabet.indexOf(encoded.charAt(encoded.length() - 1));
        assertEquals(0, last & ((1 << unusedBits) - 1), "a canonical encoding to start from");
        return encoded.substring(0, encoded.length() - 1) + alphabet.charAt(last | 1);
    }

    @Test
    void aHeaderWithoutStanzasIsAHeaderFailure() throws Exception {
        String file = new String(AgeCodec.encrypt(plaintext(10), List.of(aliceRecipient)), StandardCharsets.ISO_8859_1);
        int mac = file.indexOf("--- ");
        byte[] changed = ("age-encryption.org/v1\n" + file.substring(mac)).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(DecryptException.Failure.HEADER,
                Outcome.of(() -> X25519Decryptor.decrypt(changed, alice.x25519Keys())).failure);
    }

    @Test
    void aHeaderWithAnScryptStanzaGoesToJaggedsPathWhereItsRulesLive() throws Exception {
        // an scrypt stanza beside an X25519 one: the X25519 path leaves it to HeaderRules, which refuses it
        String x25519 = new String(AgeCodec.encrypt(plaintext(10), List.of(aliceRecipient)), StandardCharsets.ISO_8859_1);
        byte[] mixed = x25519.replaceFirst("\n-> X25519 ", "\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 2\nAAAA\n-> X25519 ")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertNull(X25519Decryptor.decrypt(mixed, alice.x25519Keys()));
        DecryptException e = assertThrows(DecryptException.class, () -> AgeCodec.decrypt(mixed, alice, false));
        assertEquals(DecryptException.Failure.HEADER, e.failure());
        assertEquals("an scrypt stanza must be the only stanza in the header", e.getCause().getMessage());
    }

    @Test
    void anIdentityWithAPostQuantumKeyOrAPassphraseIsNotReadByTheX25519Path() throws Exception {
        NewIdentity pq = NewIdentity.generatePostQuantum(Instant.EPOCH);
        String both = new String(NewIdentity.generate(Instant.EPOCH).fileContent().reveal(), StandardCharsets.US_ASCII)
                + new String(pq.fileContent().reveal(), StandardCharsets.US_ASCII);
        assertEquals(List.of(), Identity.parse(both.toCharArray(), "both").x25519Keys());
        assertEquals(List.of(), alice.withPassphrases(List.of("p".toCharArray()), 2).x25519Keys());
        assertEquals(1, alice.x25519Keys().size());
    }

    @Test
    void theFingerprintSeedIsHmacSha256AsJcaComputesIt() throws Exception {
        NewIdentity generated = NewIdentity.generate(Instant.EPOCH);
        String text = new String(generated.fileContent().reveal(), StandardCharsets.US_ASCII);
        String line = text.lines().filter(l -> l.startsWith("AGE-SECRET-KEY-1")).findFirst().orElseThrow();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(line.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        byte[] expected = mac.doFinal("vault fingerprint seed v1".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(expected, Identity.parse(text.toCharArray(), "generated").fingerprintSeed());
    }

    @Test
    void theRecipientOfTheSpecsExampleIdentityIsTheSpecsExampleRecipient() throws Exception {
        Identity identity = Identity.parse(
                "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX".toCharArray(), "spec");
        assertEquals("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj", identity.recipient());
    }

    @Test
    void anX25519IdentityInLowerCaseIsRefusedAsAgeAndJaggedRefuseIt() {
        String lower = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX".toLowerCase(Locale.ROOT);
        dev.vault.core.VaultException e = assertThrows(dev.vault.core.VaultException.class,
                () -> Identity.parse(lower.toCharArray(), "lower.txt"));
        assertEquals("identity file \"lower.txt\" line 1: the key is not usable", e.getMessage());
    }

    private static void assertBothFail(byte[] file, DecryptException.Failure expected) throws Exception {
        Outcome lean = Outcome.of(() -> X25519Decryptor.decrypt(file, alice.x25519Keys()));
        Outcome jagged = Outcome.of(() -> AgeCodec.decryptWithJagged(file, alice, false));
        assertEquals(expected, jagged.failure, "Jagged's path: " + jagged);
        assertEquals(expected, lean.failure, "the X25519 path: " + lean);
    }

    private static byte[] flip(byte[] file, int index) {
        byte[] changed = file.clone();
        changed[index] ^= 0x01;
        return changed;
    }

    private static byte[] plaintext(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** Where the payload starts: after the line feed that ends the "---" line. */
    private static int payloadOffset(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        return text.indexOf('\n', text.indexOf("\n--- ") + 1) + 1;
    }

    /** A decrypt's result: a plaintext, or the kind of failure. */
    private record Outcome(byte[] plaintext, DecryptException.Failure failure, Exception cause) {
        static Outcome of(Decrypt decrypt) throws Exception {
            try (SecretBytes plain = decrypt.run()) {
                assertNotNull(plain, "the X25519 path left the file to Jagged's");
                return new Outcome(plain.reveal().clone(), null, null);
            } catch (DecryptException e) {
                return new Outcome(null, e.failure(), (Exception) e.getCause());
            }
        }

        @Override
        public String toString() {
            return failure == null ? "a plaintext" : failure + " (" + cause + ")";
        }
    }

    private interface Decrypt {
        SecretBytes run() throws Exception;
    }
}
