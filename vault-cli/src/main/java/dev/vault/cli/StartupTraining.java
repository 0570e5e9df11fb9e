package dev.vault.cli;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run behind the launcher's start-up caches (an AOT cache on JDK 24 and newer, an AppCDS archive on
 * 17 to 23): the JVM records the classes these commands load, and later starts load them from the cache. There
 * is one cache for each kind of start users feel, named by the argument: {@code get} (also used by the commands
 * that have no cache of their own), {@code exec} and {@code guard} ({@code guard check}). Each runs only its
 * commands, through {@link Cli#run}, and nothing else: a JDK 24+ AOT cache loads every class it holds at each
 * start, so a class that only {@code init}, {@code set} or another kind needs would cost every {@code get}
 * (docs/benchmarks.md). So the vault it reads is not made by {@code vault init} and {@code vault set} but written
 * out from the constants below, as those commands wrote it (a throwaway key, published here, that guards nothing
 * but the value "training-value"), into a fresh folder under the temporary folder, with output discarded; then
 * the folder is deleted. Exit 0 when every command gave the exit code it should; 1 (and a line on stderr naming
 * the command, never a value) otherwise, so that the launcher does not keep a cache trained on a failing path;
 * 2 for an unknown kind. StartupTrainingTest checks that the commands still succeed on it.
 */
public final class StartupTraining {
    /** The training identity: X25519, made by {@code vault init --name training}; it opens only {@link #TOKEN}. */
    static final String IDENTITY = "# vault start-up training: a published throwaway key\n"
            + "AGE-SECRET-KEY-1SDTKL7X4C30WAU9G9PD80C3Q63D4JUQPTMX3PPW0C8VLZ03L3L9SUNX6G6\n";
    static final String MANIFEST = "version: 1\n"
            + "identities:\n"
            + "  training:\n"
            + "    recipient: age1vu7nvdphjde75sfwaz5ly8rwp9wsuv2kquyfz7zvufcdlkqvmslsldtcp6\n"
            + "secrets:\n"
            + "  training/token:\n"
            + "    purpose: \"start-up training\"\n"
            + "    env: \"TRAINING_TOKEN\"\n"
            + "    readers: [training]\n";
    /**
     * {@code training/token.age} as {@code vault set} wrote it (binary age, one X25519 stanza; the payload in
     * octal escapes, one char per byte): "training-value".
     */
    static final String TOKEN = "age-encryption.org/v1\n"
            + "-> X25519 pZUTTGv2DFfs2H28eyUiwFlBhokFDycwgxRSVGGBH3k\n"
            + "MnTM9Wg22AIaTe/c/htK7+qy45sSvpq3NLCTAAZxYpc\n"
            + "--- yYitCoX1BW1dvHE6FnNHmXeOOCIj2an/DS41IjcRfeU\n"
            + "\151\236\040\130\227\104\045\216\052\176\333\062\170\235\217\174\334\267\116\331\302\007\201"
            + "\163\007\353\147\275\213\020\304\053\110\127\165\261\145\026\151\152\240\267\105\246\376\305";
    /**
     * What the guard checks in training: one of each shell form its parser and walker know (lists, pipes,
     * redirects, loops, conditions, subshells, substitutions, here-documents, assignments) and of its kinds of
     * deny. A class that a real check needs and the cache lacks is read from the jar, which costs that check a
     * few milliseconds to open the jar.
     */
    private static final String[] ALLOWED = {
        "git status --short && npm test 2>&1 | tail -50",
        "for f in *.txt; do wc -l \"$f\"; done",
        "if [ -f Makefile ]; then make -j2 build; fi",
        "(cd src && grep -rn TODO .) | head -20",
        "diff <(sort a.txt) <(sort b.txt)",
        "echo \"$(date +%s)\" ${USER:-nobody} `whoami`",
        "X=1 FOO=bar python3 -c 'print(1)'",
        "cat <<'END' > notes.md\nhello\nEND",
        "docker compose up -d && curl -fsS http://localhost:8080/health",
        "vault exec --only DB_URL -- psql -c 'select 1'",
    };
    private static final String[] DENIED = {
        "printenv",
        "cat .env | grep STRIPE",
        "vault get db/password",
        "echo $AWS_SECRET_ACCESS_KEY",
        "aws secretsmanager get-secret-value --secret-id prod/db",
        "bash -c 'env'",
    };
    private static final String ALLOWED_HOOK = "{\"session_id\":\"training\",\"hook_event_name\":\"PreToolUse\","
            + "\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"ls -la \\\"$HOME\\\" > /tmp/out.txt; echo done || true\"},"
            + "\"tool_use_id\":\"toolu_01\"}";
    private static final String DENIED_HOOK = "{\"session_id\":\"training\",\"hook_event_name\":\"PreToolUse\","
            + "\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"cat ~/.ssh/id_ed25519\"},\"tool_use_id\":\"toolu_02\"}";

    private final Map<String, String> env;
    private final Path folder;
    private final PrintStream err;

    private StartupTraining(Map<String, String> env, Path folder, PrintStream err) {
        this.env = env;
        this.folder = folder;
        this.err = err;
    }

    /** {@code StartupTraining get|exec|guard}. */
    public static void main(String[] args) throws IOException {
        int code = args.length == 1 ? run(args[0], System.getenv(), Path.of(System.getProperty("java.io.tmpdir")), System.err)
                : usage(System.err);
        System.err.flush();
        // as Main ends: halt, not System.exit, whose exit logging would put the platform's logger in the cache
        Runtime.getRuntime().halt(code);
    }

    private static int usage(PrintStream err) {
        err.println("usage: StartupTraining get|exec|guard");
        return 2;
    }

    /** Trains the commands of {@code kind} in a new folder under {@code parent}, which it deletes; returns the exit code. */
    static int run(String kind, Map<String, String> callerEnv, Path parent, PrintStream err) throws IOException {
        if (!List.of("get", "exec", "guard").contains(kind)) {
            return usage(err);
        }
        // the launcher starts Main, which a training through Cli.run would not load
        Main.class.getName();
        Path folder = newFolder(parent);
        try {
            writeVault(folder);
            return new StartupTraining(environment(callerEnv, folder), folder, err).train(kind);
        } finally {
            delete(folder.toFile());
        }
    }

    /**
     * A new 0700 folder. Not {@link Files#createTempDirectory}: its random name comes from {@code SecureRandom},
     * whose JCA set-up would go into the cache and be loaded at every start.
     */
    private static Path newFolder(Path parent) throws IOException {
        String prefix = "vault-start-training-" + ProcessHandle.current().pid() + "-";
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createDirectory(parent.resolve(prefix + System.nanoTime()),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    private static void writeVault(Path folder) throws IOException {
        Path secrets = Files.createDirectories(folder.resolve(".vault/secrets/training"));
        Files.writeString(folder.resolve(".vault/manifest.yaml"), MANIFEST, StandardCharsets.UTF_8);
        Files.write(secrets.resolve("token.age"), TOKEN.getBytes(StandardCharsets.ISO_8859_1));
        // an empty log, as a new vault's would be without its init entry: the first get starts the chain
        Files.write(Files.createDirectories(folder.resolve(".vault/audit")).resolve("audit.log"), new byte[0]);
        Path identity = Files.createDirectories(folder.resolve("config/vault")).resolve("identity.txt");
        Files.writeString(identity, IDENTITY, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(identity, PosixFilePermissions.fromString("rw-------"));
    }

    /**
     * The caller's environment without anything that would point vault elsewhere: no VAULT_*, own config and home.
     * Copied as {@link Io#system} copies the process's, so that the classes doing it are cached too.
     */
    static Map<String, String> environment(Map<String, String> caller, Path folder) {
        Map<String, String> copy = Map.copyOf(caller);
        Map<String, String> env = new HashMap<>();
        for (String variable : new String[] {"PATH", "LANG", "LC_ALL", "USER", "LOGNAME"}) {
            if (copy.get(variable) != null) {
                env.put(variable, copy.get(variable));
            }
        }
        env.put("HOME", folder.toString());
        env.put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        return env;
    }

    private int train(String kind) {
        int failures = 0;
        switch (kind) {
            case "get" -> {
                for (int i = 0; i < 3; i++) {
                    failures += expect(0, "", "get", "training/token");
                }
            }
            case "exec" -> {
                // twice, so that the second reads the audit entry the first wrote, as a real start does; and as a
                // real process runs it: stdin inherited (the launcher's /dev/null), stdout and stderr relayed
                failures += expect(0, ownStreams(), "exec", "--", "true");
                failures += expect(0, ownStreams(), "exec", "--only", "TRAINING_TOKEN", "--", "true");
            }
            default -> {
                for (String command : ALLOWED) {
                    failures += expect(0, "", "guard", "check", "--command", command);
                }
                for (String command : DENIED) {
                    failures += expect(2, "", "guard", "check", "--command", command);
                }
                failures += expect(0, ALLOWED_HOOK, "guard", "check", "--hook", "claude-code");
                failures += expect(2, DENIED_HOOK, "guard", "check", "--hook", "claude-code");
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private int expect(int code, String stdin, String... args) {
        return expect(code, Io.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), discard(), discard(), env,
                folder), args);
    }

    /** The streams of this process as a command's own, with its output discarded. */
    private Io ownStreams() {
        return new Io(System.in, discard(), discard(), env, folder, Clock.systemUTC(), false, true);
    }

    private static PrintStream discard() {
        return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    }

    private int expect(int code, Io io, String... args) {
        int got = Cli.run(io, args);
        if (got == code) {
            return 0;
        }
        // (the arguments are this class's constants: names and commands, never a value)
        err.println("vault: start-up training: `vault " + String.join(" ", args) + "` exited " + got + ", not " + code);
        return 1;
    }

    /** Deletes a folder and what is in it (without streams or lambdas, which the cache would keep too). */
    private static void delete(File file) throws IOException {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                delete(child);
            }
        }
        if (!file.delete() && file.exists()) {
            throw new IOException("cannot delete \"" + file + "\"");
        }
    }
}
