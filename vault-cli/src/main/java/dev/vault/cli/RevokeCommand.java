package dev.vault.cli;

import dev.vault.core.RekeyResult;
import dev.vault.core.SecretName;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "revoke", description = {
        "Remove an identity or group from a secret's readers in the manifest, and encrypt the secret again "
                + "without its key.",
        "It could read the value until now: rotate it. Needs an identity that can read the secret."})
final class RevokeCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Parameters(index = "0", paramLabel = "NAME", description = "Secret name.")
    String name;

    @Parameters(index = "1", paramLabel = "READER", description = "An identity or group of the manifest.")
    String reader;

    @Override
    public Integer call() throws VaultException {
        SecretName secret = SecretName.of(name);
        RekeyResult result = root.openVault().revoke(secret, reader, root.identity());
        return ReaderChange.report(root.io, "revoked " + secret + " from " + reader, result);
    }
}
