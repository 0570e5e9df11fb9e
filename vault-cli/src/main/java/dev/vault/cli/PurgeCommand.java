package dev.vault.cli;

import dev.vault.core.SecretName;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "purge", description = "Delete every version of a secret for good. Needs --yes.")
final class PurgeCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Parameters(paramLabel = "NAME", description = "Secret name.")
    String name;

    @Option(names = "--yes", description = "Confirm that every version is to be deleted.")
    boolean yes;

    @Override
    public Integer call() throws VaultException {
        SecretName secret = SecretName.of(name);
        if (!yes) {
            throw VaultException.failed("purge deletes every version of \"" + secret + "\" for good",
                    "to go ahead: vault purge " + secret + " --yes");
        }
        int files = root.openVault().purge(secret);
        root.io.out.println("purged " + secret + " (" + files + " files deleted); its manifest entry is left for you to edit");
        return ExitCodes.OK;
    }
}
