package dev.vault.cli;

import dev.vault.core.AtomicFiles;
import dev.vault.core.SecretBytes;
import dev.vault.core.SecretName;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "get", description = {
        "Print a secret's value: the exact bytes, no newline added.",
        "Recorded in the audit log before a byte is written."})
final class GetCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Parameters(paramLabel = "NAME", description = "Secret name.")
    String name;

    @Option(names = "--version", paramLabel = "N", description = "An earlier version (see `vault history`).")
    Integer version;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (mode 0600, atomically).")
    String output;

    @Option(names = "--purpose", paramLabel = "TEXT", description = "Why you read it, for the audit log.")
    String purpose;

    @Override
    public Integer call() throws VaultException {
        SecretName secret = SecretName.of(name);
        if (version != null && version < 1) {
            throw VaultException.failed("invalid version \"" + version + "\"", "versions count from 1");
        }
        String statedPurpose = root.statedPurpose(purpose);
        try (SecretBytes value = root.openVault().get(secret, version, root.identity(), statedPurpose)) {
            if (output != null) {
                Path file = root.io.resolve(output);
                try {
                    AtomicFiles.write(file, value.reveal());
                } catch (IOException e) {
                    throw VaultException.failed("cannot write \"" + file + "\": " + e.getMessage());
                }
            } else {
                root.io.out.write(value.reveal(), 0, value.length());
                root.io.out.flush();
            }
        }
        return ExitCodes.OK;
    }
}
