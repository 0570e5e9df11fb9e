package dev.vault.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code vault get} and {@code vault guard check --command|--hook} without picocli: they run in deploy
 * scripts and before every command an agent types, so they are start-up bound. picocli's model of a
 * command is built by reflection (about 120 ms with C1 on this machine) and its classes, compiled for
 * Java 5, cannot go into a CDS or AOT class cache; see docs/benchmarks.md.
 *
 * <p>Only plain command lines are taken here, each setting the same fields picocli would (a test checks
 * both against each other). Anything else returns null and picocli parses it, with its own help and
 * errors: {@code --help}, an {@code @file} argument, {@code --}, an unknown, clustered or repeated option,
 * a missing value, or a value that starts with {@code -} or is a command's name.
 */
final class FastPath {
    private static final Map<String, String> GLOBAL = Map.of("--vault", "--vault", "-i", "-i", "--identity", "-i");
    private static final Map<String, String> GET = Map.of("--version", "--version", "--purpose", "--purpose",
            "-o", "-o", "--output", "-o");
    private static final Map<String, String> GUARD_CHECK = Map.of("--command", "--command", "--hook", "--hook");
    /**
     * The names of vault's commands and of guard's. picocli refuses an option value that names a command
     * where one could follow ({@code vault -i get list}); these go to picocli wherever they appear. The same
     * set as {@link Subcommands}, which loads every command class (a test checks that they agree).
     */
    static final Set<String> COMMAND_NAMES = Set.of("init", "identity", "set", "import", "rotate", "get", "list",
            "history", "rm", "purge", "grant", "revoke", "rekey", "doctor", "exec", "fingerprint", "check-env",
            "which", "audit", "guard", "redact", "demo", "check", "install");

    private FastPath() {
    }

    /** The command's exit code, or null when picocli must parse this command line. */
    static Integer run(Io io, String[] args) {
        Parsed parsed = parse(io, args);
        if (parsed == null) {
            return null;
        }
        try {
            return parsed.command.call();
        } catch (Exception e) {
            return Failures.exitCode(e, parsed.root);
        }
    }

    /** The root and the command object set up as picocli would, or null when this is not a plain line. */
    static Parsed parse(Io io, String[] args) {
        for (String arg : args) {
            if (arg.startsWith("@") || arg.equals("--")) {
                return null;
            }
        }
        Map<String, String> values = new HashMap<>();
        String[] words = new String[3];
        int wordCount = 0;
        boolean debug = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                if (wordCount == words.length) {
                    return null;
                }
                words[wordCount++] = arg;
                if (!wordsSoFarFit(words, wordCount)) {
                    return null;
                }
                continue;
            }
            if (arg.equals("--debug")) {
                if (debug) {
                    return null;
                }
                debug = true;
                continue;
            }
            int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String option = optionOf(name, words, wordCount);
            if (option == null || values.containsKey(option)) {
                return null;
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return null;
            }
            if (value.startsWith("-") || COMMAND_NAMES.contains(value)) {
                return null;
            }
            values.put(option, value);
        }
        VaultCommand root = new VaultCommand(io);
        root.vaultDir = values.remove("--vault");
        root.identityFile = values.remove("-i");
        root.debug = debug;
        Callable<Integer> command = wordCount > 0 && words[0].equals("get")
                ? get(root, words, wordCount, values) : guardCheck(root, words, wordCount, values);
        return command == null ? null : new Parsed(root, command);
    }

    /** Whether the words read so far can still make {@code get NAME} or {@code guard check}. */
    private static boolean wordsSoFarFit(String[] words, int count) {
        switch (words[0]) {
            case "get":
                return count <= 2;
            case "guard":
                return count == 1 || count == 2 && words[1].equals("check");
            default:
                return false;
        }
    }

    /** The canonical name of an option allowed at this point (globals anywhere, others after their command). */
    private static String optionOf(String name, String[] words, int wordCount) {
        String global = GLOBAL.get(name);
        if (global != null) {
            return global;
        }
        if (wordCount >= 1 && words[0].equals("get")) {
            return GET.get(name);
        }
        return wordCount == 2 ? GUARD_CHECK.get(name) : null;
    }

    private static GetCommand get(VaultCommand root, String[] words, int wordCount, Map<String, String> values) {
        if (wordCount != 2) {
            return null;
        }
        GetCommand get = new GetCommand();
        get.root = root;
        get.name = words[1];
        get.purpose = values.get("--purpose");
        get.output = values.get("-o");
        String version = values.get("--version");
        if (version != null) {
            if (!isSmallNumber(version)) {
                return null;
            }
            get.version = Integer.valueOf(version);
        }
        return get;
    }

    /** One to nine digits: what picocli reads as the same Integer (a sign or a larger number goes to picocli). */
    private static boolean isSmallNumber(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static GuardCheckCommand guardCheck(VaultCommand root, String[] words, int wordCount,
            Map<String, String> values) {
        if (wordCount != 2 || !words[0].equals("guard") || values.size() != 1) {
            return null;
        }
        GuardCommand guard = new GuardCommand();
        guard.root = root;
        GuardCheckCommand check = new GuardCheckCommand();
        check.guard = guard;
        check.mode = new GuardCheckCommand.Mode();
        check.mode.command = values.get("--command");
        check.mode.hook = values.get("--hook");
        return check;
    }

    /** A command line as the fast path understood it. */
    static final class Parsed {
        final VaultCommand root;
        final Callable<Integer> command;

        Parsed(VaultCommand root, Callable<Integer> command) {
            this.root = root;
            this.command = command;
        }
    }
}
