package dev.vault.cli;

import dev.vault.core.IdentitySource;
import dev.vault.core.RekeyResult;
import dev.vault.core.SecretName;
import dev.vault.core.Vault;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;

@Command(name = "revoke", description = {
        "Remove an identity or group from a secret's readers in the manifest, and encrypt the secret again "
                + "without its key.",
        "It could read the value until now: rotate it. Needs an identity that can read the secret."})
final class RevokeCommand extends ReaderChange {
    @Override
    RekeyResult change(Vault vault, SecretName secret, IdentitySource identities) throws VaultException {
        return vault.revoke(secret, reader, identities);
    }

    @Override
    String done(SecretName secret) {
        return "revoked " + secret + " from " + reader;
    }
}
