package dev.vault.core.crypto;

import dev.vault.core.SecretBytes;
import dev.vault.core.VaultException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Post-quantum (mlkem768x25519) keys and passphrase-encrypted identity files, end to end in memory and on disk. */
class KeyKindsTest {
    private static final byte[] VALUE = "s3cr3t\nsecond line".getBytes(StandardCharsets.UTF_8);
    /** A low work factor so that the tests run fast; the CLI always writes NewIdentity.DEFAULT_WORK_FACTOR. */
    private static final int TEST_WORK_FACTOR = 10;

    @TempDir
    Path dir;

    @Test
    void theSpecsExampleIdentityHasTheSpecsExampleRecipient() throws Exception {
        List<String> lines;
        try (InputStream in = KeyKindsTest.class.getResourceAsStream("/keys/spec-mlkem768x25519.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        }
        Identity identity = Identity.parse(lines.get(1).toCharArray(), "spec");
        assertEquals(lines.get(2), identity.recipient());
        assertNull(AgeKeys.recipientProblem(lines.get(2)));
        assertTrue(AgeKeys.isPostQuantum(lines.get(2)));
    }

    @Test
    void aPostQuantumIdentityReadsWhatIsEncryptedToItsRecipientAndAnotherDoesNot() throws Exception {
        NewIdentity alice = NewIdentity.generatePostQuantum(Instant.EPOCH);
        NewIdentity bob = NewIdentity.generatePostQuantum(Instant.EPOCH);
        String text = new String(alice.fileContent().reveal(), StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("# created: 1970-01-01T00:00:00Z\n# public key: age1pq1"), text.lines().findFirst().get());
        assertTrue(text.lines().toList().get(2).startsWith("AGE-SECRET-KEY-PQ-1"));
        assertEquals(1959, alice.recipient().length());

        byte[] file = AgeCodec.encrypt(VALUE, List.of(alice.recipient(), bob.recipient()));
        assertTrue(new String(file, StandardCharsets.ISO_8859_1).contains("\n-> mlkem768x25519 "));
        for (NewIdentity reader : List.of(alice, bob)) {
            Identity identity = parse(reader);
            assertEquals(reader.recipient(), identity.recipient());
            try (SecretBytes plain = AgeCodec.decrypt(file, identity, false)) {
                assertArrayEquals(VALUE, plain.reveal());
            }
        }
        byte[] onlyBob = AgeCodec.encrypt(VALUE, List.of(bob.recipient()));
        DecryptException e = assertThrows(DecryptException.class, () -> AgeCodec.decrypt(onlyBob, parse(alice), false));
        assertEquals(DecryptException.Failure.NO_MATCH, e.failure());
    }

    @Test
    void postQuantumAndX25519RecipientsAreNotMixedInOneFile() throws Exception {
        NewIdentity pq = NewIdentity.generatePostQuantum(Instant.EPOCH);
        NewIdentity classic = NewIdentity.generate(Instant.EPOCH);
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
                () -> AgeCodec.encrypt(VALUE, List.of(pq.recipient(), classic.recipient())));
        assertEquals("post-quantum and X25519 recipients cannot share one file", e.getMessage());
    }

    @Test
    void aPostQuantumRecipientThatIsNotAValidKeyFailsWithACheckedErrorNamingIt() {
        // the right length and checksum, but all 0xff: not an ML-KEM-768 encapsulation key (coefficients >= q)
        byte[] bogus = new byte[AgeKeys.PQ_PUBLIC_KEY_LENGTH];
        java.util.Arrays.fill(bogus, (byte) 0xff);
        String recipient = AgeKeys.encode(AgeKeys.PQ_RECIPIENT_HRP, bogus);
        assertNull(AgeKeys.recipientProblem(recipient));
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
                () -> AgeCodec.encrypt(VALUE, List.of(recipient)));
        assertEquals("recipient " + recipient.substring(0, 12) + "…" + recipient.substring(recipient.length() - 8)
                + " is not a usable public key", e.getMessage());
    }

    @Test
    void anEmptyPassphraseIsRefused() throws Exception {
        NewIdentity identity = NewIdentity.generate(Instant.EPOCH);
        assertThrows(IllegalArgumentException.class, () -> identity.withPassphrase(new char[0], TEST_WORK_FACTOR));
    }

    @Test
    void anX25519IdentityAndAPostQuantumOneInOneFileEachReadTheirOwn() throws Exception {
        NewIdentity pq = NewIdentity.generatePostQuantum(Instant.EPOCH);
        NewIdentity classic = NewIdentity.generate(Instant.EPOCH);
        String both = new String(classic.fileContent().reveal(), StandardCharsets.US_ASCII)
                + new String(pq.fileContent().reveal(), StandardCharsets.US_ASCII);
        Identity identity = Identity.parse(both.toCharArray(), "both");
        assertEquals(classic.recipient(), identity.recipient());
        for (String recipient : List.of(pq.recipient(), classic.recipient())) {
            try (SecretBytes plain = AgeCodec.decrypt(AgeCodec.encrypt(VALUE, List.of(recipient)), identity, false)) {
                assertArrayEquals(VALUE, plain.reveal());
            }
        }
    }

