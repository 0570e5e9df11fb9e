package dev.vault.cli;

import dev.vault.core.SecretBytes;
import dev.vault.core.SecretName;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "set", description = {
        "Store a value read from stdin (or --from-file), never from the command line.",
        "The current value is kept as an earlier version. A new secret needs --purpose.",
        "The file is encrypted to the secret's readers and the manifest's admins only."})
final class SetCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Parameters(paramLabel = "NAME", description = "Secret name, such as db/password.")
    String name;

    @Option(names = "--purpose", paramLabel = "TEXT", description = "What the secret is for (kept in the manifest).")
    String purpose;

    @Option(names = "--env", paramLabel = "VAR", description = "The variable `vault exec` sets from it.")
    String env;

    @Option(names = "--reader", paramLabel = "NAME", split = ",",
            description = "A new secret's readers: identities or groups (default: every identity). "
                    + "Later, `vault grant` and `vault revoke` change them.")
    List<String> readers;

    @Option(names = "--from-file", paramLabel = "FILE", description = "Read the value from FILE instead of stdin.")
    String fromFile;

    @Override
    public Integer call() throws VaultException {
        SecretName secret = SecretName.of(name);
        try (SecretBytes value = SecretInput.read(root.io, fromFile, secret)) {
            int version = root.openVault().set(secret, value, purpose, env, readers);
            root.io.out.println("stored " + secret + " version " + version);
        }
        return ExitCodes.OK;
    }
}
