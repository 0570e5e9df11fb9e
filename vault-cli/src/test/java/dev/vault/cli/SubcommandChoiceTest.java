package dev.vault.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Cli registers only the subcommand being run (a start-up saving); it must find it after any global option.
 * Every subcommand answers --help.
 */
class SubcommandChoiceTest {
    @Test
    void findsTheSubcommandAfterGlobalOptions() {
        assertEquals("get", Cli.subcommandOf(new String[] {"get", "db/password"}));
        assertEquals("get", Cli.subcommandOf(new String[] {"--vault", "dir", "get", "x"}));
        assertEquals("get", Cli.subcommandOf(new String[] {"--vault=dir", "--debug", "get", "x"}));
        assertEquals("audit", Cli.subcommandOf(new String[] {"-i", "id.txt", "audit", "verify"}));
        assertEquals("audit", Cli.subcommandOf(new String[] {"-iid.txt", "--identity=x", "audit", "verify"}));
    }

    @Test
    void registersAllWhenNoKnownSubcommandIsNamed() {
        assertNull(Cli.subcommandOf(new String[] {}));
        assertNull(Cli.subcommandOf(new String[] {"--help"}));
        assertNull(Cli.subcommandOf(new String[] {"--debug", "gte", "x"}));
        assertNull(Cli.subcommandOf(new String[] {"--vault"}));
    }

    @Test
    void anOptionValueThatIsACommandNameLeavesTheChoiceToPicocli() {
        assertNull(Cli.subcommandOf(new String[] {"-i", "get", "list"}));
        assertNull(Cli.subcommandOf(new String[] {"--vault", "get", "list"}));
        assertNull(Cli.subcommandOf(new String[] {"--vault=get", "list"}));
        assertNull(Cli.subcommandOf(new String[] {"-iget", "list"}));
    }

    @Test
    void everySubcommandAndAuditSubcommandPrintsItsHelp(@org.junit.jupiter.api.io.TempDir java.nio.file.Path work) {
        java.util.List<String[]> lines = new java.util.ArrayList<>();
        Subcommands.BY_NAME.keySet().forEach(name -> lines.add(new String[] {name, "--help"}));
        for (String audit : new String[] {"verify", "log", "checkpoint", "repair"}) {
            lines.add(new String[] {"audit", audit, "-h"});
        }
        for (String[] args : lines) {
            InProcessRun run = InProcessRun.of(java.util.Map.of(), work, "", args);
            String name = String.join(" ", java.util.Arrays.copyOf(args, args.length - 1));
            assertEquals(0, run.code(), name + ": " + run.err());
            assertEquals("Usage: vault " + name + " ", run.out().substring(0, ("Usage: vault " + name + " ").length()));
        }
    }
}
