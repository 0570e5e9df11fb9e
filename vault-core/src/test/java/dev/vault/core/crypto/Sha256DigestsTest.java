package dev.vault.core.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The digest {@link Sha256Digests} restores must be the library's new digest, and HKDF and HMAC made with it
 * must give the RFCs' answers (the audit log's Sha256Test compares its hashes with the JDK's).
 */
class Sha256DigestsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theFreshDigestIsInTheStateTheLibraryInUseGivesANewOne() {
        assertEquals(HEX.formatHex(new SHA256Digest().getEncodedState()), HEX.formatHex(Sha256Digests.fresh().getEncodedState()));
    }

    @Test
    void eachFreshDigestStartsOver() {
        SHA256Digest first = Sha256Digests.fresh();
        first.update((byte) 'a');
        SHA256Digest second = Sha256Digests.fresh();
        byte[] out = new byte[32];
        second.update("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
        second.doFinal(out, 0);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", HEX.formatHex(out));
    }

    /** RFC 4231 test case 2. */
    @Test
    void hmacGivesTheRfc4231Example() {
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HEX.formatHex(HmacSha256.mac("Jefe".getBytes(StandardCharsets.US_ASCII), data, 0, data.length)));
    }

    /** RFC 5869 test case 3 (no salt, no info): HmacSha256.hkdf takes its info as ASCII text. */
    @Test
    void hkdfGivesTheRfc5869Example() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                HEX.formatHex(HmacSha256.hkdf(ikm, new byte[0], "", 42)));
    }
}
