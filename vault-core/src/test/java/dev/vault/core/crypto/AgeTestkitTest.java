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

/**
 * Runs every age community test vector (C2SP CCTV, copied into test resources) through the project's
 * decrypt path: X25519, passphrase (scrypt) and post-quantum (mlkem768x25519) ones alike. None is skipped.
 * Each binary vector read by X25519 keys alone also runs through both decrypt paths, {@link X25519Decryptor}
 * and Jagged's format code, which must agree: the same plaintext, or the same kind of failure.
 */
class AgeTestkitTest {
    /** How many vectors are binary and read by X25519 keys alone, so run through both paths. */
    private static final int X25519_VECTORS = 67;
    private static final Set<String> KNOWN_KEYS = Set.of(
            "expect", "payload", "file key", "identity", "passphrase", "armored", "compressed", "comment");

    @TestFactory
    Stream<DynamicTest> vectors() throws IOException {
        return vectorFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Vector vector = Vector.read(file);
            Identity identity = identityOf(file, vector);
            boolean armored = "yes".equals(vector.header.get("armored"));
            expect(vector, Outcome.of(() -> AgeCodec.decrypt(vector.body, identity, armored)));
        }));
    }

    /** The X25519 vectors through each path by name, so that a failure says which path broke. */
    @TestFactory
    Stream<DynamicTest> x25519VectorsThroughBothPaths() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : vectorFiles()) {
            String name = file.getFileName().toString();
            Vector vector = Vector.read(file);
            if (!readByBothPaths(file, vector)) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(name + " [without jagged]", () -> {
                Identity identity = identityOf(file, vector);
                Outcome lean = Outcome.of(() -> X25519Decryptor.decrypt(vector.body, identity.x25519Keys()));
                assertNotNull(lean, "the X25519 path left the file to Jagged's");
                expect(vector, lean);
                Outcome jagged = Outcome.of(() -> AgeCodec.decryptWithJagged(vector.body, identity, false));
                assertEquals(jagged.sha256, lean.sha256, "plaintext SHA-256, Jagged's path then the X25519 path");
                assertEquals(jagged.failure, lean.failure, "kind of failure: " + jagged + " then " + lean);
            }));
            tests.add(DynamicTest.dynamicTest(name + " [jagged]", () -> {
                Identity identity = identityOf(file, vector);
                expect(vector, Outcome.of(() -> AgeCodec.decryptWithJagged(vector.body, identity, false)));
            }));
        }
        assertEquals(2 * X25519_VECTORS, tests.size(), "X25519 vectors run through both paths");
        return tests.stream();
    }

    @Test
    void everyVectorIsPresent() throws IOException {
        assertEquals(143, vectorFiles().size(), "the testkit copy is incomplete");
    }

    private static List<Path> vectorFiles() throws IOException {
        try (Stream<Path> listing = Files.list(testdata())) {
            return listing.sorted().toList();
        }
    }

    private static boolean readByBothPaths(Path file, Vector vector) throws Exception {
        return !"yes".equals(vector.header.get("armored")) && !identityOf(file, vector).x25519Keys().isEmpty();
    }

    private static Path testdata() {
        try {
            return Paths.get(AgeTestkitTest.class.getResource("/age-testkit/testdata").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one decrypt path made of a vector: the plaintext's SHA-256, or the kind of failure. */
    private record Outcome(String sha256, DecryptException.Failure failure, DecryptException exception) {
        static Outcome of(Decrypt decrypt) throws Exception {
            try (SecretBytes plaintext = decrypt.run()) {
                if (plaintext == null) {
                    return null;
                }
                return new Outcome(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plaintext.reveal())),
                        null, null);
            } catch (DecryptException e) {
                return new Outcome(null, e.failure(), e);
            }
        }

        @Override
        public String toString() {
            return failure == null ? "plaintext " + sha256 : failure + " (" + exception.getCause() + ")";
        }
    }

    private interface Decrypt {
        SecretBytes run() throws Exception;
    }

    private static Identity identityOf(Path file, Vector vector) throws Exception {
        List<char[]> passphrases = vector.passphrases.stream().map(String::toCharArray).toList();
        if (vector.identities.isEmpty()) {
            return passphrases.isEmpty() ? unrelatedIdentity()
                    : Identity.ofPassphrases(passphrases, ScryptStanzas.MAX_WORK_FACTOR, file.getFileName().toString());
        }
        return Identity.parse(String.join("\n", vector.identities).toCharArray(), file.getFileName().toString())
                .withPassphrases(passphrases, ScryptStanzas.MAX_WORK_FACTOR);
    }

    private static void expect(Vector vector, Outcome outcome) {
        assertTrue(KNOWN_KEYS.containsAll(vector.header.keySet()), "unknown header keys " + vector.header.keySet());
        String expect = vector.header.get("expect");
        assertNotNull(expect, "vector has no expect line");
        if (expect.equals("success")) {
            assertEquals(null, outcome.failure, "expected success, got " + outcome);
            assertEquals(vector.header.get("payload"), outcome.sha256, "payload SHA-256");
            return;
        }
        assertTrue(outcome.failure != null, "expected " + expect + ", but plaintext was released");
        Map<String, DecryptException.Failure> kinds = Map.of(
                "no match", DecryptException.Failure.NO_MATCH,
                "HMAC failure", DecryptException.Failure.HMAC,
                "payload failure", DecryptException.Failure.PAYLOAD,
                "armor failure", DecryptException.Failure.ARMOR,
                "header failure", DecryptException.Failure.HEADER);
        assertTrue(kinds.containsKey(expect), "unknown expect value \"" + expect + "\"");
        assertEquals(kinds.get(expect), outcome.failure, "expected " + expect + ", got " + outcome);
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
