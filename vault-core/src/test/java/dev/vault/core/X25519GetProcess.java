package dev.vault.core;

import dev.vault.core.crypto.IdentityFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A separate process that does what {@code vault get} does for an X25519 reader, then checks the key kinds
 * of the same secret as {@code vault set} would: {@code VAULT_FOLDER IDENTITY_FILE SECRET}. Prints the value.
 */
public final class X25519GetProcess {
    private X25519GetProcess() {
    }

    public static void main(String[] args) throws Exception {
        Vault vault = Vault.open(VaultPaths.of(Path.of(args[0])), event -> 1);
        SecretName name = SecretName.of(args[2]);
        try (SecretBytes value = vault.get(name, null, () -> IdentityFile.read(Path.of(args[1])), null)) {
            System.out.println(new String(value.reveal(), StandardCharsets.UTF_8));
        }
        vault.checkKeyKinds(name, null);
    }
}