    @Test
    void aPassphraseEncryptedIdentityFileOpensWithItsPassphraseOnly() throws Exception {
        NewIdentity plain = NewIdentity.generate(Instant.EPOCH);
        String recipient = plain.recipient();
        NewIdentity protectedIdentity = plain.withPassphrase("correct horse".toCharArray(), TEST_WORK_FACTOR);
        Path file = dir.resolve("alice.age");
        IdentityFile.create(file, protectedIdentity);
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("-----BEGIN AGE ENCRYPTED FILE-----\n"), text);
        assertTrue(!text.contains("AGE-SECRET-KEY"), "the key is in the clear");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Identity identity = IdentityFile.read(file, f -> "correct horse".toCharArray());
        assertEquals(recipient, identity.recipient());

        VaultException wrong = assertThrows(VaultException.class,
                () -> IdentityFile.read(file, f -> "wrong horse".toCharArray()));
        assertEquals("wrong passphrase for identity file \"" + file + "\"", wrong.getMessage());
        assertEquals(VaultException.Kind.NO_ACCESS, wrong.kind());

        VaultException noPrompt = assertThrows(VaultException.class, () -> IdentityFile.read(file));
        assertEquals("identity file \"" + file + "\" is encrypted with a passphrase, and there is no way to ask for it",
                noPrompt.getMessage());
    }

    @Test
    void aPassphraseEncryptedFileIsWrittenAtAgesDefaultWorkFactor() throws Exception {
        assertEquals(18, NewIdentity.DEFAULT_WORK_FACTOR);
        NewIdentity encrypted = NewIdentity.generate(Instant.EPOCH).withPassphrase("p".toCharArray(), TEST_WORK_FACTOR);
        byte[] binary = dearmor(encrypted.fileContent().reveal());
        String header = new String(binary, StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith("age-encryption.org/v1\n-> scrypt "), header);
        assertTrue(header.split("\n")[1].endsWith(" " + TEST_WORK_FACTOR), header.split("\n")[1]);
    }

    @Test
    void anIdentityFileEncryptedToAKeyRatherThanAPassphraseIsRefusedClearly() throws Exception {
        NewIdentity key = NewIdentity.generate(Instant.EPOCH);
        Path file = dir.resolve("odd.age");
        Files.write(file, AgeCodec.encrypt(NewIdentity.generate(Instant.EPOCH).fileContent().reveal(),
                List.of(key.recipient())));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        VaultException e = assertThrows(VaultException.class, () -> IdentityFile.read(file, f -> "x".toCharArray()));
        assertEquals("identity file \"" + file + "\" is an age file, but not encrypted with a passphrase", e.getMessage());
    }

    @Test
    void bech32MatchesBip173AndJaggedAndHasNoLengthLimit() {
        for (String valid : List.of("A12UEL5L", "a12uel5l", "ABCDEF1QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7LMQQQXW",
                "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
                "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
                "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "?1ezyfcl")) {
            Bech32.decode(valid);
        }
        for (String invalid : List.of("pzry9x8gf2tvdw0s3jn54khce6mua7l", "x1b4n0q5v", "li1dgmt3", "A1G7SGD8",
                "10a06t8", "1qzzfhee", "A12uEL5L", "a12uel5m",
                // KELVIN SIGN: upper-casing keeps it and lower-casing makes it 'k', so only a range check stops it
                "ABCDEF1QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7LMQQQXW".replace('K', '\u212a'))) {
            assertThrows(IllegalArgumentException.class, () -> Bech32.decode(invalid), invalid);
        }
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 37 + 5);
        }
        String ours = Bech32.encode("age", key);
        assertEquals(com.exceptionfactory.jagged.bech32.Bech32.getEncoder().encode("age", key).toString(), ours);
        byte[] big = new byte[AgeKeys.PQ_PUBLIC_KEY_LENGTH];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        assertArrayEquals(big, Bech32.decode(Bech32.encode("age1pq", big)).data());
    }

    @Test
    void keyStringProblemsAreNamedWithoutQuotingTheKey() {
        String pq = NewIdentity.generatePostQuantum(Instant.EPOCH).recipient();
        assertEquals("the post-quantum recipient is not valid Bech32 (bad checksum)",
                AgeKeys.recipientProblem(pq.substring(0, 100) + (pq.charAt(100) == 'q' ? 'p' : 'q') + pq.substring(101)));
        assertEquals("expected a 1216-byte ML-KEM-768 + X25519 public key, found 32 bytes",
                AgeKeys.recipientProblem(Bech32.encode("age1pq", new byte[32])));
        assertEquals("expected a 32-byte post-quantum seed, found 31 bytes",
                AgeKeys.identityProblem(AgeKeys.encode(AgeKeys.PQ_IDENTITY_HRP, new byte[31])));
    }

    private static Identity parse(NewIdentity identity) throws VaultException {
        return Identity.parse(new String(identity.fileContent().reveal(), StandardCharsets.US_ASCII).toCharArray(),
                "generated");
    }

    private static byte[] dearmor(byte[] armored) {
        String body = new String(armored, StandardCharsets.US_ASCII).lines()
                .filter(line -> !line.startsWith("-----")).reduce("", String::concat);
        return java.util.Base64.getDecoder().decode(body);
    }

}
