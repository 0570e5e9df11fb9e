package dev.vault.core;

import dev.vault.core.crypto.Identity;
import dev.vault.core.crypto.IdentityFile;
import dev.vault.core.crypto.NewIdentity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keyed fingerprints: stable for one identity in one vault, different across vaults and identities, one length. */
class FingerprinterTest {
    private static final String VAULT_A = "a".repeat(64);
    private static final String VAULT_B = "b".repeat(64);

    @TempDir
    Path temp;

    private Identity identity(String name) throws Exception {
        Path file = temp.resolve(name + ".txt");
        NewIdentity generated = NewIdentity.generate(Instant.EPOCH);
        IdentityFile.create(file, generated);
        return IdentityFile.read(file);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sameValueSameFingerprintWithinAVaultAndAnotherInAnotherVault() throws Exception {
        Identity alice = identity("alice");
        String inA = Fingerprinter.of(alice.fingerprintSeed(), VAULT_A).of(bytes("hunter2"));
        assertEquals(inA, Fingerprinter.of(alice.fingerprintSeed(), VAULT_A).of(bytes("hunter2")));
        assertNotEquals(inA, Fingerprinter.of(alice.fingerprintSeed(), VAULT_B).of(bytes("hunter2")));
        assertNotEquals(inA, Fingerprinter.of(alice.fingerprintSeed(), VAULT_A).of(bytes("hunter3")));
    }

    @Test
    void onlyTheIdentityMakesItsFingerprints() throws Exception {
        Identity alice = identity("alice");
        Identity bob = identity("bob");
        assertNotEquals(Fingerprinter.of(alice.fingerprintSeed(), VAULT_A).of(bytes("hunter2")),
                Fingerprinter.of(bob.fingerprintSeed(), VAULT_A).of(bytes("hunter2")));
        Identity aliceAgain = IdentityFile.read(temp.resolve("alice.txt"));
        assertArrayEquals(alice.fingerprintSeed(), aliceAgain.fingerprintSeed(), "the seed depends on the key only");
        assertEquals(32, alice.fingerprintSeed().length);
        assertFalse(Arrays.equals(alice.fingerprintSeed(), bob.fingerprintSeed()));
    }

    @Test
    void noFingerprintRevealsTheValuesLength() throws Exception {
        Fingerprinter fingerprints = Fingerprinter.of(identity("alice").fingerprintSeed(), VAULT_A);
        Set<Integer> lengths = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (int length = 0; length <= 300; length++) {
            String fingerprint = fingerprints.of(new byte[length]);
            assertTrue(fingerprint.matches("vfp1:[0-9a-f]{24}"), fingerprint);
            lengths.add(fingerprint.length());
            seen.add(fingerprint);
        }
        assertEquals(Set.of(29), lengths);
        assertEquals(301, seen.size());
    }

    @Test
    void blankMeansNothingVisible() {
        assertTrue(Blank.is(new byte[0]));
        assertTrue(Blank.is(bytes(" \t\r\n\f\u000b")));
        assertTrue(Blank.is(bytes("\u00a0\u200b\u2060\ufeff\u3000")));
        assertFalse(Blank.is(bytes(" x ")));
        assertFalse(Blank.is(bytes("\u00a0é")));
        assertFalse(Blank.is(new byte[] {(byte) 0xff}));
    }
}
