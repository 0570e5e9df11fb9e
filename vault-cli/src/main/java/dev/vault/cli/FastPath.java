package dev.vault.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code vault get}, {@code vault exec} and {@code vault guard check --command|--hook [--json]} without picocli: they
 * run in deploy scripts and before every command an agent types, so they are start-up bound. picocli's model of a
 * command is built by reflection (about 120 ms with C1 on this machine) and its classes, compiled for
 * Java 5, cannot go into a CDS or AOT class cache; see docs/benchmarks.md.
 *
 * <p>Only plain command lines are taken here, each setting the same fields picocli would (a test checks
 * both against each other). Anything else returns null and picocli parses it, with its own help and
 * errors: {@code --help}, an {@code @file} argument, {@code --} (but exec's), an unknown, clustered or
 * repeated option,
 * a missing value, or a value that starts with {@code -} or is a command's name.
 */
final class FastPath {
    private static final Map<String, String> GLOBAL = Map.of("--vault", "--vault", "-i", "-i", "--identity", "-i");
    private static final Map<String, String> GET = Map.of("--version", "--version", "--purpose", "--purpose",
            "-o", "-o", "--output", "-o");
    private static final Map<String, String> EXEC = Map.of("--purpose", "--purpose", "--only", "--only",
            "--keep-env", "--keep-env");
    private static final Map<String, String> GUARD_CHECK = Map.of("--command", "--command", "--hook", "--hook");
    /**
     * The names of vault's commands and of guard's. picocli refuses an option value that names a command
     * where one could follow ({@code vault -i get list}); these go to picocli wherever they appear. The same
     * set as {@link Subcommands}, which loads every command class (a test checks that they agree).
     */
    static final Set<String> COMMAND_NAMES = Set.of("init", "identity", "set", "import", "rotate", "get", "list",
            "history", "rm", "purge", "grant", "revoke", "rekey", "doctor", "exec", "fingerprint", "check-env",
            "which", "audit", "guard", "redact", "demo", "completion", "check", "install");

    /** Between the names of exec's --only and --keep-env; repeating the option adds more. */
    private static final char SEPARATOR = ',';

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
            if (arg.startsWith("@")) {
                return null;
            }
        }
        Map<String, String> values = new HashMap<>();
        String[] words = new String[3];
        int wordCount = 0;
        boolean debug = false;
        boolean noMask = false;
        boolean json = false;
        List<String> execCommand = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (wordCount == 1 && words[0].equals("exec") && (arg.equals("--") || !isOption(arg))) {
                // exec stops at its command: the rest, options or not, is the command's own
                execCommand = List.of(args).subList(arg.equals("--") ? i + 1 : i, args.length);
                break;
            }
            if (arg.equals("--")) {
                return null;
            }
            if (!isOption(arg)) {
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
            if (arg.equals("--no-mask") && wordCount == 1 && words[0].equals("exec")) {
                if (noMask) {
                    return null;
                }
                noMask = true;
                continue;
            }
            if (arg.equals("--json") && wordCount == 2 && words[0].equals("guard")) {
                if (json) {
                    return null;
                }
                json = true;
                continue;
            }
            int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String option = optionOf(name, words, wordCount);
            boolean repeatable = option != null && (option.equals("--only") || option.equals("--keep-env"));
            if (option == null || values.containsKey(option) && !repeatable) {
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
            String before = values.get(option);
            values.put(option, before == null ? value : before + SEPARATOR + value);
        }
        VaultCommand root = new VaultCommand(io);
        root.vaultDir = values.remove("--vault");
        root.identityFile = values.remove("-i");
        root.debug = debug;
        Callable<Integer> command;
        if (wordCount > 0 && words[0].equals("get")) {
            command = get(root, words, wordCount, values);
        } else if (wordCount > 0 && words[0].equals("exec")) {
            command = exec(root, values, noMask, execCommand);
        } else {
            command = guardCheck(root, words, wordCount, values, json);
        }
        return command == null ? null : new Parsed(root, command);
    }

    /** Whether the words read so far can still make {@code get NAME} or {@code guard check}. */
    private static boolean wordsSoFarFit(String[] words, int count) {
        switch (words[0]) {
            case "get":
                return count <= 2;
            case "exec":
                return count == 1;
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
        if (wordCount == 1 && words[0].equals("exec")) {
            return EXEC.get(name);
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

    private static boolean isOption(String arg) {
        return arg.length() >= 2 && arg.charAt(0) == '-';
    }

    /**
     * {@code exec}: {@code --only} and {@code --keep-env} take comma-separated names and may be repeated, as
     * picocli reads them; an empty name among them goes to picocli.
     */
    private static ExecCommand exec(VaultCommand root, Map<String, String> values, boolean noMask,
            List<String> command) {
        if (command == null || command.isEmpty()) {
            return null;
        }
        ExecCommand exec = new ExecCommand();
        exec.root = root;
        exec.purpose = values.get("--purpose");
        exec.noMask = noMask;
        exec.only = names(values.get("--only"));
        exec.keepEnv = names(values.get("--keep-env"));
        exec.command = new ArrayList<>(command);
        if (values.containsKey("--only") && exec.only == null
                || values.containsKey("--keep-env") && exec.keepEnv == null) {
            return null;
        }
        return exec;
    }

    /**
     * The names of a repeatable, comma-separated option; null when absent, when any name is empty, or when
     * a quote is in it (picocli does not split inside quotes).
     */
    private static List<String> names(String joined) {
        if (joined == null || joined.indexOf('"') >= 0) {
            return null;
        }
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int comma = joined.indexOf(SEPARATOR); ; comma = joined.indexOf(SEPARATOR, start)) {
            String name = joined.substring(start, comma < 0 ? joined.length() : comma);
            if (name.isEmpty()) {
                return null;
            }
            names.add(name);
            if (comma < 0) {
                return names;
            }
            start = comma + 1;
        }
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
            Map<String, String> values, boolean json) {
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
        check.json = json;
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
