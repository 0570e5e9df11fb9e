package dev.vault.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keyed fingerprints: stable within a vault, different across vaults and keys, and all the same length. */
class FingerprinterTest {
    @TempDir
    Path temp;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sameValueSameFingerprintWithinAVaultAndAnotherInAnotherVault() throws Exception {
        Path key = temp.resolve("config/fingerprint.key");
        Fingerprinter vaultA = Fingerprinter.load(key, "a".repeat(64));
        Fingerprinter vaultAAgain = Fingerprinter.load(key, "a".repeat(64));
        Fingerprinter vaultB = Fingerprinter.load(key, "b".repeat(64));
        assertEquals(vaultA.of(bytes("hunter2")), vaultAAgain.of(bytes("hunter2")));
        assertNotEquals(vaultA.of(bytes("hunter2")), vaultB.of(bytes("hunter2")));
        assertNotEquals(vaultA.of(bytes("hunter2")), vaultA.of(bytes("hunter3")));
    }

    @Test
    void anotherMasterKeyGivesOtherFingerprints() throws Exception {
        Fingerprinter mine = Fingerprinter.load(temp.resolve("me/fingerprint.key"), "a".repeat(64));
        Fingerprinter theirs = Fingerprinter.load(temp.resolve("them/fingerprint.key"), "a".repeat(64));
        assertNotEquals(mine.of(bytes("hunter2")), theirs.of(bytes("hunter2")));
    }

    @Test
    void noFingerprintRevealsTheValuesLength() throws Exception {
        Fingerprinter fingerprints = Fingerprinter.load(temp.resolve("fingerprint.key"), "a".repeat(64));
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
    void theMasterKeyIsMadeOwnerOnlyAndALooseOneIsRefused() throws Exception {
        Path key = temp.resolve("config/fingerprint.key");
        Fingerprinter.load(key, "a".repeat(64));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(45, Files.readString(key).length(), "32 bytes in base64 and a newline");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        VaultException refused = assertThrows(VaultException.class, () -> Fingerprinter.load(key, "a".repeat(64)));
        assertEquals(VaultException.Kind.NO_ACCESS, refused.kind());
        assertEquals("fingerprint key \"" + key + "\" is accessible by others", refused.getMessage());
    }
}
