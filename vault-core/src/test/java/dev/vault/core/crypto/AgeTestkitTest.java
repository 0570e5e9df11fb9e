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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs every age community test vector (C2SP CCTV, copied into test resources) through the project's
 * decrypt path. Passphrase (scrypt) and post-quantum (hybrid) vectors are reported as skipped until
 * those key kinds are supported.
 */
class AgeTestkitTest {
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
        assumeTrue(KNOWN_KEYS.containsAll(vector.header.keySet()), "unknown header keys: skipped as the README says");
        assumeTrue(!vector.header.containsKey("passphrase"), "scrypt (passphrase) recipients are not supported yet");
        assumeTrue(vector.identities.stream().noneMatch(i -> i.startsWith("AGE-SECRET-KEY-PQ-1")),
                "post-quantum (mlkem768x25519) identities are not supported yet");

        Identity identity = vector.identities.isEmpty()
                ? unrelatedIdentity()
                : Identity.parse(String.join("\n", vector.identities).toCharArray(), file.getFileName().toString());
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
                // Jagged reports a malformed X25519 stanza as unmatched; both refuse the file.
                assertTrue(failure.failure() == DecryptException.Failure.HEADER
                                || failure.failure() == DecryptException.Failure.NO_MATCH,
                        "expected a header failure, got " + failure.failure() + ": " + failure.getCause());
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
