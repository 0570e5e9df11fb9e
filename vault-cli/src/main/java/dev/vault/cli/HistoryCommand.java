package dev.vault.cli;

import dev.vault.core.SecretName;
import dev.vault.core.VaultException;
import dev.vault.core.VersionInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "history", description = "List the kept versions of a secret (also of a removed one).")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Parameters(paramLabel = "NAME", description = "Secret name.")
    String name;

    @Option(names = "--json", description = "Print JSON (docs/json.md).")
    boolean json;

    @Override
    public Integer call() throws VaultException {
        List<VersionInfo> versions = root.openVault().history(SecretName.of(name));
        if (json) {
            Json.write(root.io.out, out -> {
                out.writeStartArray();
                for (VersionInfo version : versions) {
                    out.writeStartObject();
                    out.writeNumberField("version", version.version());
                    out.writeStringField("changed", version.changed().truncatedTo(ChronoUnit.SECONDS).toString());
                    out.writeBooleanField("current", version.current());
                    out.writeEndObject();
                }
                out.writeEndArray();
            });
            return ExitCodes.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"VERSION", "CHANGED", ""});
        for (VersionInfo version : versions) {
            rows.add(new String[] {String.valueOf(version.version()),
                    version.changed().truncatedTo(ChronoUnit.SECONDS).toString(), version.current() ? "current" : ""});
        }
        Table.print(root.io.out, rows);
        return ExitCodes.OK;
    }
}
