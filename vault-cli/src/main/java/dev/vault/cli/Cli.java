package dev.vault.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Builds the command line and turns failures into {@code vault: error:} lines and exit codes. */
public final class Cli {
    private Cli() {
    }

    /** Runs one vault command line with the given I/O and returns its exit code. */
    public static int run(Io io, String... args) {
        Integer fast = FastPath.run(io, args);
        if (fast != null) {
            return fast;
        }
        VaultCommand root = new VaultCommand(io);
        return commandLine(root, args).execute(args);
    }

    /** picocli's command line for {@code args}, with every setting {@link #run} uses (tests parse with it too). */
    static CommandLine commandLine(VaultCommand root, String[] args) {
        Io io = root.io;
        CommandLine commandLine = new CommandLine(root);
        String chosen = subcommandOf(args);
        for (Map.Entry<String, Class<?>> subcommand : Subcommands.BY_NAME.entrySet()) {
            if (chosen == null || chosen.equals(subcommand.getKey())) {
                commandLine.addSubcommand(subcommand.getKey(), subcommand.getValue());
            }
        }
        commandLine.getSubcommands().values().forEach(Cli::addHelpOption);
        commandLine.setOut(new PrintWriter(io.out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(io.err, true, StandardCharsets.UTF_8));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // an argument that starts with @ is itself, never the words of a file (picocli's default): the launcher
        // must see a `guard check --hook|--command` on its command line to fail it closed, and a command to check
        // given as @NAME is that text, not NAME's contents
        commandLine.setExpandAtFiles(false);
        commandLine.setParameterExceptionHandler(Cli::usageError);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> Failures.exitCode(e, root));
        if (commandLine.getSubcommands().containsKey("exec")) {
            commandLine.getSubcommands().get("exec").setStopAtPositional(true);
        }
        return commandLine;
    }

    /** {@code -h/--help} on a subcommand and on each of its own subcommands, as the root has it. */
    private static void addHelpOption(CommandLine command) {
        command.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        command.getSubcommands().values().forEach(Cli::addHelpOption);
    }

    /**
     * The subcommand named by {@code args} after the global options, if it is a known one; else null (then
     * all are registered, for help and for picocli's own errors). An option value that is itself a command
     * name also gives null, so that picocli parses, and refuses, {@code -i get list} as it always did.
     */
    static String subcommandOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--vault") || arg.equals("-i") || arg.equals("--identity")) {
                i++;
                if (i < args.length && Subcommands.BY_NAME.containsKey(args[i])) {
                    return null;
                }
            } else if (arg.startsWith("--vault=") || arg.startsWith("--identity=") || arg.startsWith("-i") && arg.length() > 2) {
                String value = arg.substring(arg.startsWith("-i") && !arg.startsWith("-i=") ? 2 : arg.indexOf('=') + 1);
                if (Subcommands.BY_NAME.containsKey(value)) {
                    return null;
                }
            } else if (!arg.equals("--debug")) {
                return Subcommands.BY_NAME.containsKey(arg) ? arg : null;
            }
        }
        return null;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        VaultCommand root = (VaultCommand) e.getCommandLine().getCommandSpec().root().userObject();
        err.print(Colour.of(root.io, Colour.STDERR).lines(
                "vault: error: " + lowerFirst(e.getMessage().replaceFirst("^Error: ", "")) + "\n"
                + "vault: hint: see `" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help`\n"));
        err.flush();
        return ExitCodes.USAGE;
    }

    static String lowerFirst(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
