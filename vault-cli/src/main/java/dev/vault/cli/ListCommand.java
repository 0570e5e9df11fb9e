package dev.vault.cli;

import dev.vault.core.SecretInfo;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "list", description = "List the secrets: name, purpose, env, versions, last change. Never values.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws VaultException {
        List<SecretInfo> secrets = root.openVault().list();
        if (json) {
            Json.write(root.io.out, out -> {
                out.writeStartArray();
                for (SecretInfo secret : secrets) {
                    out.writeStartObject();
                    out.writeStringField("name", secret.name().toString());
                    out.writeStringField("purpose", secret.purpose());
                    out.writeStringField("env", secret.env());
                    out.writeNumberField("version", secret.version());
                    out.writeNumberField("versions", secret.versions());
                    out.writeStringField("changed", secret.changed().truncatedTo(ChronoUnit.SECONDS).toString());
                    out.writeEndObject();
                }
                out.writeEndArray();
            });
            return ExitCodes.OK;
        }
        if (secrets.isEmpty()) {
            root.io.err.println("no secrets yet: store one with vault set NAME --purpose \"what it is for\" < FILE");
            return ExitCodes.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "VERSIONS", "CHANGED", "ENV", "PURPOSE"});
        for (SecretInfo secret : secrets) {
            rows.add(new String[] {secret.name().toString(), String.valueOf(secret.versions()),
                    secret.changed().truncatedTo(ChronoUnit.SECONDS).toString(),
                    secret.env() == null ? "-" : secret.env(),
                    secret.purpose() == null ? "(not in the manifest)" : secret.purpose()});
        }
        Table.print(root.io.out, rows);
        return ExitCodes.OK;
    }
}
