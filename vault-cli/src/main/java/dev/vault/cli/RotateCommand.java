package dev.vault.cli;

import dev.vault.core.SecretBytes;
import dev.vault.core.SecretName;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "rotate", description = {
        "Store a new value of an existing secret, read from stdin (or --from-file), and record today as its "
                + "`rotated` date in the manifest.",
        "The old value is kept as an earlier version."})
final class RotateCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Parameters(paramLabel = "NAME", description = "Secret name.")
    String name;

    @Option(names = "--from-file", paramLabel = "FILE", description = "Read the value from FILE instead of stdin.")
    String fromFile;

    @Override
    public Integer call() throws VaultException {
        SecretName secret = SecretName.of(name);
        try (SecretBytes value = SecretInput.read(root.io, fromFile, secret)) {
            int version = root.openVault().rotate(secret, value);
            root.io.out.println("rotated " + secret + " to version " + version);
        }
        return ExitCodes.OK;
    }
}
