package dev.vault.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Cli registers only the subcommand being run (a start-up saving); it must find it after any global option. */
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
}
