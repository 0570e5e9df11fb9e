package dev.vault.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@link FastPath} parses {@code get} and {@code guard check} without picocli: every line it takes must set
 * exactly the fields picocli sets for it, and every line it cannot take the same way goes to picocli.
 */
class FastPathTest {
    @TempDir
    Path work;

    private static final List<List<String>> TAKEN = List.of(
            List.of("get", "a"),
            List.of("get", "db/password", "--purpose", "deploy to prod"),
            List.of("--vault", "v", "get", "x"),
            List.of("get", "x", "--vault", "v"),
            List.of("-i", "id.txt", "get", "x", "-o", "out.txt"),
            List.of("--identity=id.txt", "get", "--version", "3", "x"),
            List.of("--identity", "id.txt", "get", "x", "--version=007"),
            List.of("get", "--purpose=", "x"),
            List.of("get", "--purpose=a=b", "x"),
            List.of("--debug", "get", "x", "--output=f"),
            List.of("get", "x", "--debug"),
            List.of("guard", "check", "--command", "cat .env | grep KEY"),
            List.of("guard", "check", "--hook", "claude-code"),
            List.of("guard", "check", "--hook", "nobody-knows"),
            List.of("--vault", "d", "guard", "check", "--hook=codex", "-i", "k"),
            List.of("guard", "--vault", "d", "check", "--command", "ls"),
            List.of("guard", "check", "--command=", "--debug"),
            List.of("guard", "check", "--command", "vault get x"),
            List.of("guard", "check", "--command", "cat .env", "--json"),
            List.of("guard", "check", "--json", "--command=ls"),
            List.of("--vault", "d", "guard", "check", "--json", "--debug", "--command", "ls"),
            List.of("guard", "check", "--hook", "claude-code", "--json"),
            List.of("exec", "--", "env"),
            List.of("exec", "npm", "test"),
            List.of("exec", "--only", "A,B", "--only", "C", "--keep-env=PATH", "--", "sh", "-c", "echo $A"),
            List.of("--vault", "v", "exec", "--purpose", "deploy", "--no-mask", "make", "--debug", "-i", "x", "--"),
            List.of("exec", "-i", "id.txt", "--debug", "./deploy.sh", "--only", "x"),
            List.of("exec", "--", "--only", "x"),
            List.of("exec", "--", "--"),
            List.of("exec", "get", "x"));

    private static final List<List<String>> DECLINED = List.of(
            List.of(),
            List.of("get"),
            List.of("get", "a", "b"),
            List.of("get", "--help"),
            List.of("get", "-h", "x"),
            List.of("--help"),
            List.of("--version"),
            List.of("get", "x", "--purpose"),
            List.of("get", "x", "--purpose", "-p"),
            List.of("get", "@args.txt"),
            List.of("@args.txt"),
            List.of("get", "x", "--purpose", "@why.txt"),
            List.of("get", "--", "x"),
            List.of("get", "-x"),
            List.of("get", "x", "--version", "-1"),
            List.of("get", "x", "--version", "+1"),
            List.of("get", "x", "--version", "1e3"),
            List.of("get", "x", "--version", "9999999999"),
            List.of("get", "x", "--version", ""),
            List.of("get", "x", "--purpose", "a", "--purpose", "b"),
            List.of("--vault", "a", "get", "x", "--vault", "b"),
            List.of("get", "x", "-ofile"),
            List.of("-i=id", "get", "x"),
            List.of("-iid", "get", "x"),
            List.of("--debug", "--debug", "get", "x"),
            List.of("--debug=true", "get", "x"),
            List.of("--purpose", "x", "get", "y"),
            List.of("get", "x", "--command", "y"),
            List.of("Get", "x"),
            List.of("list"),
            List.of("guard"),
            List.of("guard", "check"),
            List.of("guard", "check", "--batch", "f"),
            List.of("guard", "check", "--batch", "f", "--json"),
            List.of("guard", "check", "--json"),
            List.of("guard", "check", "--command", "ls", "--json", "--json"),
            List.of("guard", "check", "--command", "ls", "--json=true"),
            List.of("guard", "check", "--command", "--json"),
            List.of("guard", "--json", "check", "--command", "ls"),
            List.of("--json", "guard", "check", "--command", "ls"),
            List.of("get", "x", "--json"),
            List.of("exec", "--json", "env"),
            List.of("guard", "check", "--command", "a", "--hook", "b"),
            List.of("guard", "check", "--command", "a", "--command", "b"),
            List.of("guard", "check", "--command", "-x"),
            List.of("guard", "check", "--command", "ls", "extra"),
            List.of("guard", "check", "--purpose", "x", "--command", "y"),
            List.of("guard", "--command", "x", "check"),
            List.of("guard", "install", "claude-code"),
            List.of("check", "--command", "x"),
            List.of("--vault=get", "get", "list"),
            List.of("-i", "get", "list"),
            List.of("get", "x", "--purpose", "get"),
            List.of("guard", "--vault", "check", "check", "--command", "x"),
            List.of("guard", "check", "--command", "install"),
            List.of("exec"),
            List.of("exec", "--"),
            List.of("exec", "--only", "A,,B", "env"),
            List.of("exec", "--only", "A,", "env"),
            List.of("exec", "--only", "\"A,B\"", "env"),
            List.of("exec", "--keep-env", "X,\"Y\"", "env"),
            List.of("exec", "--only=", "env"),
            List.of("exec", "--purpose", "a", "--purpose", "b", "env"),
            List.of("exec", "--no-mask", "--no-mask", "env"),
            List.of("exec", "--no-mask=true", "env"),
            List.of("exec", "--help", "env"),
            List.of("exec", "curl", "-d", "@body.json"),
            List.of("--no-mask", "exec", "env"),
            List.of("get", "x", "--no-mask"));

