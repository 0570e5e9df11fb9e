package dev.vault.cli;

import dev.vault.core.RekeyResult;
import dev.vault.core.SecretName;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rekey", description = {
        "Encrypt again every secret (or only NAME...) whose file is not encrypted to the readers and admins "
                + "the manifest gives it.",
        "Each file is replaced whole: an interruption leaves none half written. Needs an identity that can "
                + "read the secrets it rekeys."})
final class RekeyCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Only these secrets.")
    List<String> names;

    @Override
    public Integer call() throws VaultException {
        List<SecretName> only = new ArrayList<>();
        if (names != null) {
            for (String name : names) {
                only.add(SecretName.of(name));
            }
        }
        List<RekeyResult> results;
        try (Progress progress = Progress.counting(root.io, "rekey", "secrets")) {
            results = root.openVault().rekey(only, root.identity(), (result, done, total) -> {
                progress.clear();
                root.io.out.println(describe(result) + " (" + done + "/" + total + ")");
                root.io.out.flush();
                progress.update(done, total);
            });
        }
        return report(root.io, results);
    }

    /** Prints what happened to each secret that changed and the rotations due; exit 3 if any failed. */
    static int report(Io io, List<RekeyResult> results) {
        int rekeyed = 0;
        int failed = 0;
        for (RekeyResult result : results) {
            if (result.status() == RekeyResult.Status.REKEYED) {
                rekeyed++;
            } else if (result.status() == RekeyResult.Status.FAILED) {
                failed++;
            }
        }
        for (RekeyResult result : results) {
            ReaderChange.warnRotation(io, result);
        }
        if (rekeyed == 0 && failed == 0) {
            io.out.println("every secret is encrypted to its readers");
            return ExitCodes.OK;
        }
        io.out.println("rekeyed " + rekeyed + (failed == 0 ? "" : ", failed " + failed));
        if (failed > 0) {
            io.err.print(Colour.of(io, Colour.STDERR).lines("vault: error: " + failed + " secret" + (failed == 1 ? "" : "s")
                    + " could not be rekeyed and still use their earlier recipients\n"
                    + "vault: hint: each \"failed\" line above says why and what to do; `vault doctor` lists them\n"));
            return ExitCodes.NO_ACCESS;
        }
        return ExitCodes.OK;
    }

    static String describe(RekeyResult result) {
        switch (result.status()) {
            case REKEYED:
                return "rekeyed " + result.secret() + ": " + result.change();
            case UNCHANGED:
                return "unchanged " + result.secret();
            default:
                return "failed " + result.secret() + ": " + result.problem();
        }
    }
}
