package dev.vault.cli;

import dev.vault.core.SecretName;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "rm", description = "Remove a secret's current value; its versions stay until `vault purge`.")
final class RmCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Parameters(paramLabel = "NAME", description = "Secret name.")
    String name;

    @Override
    public Integer call() throws VaultException {
        SecretName secret = SecretName.of(name);
        int version = root.openVault().remove(secret);
        root.io.out.println("removed " + secret + " (version " + version + " is kept: vault get " + secret
                + " --version " + version + ")");
        return ExitCodes.OK;
    }
}
