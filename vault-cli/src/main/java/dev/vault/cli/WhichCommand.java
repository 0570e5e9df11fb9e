package dev.vault.cli;

import dev.vault.core.Vault;
import dev.vault.core.VariableSource;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

@Command(name = "which", description = {
        "Say which secret `vault exec` would set a variable from, with its fingerprint.",
        "Prints the secret's name, current version, when it was set, and the value's fingerprint (never",
        "the value). Recorded in the audit log."})
final class WhichCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Parameters(paramLabel = "VAR", description = "The variable, such as DB_PASSWORD.")
    String variable;

    @Option(names = "--purpose", paramLabel = "TEXT", description = "Why, for the audit log.")
    String purpose;

    @Override
    public Integer call() throws VaultException {
        Vault vault = root.openVault();
        VariableSource source = vault.which(variable, root.identity(), root.statedPurpose(purpose));
        root.io.out.println(source.variable() + " <- " + source.secret() + " version " + source.version()
                + ", set " + source.changed().truncatedTo(ChronoUnit.SECONDS) + ", " + source.fingerprint());
        String here = root.io.env.get(variable);
        if (here != null) {
            root.io.err.println("vault: note: " + variable + " is also set in this environment"
                    + (here.isEmpty() ? " (to an empty string)" : "") + "; vault exec replaces it unless --keep-env "
                    + variable);
        }
        return ExitCodes.OK;
    }
}
