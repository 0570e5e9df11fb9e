package dev.vault.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints, to compare values without showing them: {@code vfp1:} and 24 hex digits of
 * HMAC-SHA256 of the value under a key of one vault. That key is derived from a 32-byte random master
 * key kept beside the identity (mode 0600) and the vault's id, so a low-entropy password cannot be
 * guessed from its fingerprint, fingerprints of two vaults never match, and every fingerprint has the
 * same length whatever the value's.
 */
public final class Fingerprinter {
    public static final String PREFIX = "vfp1:";
    private static final int DIGITS = 24;

    private final byte[] key;

    private Fingerprinter(byte[] key) {
        this.key = key;
    }

    /** The fingerprinter of vault {@code vaultId}, with the master key in {@code masterKeyFile} (made if missing). */
    static Fingerprinter load(Path masterKeyFile, String vaultId) throws VaultException {
        byte[] master = masterKey(masterKeyFile);
        try {
            return new Fingerprinter(hmac(master, ("vault fingerprint key v1\n" + vaultId).getBytes(StandardCharsets.UTF_8)));
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    /** The fingerprint of {@code value}. */
    public String of(byte[] value) {
        byte[] mac = hmac(key, value);
        try {
            return PREFIX + HexFormat.of().formatHex(mac).substring(0, DIGITS);
        } finally {
            Arrays.fill(mac, (byte) 0);
        }
    }

    private static byte[] masterKey(Path file) throws VaultException {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                AtomicFiles.createFolders(file.getParent());
                AtomicFiles.createExclusive(file, (Base64.getEncoder().encodeToString(fresh) + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
                Arrays.fill(fresh, (byte) 0);
            }
            for (PosixFilePermission permission : Files.getPosixFilePermissions(file)) {
                if (!AtomicFiles.FILE_MODE.contains(permission)) {
                    throw new VaultException(VaultException.Kind.NO_ACCESS, "fingerprint key \"" + file
                            + "\" is accessible by others", "a private key must be readable by its owner only: chmod 600 " + file);
                }
            }
            byte[] text = Files.readAllBytes(file);
            try {
                byte[] master = Base64.getDecoder().decode(new String(text, StandardCharsets.US_ASCII).trim());
                if (master.length != 32) {
                    throw new IllegalArgumentException("not 32 bytes");
                }
                return master;
            } finally {
                Arrays.fill(text, (byte) 0);
            }
        } catch (NoSuchFileException e) {
            throw VaultException.failed("cannot make the fingerprint key \"" + file + "\": no such folder");
        } catch (IOException e) {
            throw VaultException.failed("cannot read the fingerprint key \"" + file + "\": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw VaultException.failed("fingerprint key \"" + file + "\" is not 32 bytes of base64",
                    "move it aside; a new one is made on next use (fingerprints made with the old one will differ)");
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "Fingerprinter";
    }
}
