package dev.vault.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's start-up cache (an AOT cache on JDK 24 and newer, an AppCDS archive on
 * 17 to 23): the JVM records the classes these commands load, and later starts load them from the cache. It runs
 * the commands whose start-up users feel ({@code get}, {@code guard check}, {@code exec}) through
 * {@link Cli#run} in a throwaway vault in a fresh temporary folder, with output discarded, then deletes the
 * folder. Exit 0 when every command gave the exit code it should; 1 (and a line on stderr naming the command,
 * never a value) otherwise, so that the launcher does not keep a cache trained on a failing path.
 */
public final class StartupTraining {
    private static final String ALLOWED_HOOK = "{\"session_id\":\"training\",\"hook_event_name\":\"PreToolUse\","
            + "\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"git status\"},\"tool_use_id\":\"toolu_01\"}";
    private static final String DENIED_HOOK = "{\"session_id\":\"training\",\"hook_event_name\":\"PreToolUse\","
            + "\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"printenv\"},\"tool_use_id\":\"toolu_02\"}";

    private final Map<String, String> env;
    private final Path folder;
    private final PrintStream err;

    private StartupTraining(Map<String, String> env, Path folder, PrintStream err) {
        this.env = env;
        this.folder = folder;
        this.err = err;
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(System.getenv(), Path.of(System.getProperty("java.io.tmpdir")), System.err));
    }

    /** Trains in a new folder under {@code parent}, which it deletes; returns the exit code. */
    static int run(Map<String, String> callerEnv, Path parent, PrintStream err) throws IOException {
        Path folder = Files.createTempDirectory(parent, "vault-start-training-");
        try {
            return new StartupTraining(environment(callerEnv, folder), folder, err).train();
        } finally {
            delete(folder);
        }
    }

    /** The caller's environment without anything that would point vault elsewhere: no VAULT_*, own config and home. */
    static Map<String, String> environment(Map<String, String> caller, Path folder) {
        Map<String, String> env = new HashMap<>();
        for (String variable : new String[] {"PATH", "LANG", "LC_ALL", "USER", "LOGNAME"}) {
            if (caller.get(variable) != null) {
                env.put(variable, caller.get(variable));
            }
        }
        env.put("HOME", folder.toString());
        env.put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        return env;
    }

    private int train() {
        int failures = 0;
        failures += expect(0, "", "init", "--name", "training");
        failures += expect(0, "training-value", "set", "training/token", "--purpose", "start-up training",
                "--env", "TRAINING_TOKEN");
        for (int i = 0; i < 3; i++) {
            failures += expect(0, "", "get", "training/token");
        }
        failures += expect(0, "", "guard", "check", "--command", "git status");
        failures += expect(2, "", "guard", "check", "--command", "printenv");
        failures += expect(0, ALLOWED_HOOK, "guard", "check", "--hook", "claude-code");
        failures += expect(2, DENIED_HOOK, "guard", "check", "--hook", "claude-code");
        failures += expect(0, "", "exec", "--", "true");
        return failures == 0 ? 0 : 1;
    }

    private int expect(int code, String stdin, String... args) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Io io = Io.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), discard, discard, env, folder);
        int got = Cli.run(io, args);
        if (got == code) {
            return 0;
        }
        err.println("vault: start-up training: `vault " + args[0] + " " + (args.length > 1 ? args[1] : "")
                + "` exited " + got + ", not " + code);
        return 1;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
