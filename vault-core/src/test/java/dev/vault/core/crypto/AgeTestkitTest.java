package dev.vault.core.crypto;

import dev.vault.core.SecretBytes;
import dev.vault.core.VaultException;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.InflaterInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every age community test vector (C2SP CCTV, copied into test resources) through the project's
 * decrypt path: X25519, passphrase (scrypt) and post-quantum (mlkem768x25519) ones alike. None is skipped.
 */
class AgeTestkitTest {
    /** Vectors whose malformed stanza is an X25519 one, read by Jagged rather than by our readers. */
    private static final Set<String> JAGGED_READS_THE_BAD_STANZA = Set.of("hybrid_x25519_arg");
    private static final Set<String> KNOWN_KEYS = Set.of(
            "expect", "payload", "file key", "identity", "passphrase", "armored", "compressed", "comment");

    @TestFactory
    Stream<DynamicTest> vectors() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(testdata())) {
            files = listing.sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    @Test
    void everyVectorIsPresent() throws IOException {
        try (Stream<Path> listing = Files.list(testdata())) {
            assertEquals(143, listing.count(), "the testkit copy is incomplete");
        }
    }

    private static Path testdata() {
        try {
            return Paths.get(AgeTestkitTest.class.getResource("/age-testkit/testdata").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(Path file) throws Exception {
        Vector vector = Vector.read(file);
        assertTrue(KNOWN_KEYS.containsAll(vector.header.keySet()), "unknown header keys " + vector.header.keySet());

        List<char[]> passphrases = vector.passphrases.stream().map(String::toCharArray).toList();
        Identity identity;
        if (vector.identities.isEmpty()) {
            identity = passphrases.isEmpty() ? unrelatedIdentity()
                    : Identity.ofPassphrases(passphrases, ScryptStanzas.MAX_WORK_FACTOR, file.getFileName().toString());
        } else {
            identity = Identity.parse(String.join("\n", vector.identities).toCharArray(), file.getFileName().toString())
                    .withPassphrases(passphrases, ScryptStanzas.MAX_WORK_FACTOR);
        }
        boolean armored = "yes".equals(vector.header.get("armored"));
        String expect = vector.header.get("expect");
        assertNotNull(expect, "vector has no expect line");

        SecretBytes plaintext = null;
        DecryptException failure = null;
        try {
            plaintext = AgeCodec.decrypt(vector.body, identity, armored);
        } catch (DecryptException e) {
            failure = e;
        }

        if (expect.equals("success")) {
            if (failure != null) {
                fail("expected success, got " + failure.failure() + ": " + failure.getCause());
            }
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plaintext.reveal()));
            assertEquals(vector.header.get("payload"), sha256, "payload SHA-256");
            return;
        }
        assertTrue(plaintext == null, "expected " + expect + ", but plaintext was released");
        assertNotNull(failure);
        switch (expect) {
            case "no match":
                assertEquals(DecryptException.Failure.NO_MATCH, failure.failure());
                break;
            case "HMAC failure":
                assertEquals(DecryptException.Failure.HMAC, failure.failure());
                break;
            case "payload failure":
                assertEquals(DecryptException.Failure.PAYLOAD, failure.failure());
                break;
            case "armor failure":
                assertEquals(DecryptException.Failure.ARMOR, failure.failure());
                break;
            case "header failure":
                if (JAGGED_READS_THE_BAD_STANZA.contains(file.getFileName().toString())
                        || !file.getFileName().toString().matches("(armor_)?(scrypt|hybrid).*")) {
                    // Jagged reports a malformed X25519 stanza as unmatched; both refuse the file.
                    assertTrue(failure.failure() == DecryptException.Failure.HEADER
                                    || failure.failure() == DecryptException.Failure.NO_MATCH,
                            "expected a header failure, got " + failure.failure() + ": " + failure.getCause());
                } else {
                    // our own stanza readers tell a malformed stanza from one that is not ours
                    assertEquals(DecryptException.Failure.HEADER, failure.failure(),
                            "expected a header failure: " + failure.getCause());
                }
                break;
            default:
                fail("unknown expect value \"" + expect + "\"");
        }
    }

    private static Identity unrelatedIdentity() throws GeneralSecurityException, VaultException {
        NewIdentity generated = NewIdentity.generate(Instant.EPOCH);
        return Identity.parse(new String(generated.fileContent().reveal(), StandardCharsets.US_ASCII).toCharArray(),
                "generated");
    }

    private static final class Vector {
        final Map<String, String> header = new LinkedHashMap<>();
        final List<String> identities = new ArrayList<>();
        final List<String> passphrases = new ArrayList<>();
        byte[] body;

        static Vector read(Path file) throws IOException {
            byte[] all = Files.readAllBytes(file);
            Vector vector = new Vector();
            int position = 0;
            while (true) {
                int end = position;
                while (end < all.length && all[end] != '\n') {
                    end++;
                }
                assertFalse(end >= all.length, "vector header does not end with a blank line");
                String line = new String(all, position, end - position, StandardCharsets.UTF_8);
                position = end + 1;
                if (line.isEmpty()) {
                    break;
                }
                String[] pair = line.split(": ", 2);
                if (pair[0].equals("identity")) {
                    vector.identities.add(pair[1]);
                } else if (pair[0].equals("passphrase")) {
                    vector.passphrases.add(pair[1]);
                } else {
                    vector.header.put(pair[0], pair.length > 1 ? pair[1] : "");
                }
            }
            byte[] body = java.util.Arrays.copyOfRange(all, position, all.length);
            if ("zlib".equals(vector.header.get("compressed"))) {
                try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            vector.body = body;
            return vector;
        }
    }
}
