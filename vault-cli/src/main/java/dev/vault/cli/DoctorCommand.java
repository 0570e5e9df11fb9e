package dev.vault.cli;

import dev.vault.core.Doctor;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "doctor", description = {
        "Check the vault and name the command that fixes each problem found.",
        "Checks the manifest, orphans, readers, recipients, post-quantum keys, rotation, permissions, the",
        "identity file and the audit log: one line per finding (ok, warn, fail, skip); exits 1 if any check",
        "fails. Reads only: decrypts nothing and records nothing in the audit log."})
final class DoctorCommand implements Callable<Integer> {
    private static final int NAME_WIDTH = "permissions".length() + 2;

    @ParentCommand
    VaultCommand root;

    @Option(names = "--json", description = "Print JSON: an array of {check, status, message, fix} (docs/json.md).")
    boolean json;

    @Override
    public Integer call() throws VaultException {
        List<Doctor.Check> checks = Doctor.examine(root.vaultPaths(true), root.identityPath(), root.io.clock);
        int failed = 0;
        int warned = 0;
        int skipped = 0;
        for (Doctor.Check check : checks) {
            failed += check.status() == Doctor.Status.FAIL ? 1 : 0;
            warned += check.status() == Doctor.Status.WARN ? 1 : 0;
            skipped += check.status() == Doctor.Status.SKIP ? 1 : 0;
        }
        if (json) {
            Json.write(root.io.out, out -> {
                out.writeStartArray();
                for (Doctor.Check check : checks) {
                    out.writeStartObject();
                    out.writeStringField("check", check.name());
                    out.writeStringField("status", check.status().id());
                    out.writeStringField("message", check.message());
                    out.writeStringField("fix", check.fix());
                    out.writeEndObject();
                }
                out.writeEndArray();
            });
        } else {
            Colour colour = Colour.of(root.io, Colour.STDOUT);
            for (Doctor.Check check : checks) {
                root.io.out.println(colour.status(check.status().id(), 6) + String.format("%-" + NAME_WIDTH + "s%s",
                        check.name(), check.message() + (check.fix() == null ? "" : "; fix: " + check.fix())));
            }
            List<String> counts = new ArrayList<>();
            if (failed > 0) {
                counts.add(failed + " failed");
            }
            if (warned > 0) {
                counts.add(warned + (warned == 1 ? " warning" : " warnings"));
            }
            if (skipped > 0) {
                counts.add(skipped + " skipped");
            }
            root.io.out.println("doctor: " + (counts.isEmpty() ? "all checks passed" : String.join(", ", counts)));
        }
        return failed > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
