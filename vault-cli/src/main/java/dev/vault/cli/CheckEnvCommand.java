package dev.vault.cli;

import dev.vault.core.EnvCheck;
import dev.vault.core.EnvFile;
import dev.vault.core.Vault;
import dev.vault.core.VaultException;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

@Command(name = "check-env", description = {
        "Compare a process's or an env file's variables with the vault's values, by fingerprint.",
        "Each variable the manifest maps to a secret is reported as match, differs (stale or overridden),",
        "empty, or missing; values are never shown. Exits 1 unless all match. Reads are recorded."})
final class CheckEnvCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--pid", paramLabel = "PID", description = "A running process (reads /proc/PID/environ).")
        Long pid;

        @Option(names = "--env-file", paramLabel = "FILE", description = "A dotenv file (KEY=VALUE lines).")
        String envFile;
    }

    @Option(names = "--only", paramLabel = "VAR", split = ",", description = "Check only these variables.")
    List<String> only;

    @Option(names = "--purpose", paramLabel = "TEXT", description = "Why, for the audit log.")
    String purpose;

    @Option(names = "--json", description = "Print JSON (docs/json.md).")
    boolean json;

    @Override
    public Integer call() throws VaultException {
        String where = source.pid != null ? "process " + source.pid : source.envFile;
        Vault vault = root.openVault();
        List<EnvCheck> checks;
        if (source.pid != null) {
            byte[] environ = processEnvironment(source.pid);
            try {
                checks = vault.checkEnv(variable -> firstValue(environ, variable), only, root.identity(),
                        root.statedPurpose(purpose));
            } finally {
                java.util.Arrays.fill(environ, (byte) 0);
            }
        } else {
            Map<String, String> found = envFile();
            checks = vault.checkEnv(variable -> found.containsKey(variable)
                    ? found.get(variable).getBytes(StandardCharsets.UTF_8) : null, only, root.identity(),
                    root.statedPurpose(purpose));
        }
        if (checks.isEmpty()) {
            throw VaultException.failed("no secret with a value has an env name in the manifest, so there is nothing to check",
                    "map one: vault set NAME --env VAR");
        }
        List<EnvCheck> wrong = new ArrayList<>();
        for (EnvCheck check : checks) {
            if (check.status() != EnvCheck.Status.MATCH) {
                wrong.add(check);
            }
        }
        if (json) {
            Json.write(root.io.out, out -> {
                out.writeStartObject();
                out.writeStringField("source", where);
                out.writeBooleanField("ok", wrong.isEmpty());
                out.writeArrayFieldStart("variables");
                for (EnvCheck check : checks) {
                    out.writeStartObject();
                    out.writeStringField("variable", check.variable());
                    out.writeStringField("secret", check.secret().toString());
                    out.writeStringField("status", check.status().label());
                    out.writeStringField("vault", check.expected());
                    out.writeStringField("found", check.found());
                    out.writeEndObject();
                }
                out.writeEndArray();
                out.writeEndObject();
            });
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"VARIABLE", "SECRET", "STATUS", "VAULT", "FOUND"});
            for (EnvCheck check : checks) {
                rows.add(new String[] {check.variable(), check.secret().toString(), check.status().label(),
                        check.expected(), check.found() == null ? "-" : check.found()});
            }
            Table.print(root.io.out, rows);
        }
        if (!wrong.isEmpty()) {
            StringJoiner which = new StringJoiner(", ");
            wrong.forEach(check -> which.add(check.variable() + " " + check.status().label()));
            throw VaultException.failed(wrong.size() + " of " + checks.size() + " variables in " + where
                    + " do not match the vault: " + which,
                    "`vault which VAR` shows where the vault's value comes from; see docs/troubleshooting.md");
        }
        return ExitCodes.OK;
    }

    /** The raw {@code /proc/PID/environ}: NUL-separated NAME=VALUE entries, as the process was started. */
    private static byte[] processEnvironment(long pid) throws VaultException {
        Path environ = Path.of("/proc", Long.toString(pid), "environ");
        try {
            return Files.readAllBytes(environ);
        } catch (NoSuchFileException e) {
            throw VaultException.failed("no process " + pid + " (no " + environ + ")");
        } catch (AccessDeniedException e) {
            throw VaultException.failed("cannot read the environment of process " + pid + ": permission denied",
                    "run check-env as the process's user (or root)");
        } catch (IOException e) {
            throw VaultException.failed("cannot read " + environ + ": " + e.getMessage());
        }
    }

    /**
     * The bytes of the first {@code NAME=} entry in a raw environment (what getenv returns), or null. Only
     * the variables asked for are copied out; nothing else of the process's environment becomes a String.
     */
    static byte[] firstValue(byte[] environ, String name) {
        byte[] prefix = (name + "=").getBytes(StandardCharsets.UTF_8);
        int start = 0;
        while (start < environ.length) {
            int end = start;
            while (end < environ.length && environ[end] != 0) {
                end++;
            }
            if (end - start >= prefix.length
                    && java.util.Arrays.equals(environ, start, start + prefix.length, prefix, 0, prefix.length)) {
                return java.util.Arrays.copyOfRange(environ, start + prefix.length, end);
            }
            start = end + 1;
        }
        return null;
    }

    private Map<String, String> envFile() throws VaultException {
        Path file = root.io.resolve(source.envFile);
        try {
            return EnvFile.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw VaultException.failed("cannot read \"" + file + "\": " + e.getMessage());
        }
    }
}
