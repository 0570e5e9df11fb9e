package dev.vault.cli;

import dev.vault.core.RekeyResult;
import dev.vault.core.SecretName;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "grant", description = {
        "Add an identity or group to a secret's readers in the manifest, and encrypt the secret again so "
                + "that it can read it.",
        "Needs an identity that can read the secret."})
final class GrantCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Parameters(index = "0", paramLabel = "NAME", description = "Secret name.")
    String name;

    @Parameters(index = "1", paramLabel = "READER", description = "An identity or group of the manifest.")
    String reader;

    @Override
    public Integer call() throws VaultException {
        SecretName secret = SecretName.of(name);
        RekeyResult result = root.openVault().grant(secret, reader, root.identity());
        return ReaderChange.report(root.io, "granted " + secret + " to " + reader, result);
    }
}
