package dev.vault.core.audit;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An append hashes with Bouncy Castle's lightweight SHA-256 and {@code audit verify} with the JDK's: both must
 * give the same bytes, every time, for every input, or a verify would call a good log damaged.
 */
class Sha256Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void bothGiveTheFips180Examples() {
        for (Sha256 digest : new Sha256[] {Sha256.forOneEntry(), Sha256.forWholeLogs()}) {
            assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hash(digest, ""));
            assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash(digest, "abc"));
            assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                    hash(digest, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
        }
    }

    /** Every length up to three blocks (each padding case), then long inputs, each given whole and byte by byte. */
    @TestFactory
    Stream<DynamicTest> bothAgreeWithMessageDigestOnTheSameBytes() {
        SplittableRandom random = new SplittableRandom(20261121L);
        return IntStream.concat(IntStream.rangeClosed(0, 192), IntStream.of(1000, 4095, 4096, 65_536, 1 << 20))
                .mapToObj(length -> DynamicTest.dynamicTest(length + " bytes", () -> {
                    byte[] bytes = new byte[length + 7];
                    random.nextBytes(bytes);
                    MessageDigest jdk = MessageDigest.getInstance("SHA-256");
                    jdk.update(bytes, 3, length);
                    byte[] expected = jdk.digest();
                    Sha256 light = Sha256.forOneEntry();
                    Sha256 jca = Sha256.forWholeLogs();
                    for (int round = 0; round < 2; round++) {      // the second round: finish started over
                        assertArrayEquals(expected, whole(light, bytes, 3, length), "lightweight");
                        assertArrayEquals(expected, whole(jca, bytes, 3, length), "jca");
                        assertArrayEquals(expected, byteByByte(light, bytes, 3, length), "lightweight, byte by byte");
                        assertArrayEquals(expected, byteByByte(jca, bytes, 3, length), "jca, byte by byte");
                    }
                }));
    }

    @Test
    void entryParsersWithEitherDigestComputeTheSameHashForEachLine() throws Exception {
        EntryParser light = new EntryParser();
        EntryParser jca = new EntryParser(Sha256.forWholeLogs());
        String prev = AuditEntry.GENESIS;
        for (int seq = 1; seq <= 50; seq++) {
            AuditEntry written = new AuditEntry();
            byte[] line = EntryWriter.line(seq, EntryFormatTest.TIME, EntryFormatTest.ACTOR, null,
                    AuditEvent.ok("get", "db/password", seq, null, "x".repeat(seq * 7) + " é 😀"), prev, written);
            AuditEntry byLight = light.parse(line, 0, line.length - 1);
            assertEquals(written.hash(), light.computedHash());
            jca.parse(line, 0, line.length - 1);
            assertEquals(written.hash(), jca.computedHash());
            jca.check(line, 0, line.length - 1);
            assertEquals(true, jca.hashMatches());
            assertEquals(written.hash(), byLight.hash());
            prev = written.hash();
        }
    }

    private static String hash(Sha256 digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return HEX.formatHex(whole(digest, bytes, 0, bytes.length));
    }

    private static byte[] whole(Sha256 digest, byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
        byte[] out = new byte[Sha256.LENGTH];
        digest.finish(out);
        return out;
    }

    private static byte[] byteByByte(Sha256 digest, byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            digest.update(bytes[i]);
        }
        byte[] out = new byte[Sha256.LENGTH];
        digest.finish(out);
        return out;
    }
}
