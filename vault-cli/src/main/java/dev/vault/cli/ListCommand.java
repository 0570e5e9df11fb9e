package dev.vault.cli;

import dev.vault.core.Due;
import dev.vault.core.SecretInfo;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "list", description = {"List the secrets: name, purpose, env, versions, last change. Never values.",
        "With --due, only the rotations and expiries that have passed or come within 14 days."})
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Option(names = "--json", description = "Print JSON (docs/json.md).")
    boolean json;

    @Option(names = "--due", description = "Only secrets overdue for rotation or expired, or due or expiring within 14 days.")
    boolean due;

    @Override
    public Integer call() throws VaultException {
        if (due) {
            return listDue(root.openVault().due(LocalDate.now(root.io.clock)));
        }
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

    private int listDue(List<Due> dues) {
        if (json) {
            Json.write(root.io.out, out -> {
                out.writeStartArray();
                for (Due item : dues) {
                    out.writeStartObject();
                    out.writeStringField("name", item.secret().toString());
                    out.writeStringField("kind", item.kind().id());
                    out.writeStringField("due", item.date().toString());
                    out.writeNumberField("days", item.days());
                    out.writeStringField("status", item.status());
                    out.writeEndObject();
                }
                out.writeEndArray();
            });
            return ExitCodes.OK;
        }
        if (dues.isEmpty()) {
            root.io.err.println("nothing is due for rotation in the next " + Due.WINDOW_DAYS + " days");
            return ExitCodes.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "DUE", "STATUS"});
        for (Due item : dues) {
            rows.add(new String[] {item.secret().toString(), item.date().toString(), item.status()});
        }
        Table.print(root.io.out, rows);
        return ExitCodes.OK;
    }
}