    @TestFactory
    Stream<DynamicTest> takesPlainLinesExactlyAsPicocliParsesThem() {
        return TAKEN.stream().map(args -> DynamicTest.dynamicTest(String.join(" ", args), () -> {
            String[] argv = args.toArray(String[]::new);
            FastPath.Parsed fast = FastPath.parse(io(), argv);
            assertNotNull(fast, "the fast path takes it");
            VaultCommand root = new VaultCommand(io());
            CommandLine.ParseResult parsed = Cli.commandLine(root, argv).parseArgs(argv);
            assertEquals(fields(root, parsed), fields(fast.root, fast.command));
        }));
    }

    @TestFactory
    Stream<DynamicTest> leavesEverythingElseToPicocli() {
        return DECLINED.stream().map(args -> DynamicTest.dynamicTest(args.isEmpty() ? "(no arguments)" : String.join(" ", args),
                () -> assertNull(FastPath.parse(io(), args.toArray(String[]::new)))));
    }

    @org.junit.jupiter.api.Test
    void knowsTheNamesOfEveryCommand() {
        java.util.Set<String> names = new java.util.HashSet<>(Subcommands.BY_NAME.keySet());
        names.addAll(List.of("check", "install"));
        assertEquals(names, FastPath.COMMAND_NAMES);
        assertEquals(java.util.Set.of("check", "install"),
                new CommandLine(GuardCommand.class).getSubcommands().keySet());
    }

    /** The fields a parse sets, by name, from picocli's parse result. */
    private static List<String> fields(VaultCommand root, CommandLine.ParseResult parsed) {
        CommandLine.ParseResult command = parsed.subcommand();
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        return fields(root, command.commandSpec().userObject());
    }

    /** The fields a parse sets, by name: the global options, then the command's own. */
    private static List<String> fields(VaultCommand root, Object command) {
        List<String> fields = new ArrayList<>(List.of(command.getClass().getSimpleName(),
                "vault=" + root.vaultDir, "identity=" + root.identityFile, "debug=" + root.debug));
        if (command instanceof GetCommand) {
            GetCommand get = (GetCommand) command;
            fields.addAll(List.of("name=" + get.name, "version=" + get.version, "purpose=" + get.purpose,
                    "output=" + get.output, "root=" + (get.root == root)));
        } else if (command instanceof ExecCommand) {
            ExecCommand exec = (ExecCommand) command;
            fields.addAll(List.of("only=" + exec.only, "keep=" + exec.keepEnv, "purpose=" + exec.purpose,
                    "noMask=" + exec.noMask, "command=" + exec.command, "root=" + (exec.root == root)));
        } else {
            GuardCheckCommand check = (GuardCheckCommand) command;
            fields.addAll(List.of("command=" + check.mode.command, "hook=" + check.mode.hook,
                    "batch=" + check.mode.batch, "json=" + check.json, "root=" + (check.guard.root == root)));
        }
        return fields;
    }

    private Io io() {
        return Io.of(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), Map.of(), work);
    }
}
