package dev.vault.cli;

import dev.vault.core.IdentitySource;
import dev.vault.core.RekeyResult;
import dev.vault.core.SecretName;
import dev.vault.core.Vault;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;

@Command(name = "grant", description = {
        "Add an identity or group to a secret's readers in the manifest, and encrypt the secret again so "
                + "that it can read it.",
        "Needs an identity that can read the secret."})
final class GrantCommand extends ReaderChange {
    @Override
    RekeyResult change(Vault vault, SecretName secret, IdentitySource identities) throws VaultException {
        return vault.grant(secret, reader, identities);
    }

    @Override
    String done(SecretName secret) {
        return "granted " + secret + " to " + reader;
    }
}
