package dev.vault.cli;

import dev.vault.core.VaultException;
import dev.vault.core.VaultPaths;
import dev.vault.core.audit.AuditEntry;
import dev.vault.core.audit.EntryWriter;
import dev.vault.core.audit.VerifyReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "log", description = {
        "Show audit entries, oldest first, as a table (or --json: the entries' own JSON lines).",
        "Entries are verified as they are read; a broken chain stops the listing with an error."})
final class AuditLogCommand implements Callable<Integer> {
    @ParentCommand
    AuditCommand audit;

    @Option(names = "--secret", paramLabel = "NAME", description = "Only entries about this secret.")
    String secret;

    @Option(names = "--action", paramLabel = "ACTION", description = "Only this action (get, exec, set, rm, ...).")
    String action;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only entries from TIME on: 2026-11-21, 2026-11-21T09:30:00Z, or an age such as 30m, 24h, 7d.")
    String since;

    @Option(names = "--json", description = "Print each entry's JSON line, as stored (docs/json.md).")
    boolean json;

    @Override
    public Integer call() throws VaultException {
        Io io = audit.root.io;
        String from = since == null ? null : EntryWriter.formatTime(parseSince(since, io.clock.instant()));
        VaultPaths paths = audit.paths();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SEQ", "TIME", "USER", "AGENT", "ACTION", "SECRET", "VERSION", "RESULT", "PURPOSE"});
        VerifyReport report = AuditCommand.verify(paths, null, (entry, bytes, start, end) -> {
            if (secret != null && !secret.equals(entry.secret()) || action != null && !action.equals(entry.action())
                    || from != null && entry.time().compareTo(from) < 0) {
                return;
            }
            if (json) {
                io.out.write(bytes, start, end - start);
                io.out.write('\n');
            } else {
                rows.add(row(entry));
            }
        });
        if (!json) {
            Table.print(io.out, rows);
        }
        io.out.flush();
        if (!report.ok()) {
            throw AuditCommand.broken(paths, report);
        }
        return ExitCodes.OK;
    }

    private static String[] row(AuditEntry entry) {
        String result = entry.result() + (entry.reason() == null ? "" : ": " + entry.reason());
        return new String[] {Long.toString(entry.seq()), entry.time(), printable(entry.user()), printable(entry.agent()),
                printable(entry.action()), printable(entry.secret()),
                entry.version() == null ? "-" : entry.version().toString(), printable(result), printable(entry.purpose())};
    }

    /** A field for a terminal: control characters shown as '?', nothing shown as '-'. */
    private static String printable(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    static Instant parseSince(String text, Instant now) throws VaultException {
        try {
            if (text.matches("[0-9]+[smhd]")) {
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                char unit = text.toLowerCase(Locale.ROOT).charAt(text.length() - 1);
                Duration age = unit == 's' ? Duration.ofSeconds(amount) : unit == 'm' ? Duration.ofMinutes(amount)
                        : unit == 'h' ? Duration.ofHours(amount) : Duration.ofDays(amount);
                return now.minus(age);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw VaultException.failed("--since \"" + text + "\" is not a time",
                    "use a UTC date or time (2026-11-21, 2026-11-21T09:30:00Z) or an age (30m, 24h, 7d)");
        }
    }
}
