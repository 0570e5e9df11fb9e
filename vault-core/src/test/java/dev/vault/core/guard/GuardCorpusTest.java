package dev.vault.core.guard;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The labelled corpus of issue 5: every command in guard/deny.txt is denied by one of the rules it names,
 * and at most 1% of the commands in guard/allow.txt are denied.
 *
 * <p>The format: one entry per line, {@code RULE<TAB>COMMAND} in deny.txt (RULE is a rule id, or several
 * joined by {@code |}, any of which is right) and {@code COMMAND} in allow.txt. Blank lines and lines that
 * start with {@code #} are ignored. A command of several lines is {@code >>>} on its own line (after
 * {@code RULE<TAB>} in deny.txt), the command's lines verbatim (blank and {@code #} lines included), then
 * {@code <<<} on its own line. Anything else fails the whole corpus with the file and line.
 */
class GuardCorpusTest {
    static final GuardContext CONTEXT = new GuardContext(
            Path.of("/home/dev"),
            Path.of("/home/dev/project"),
            Set.of("DATABASE_URL", "STRIPE_KEY", "DEPLOY_HOOK", "PGPASSWORD", "SLACK_WEBHOOK"),
            Set.of("db/url", "stripe/key", "deploy/hook", "pg/password", "slack/webhook"),
            List.of(Path.of("/home/dev/.config/vault/identity.txt"), Path.of("/home/dev/project/agent-identity.txt")),
            Path.of("/home/dev/project/.vault"));

    private static final Guard GUARD = Guard.of(CONTEXT);

    @TestFactory
    Stream<DynamicTest> everyMustDenyCommandIsDeniedByItsRule() {
        return Corpus.denies(resource("deny.txt")).stream().map(entry -> DynamicTest.dynamicTest(
                entry.displayName(), () -> {
                    Decision decision = GUARD.check(entry.command());
                    if (decision.allowed()) {
                        fail(entry.where() + ": allowed, expected a deny by " + String.join("|", entry.rules())
                                + "\n  command: " + entry.command());
                    }
                    if (!entry.rules().contains(decision.rule())) {
                        fail(entry.where() + ": denied by " + decision.rule() + ", expected "
                                + String.join("|", entry.rules()) + "\n  reason: " + decision.reason()
                                + "\n  command: " + entry.command());
                    }
                    assertFalse(decision.reason() == null || decision.reason().isBlank(),
                            entry.where() + ": a deny by " + decision.rule() + " without a reason");
                }));
    }

    @Test
    void atMostOnePercentOfMustAllowCommandsIsDenied() {
        List<Entry> allows = Corpus.allows(resource("allow.txt"));
        List<String> denied = new ArrayList<>();
        for (Entry entry : allows) {
            Decision decision = GUARD.check(entry.command());
            if (!decision.allowed()) {
                denied.add(entry.where() + ": denied by " + decision.rule() + " (" + decision.reason() + ")"
                        + "\n  command: " + entry.command());
            }
        }
        if (denied.size() * 100 > allows.size()) {
            fail(denied.size() + " of " + allows.size() + " must-allow commands denied (at most 1% may be):\n"
                    + String.join("\n", denied));
        }
    }

    @Test
    void theCorpusHasAtLeast150CommandsOfEachKind() {
        int denies = Corpus.denies(resource("deny.txt")).size();
        int allows = Corpus.allows(resource("allow.txt")).size();
        assertTrue(denies >= 150, "only " + denies + " must-deny commands");
        assertTrue(allows >= 150, "only " + allows + " must-allow commands");
    }

    @Test
    void noCommandIsBothMustDenyAndMustAllow() {
        Map<String, Entry> denied = new HashMap<>();
        for (Entry entry : Corpus.denies(resource("deny.txt"))) {
            denied.put(entry.command(), entry);
        }
        List<String> both = new ArrayList<>();
        for (Entry entry : Corpus.allows(resource("allow.txt"))) {
            if (denied.containsKey(entry.command())) {
                both.add(denied.get(entry.command()).where() + " and " + entry.where() + ": " + entry.command());
            }
        }
        assertEquals(List.of(), both);
    }

    private static Source resource(String name) {
        try (InputStream in = GuardCorpusTest.class.getResourceAsStream("/guard/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource guard/" + name);
            }
            return new Source(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One corpus file: its name (for messages) and its text. */
    record Source(String name, String text) {
    }

    /** One command of the corpus and where it is; {@code rules} is empty for a must-allow command. */
    record Entry(String file, int line, Set<String> rules, String command) {
        String where() {
            return file + ":" + line;
        }

        String displayName() {
            String shown = command.replace("\n", " ⏎ ").replace("\t", " ");
            return where() + " " + String.join("|", rules) + "  " + shown;
        }
    }

    /** A corpus file that does not follow the format. */
    static final class CorpusFormatException extends RuntimeException {
        CorpusFormatException(String message) {
            super(message);
        }
    }

    /** Reads the two corpus files. */
    static final class Corpus {
        static final Set<String> RULES = Set.of("secret-output", "key-material", "credential-file", "decrypt",
                "env-dump", "secret-variable", "interpreter-env", "credential-cli", "tracing", "unanalysable",
                "parse-error");
        static final String BEGIN = ">>>";
        static final String END = "<<<";

        private Corpus() {
        }

        static List<Entry> denies(Source source) {
            return read(source, true);
        }

        static List<Entry> allows(Source source) {
            return read(source, false);
        }

        private static List<Entry> read(Source source, boolean labelled) {
            String[] lines = source.text().split("\r?\n", -1);
            List<Entry> entries = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            int i = 0;
            while (i < lines.length) {
                String line = lines[i];
                int number = i + 1;
                i++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Set<String> rules = Set.of();
                String command = line;
                if (labelled) {
                    int tab = line.indexOf('\t');
                    if (tab < 0) {
                        throw error(source, number, "no tab between the rule and the command");
                    }
                    rules = rules(source, number, line.substring(0, tab));
                    command = line.substring(tab + 1);
                } else if (line.indexOf('\t') >= 0) {
                    throw error(source, number, "a tab in a must-allow command (a deny entry in the wrong file?)");
                }
                if (command.equals(END)) {
                    throw error(source, number, "\"" + END + "\" without \"" + BEGIN + "\"");
                }
                if (command.equals(BEGIN)) {
                    List<String> block = new ArrayList<>();
                    while (i < lines.length && !lines[i].equals(END)) {
                        block.add(lines[i]);
                        i++;
                    }
                    if (i == lines.length) {
                        throw error(source, number, "\"" + BEGIN + "\" without \"" + END + "\"");
                    }
                    i++;
                    command = String.join("\n", block);
                }
                if (command.isBlank()) {
                    throw error(source, number, "an empty command");
                }
                Integer earlier = seen.putIfAbsent(command, number);
                if (earlier != null) {
                    throw error(source, number, "the same command as line " + earlier);
                }
                entries.add(new Entry(source.name(), number, rules, command));
            }
            return List.copyOf(entries);
        }

        private static Set<String> rules(Source source, int number, String label) {
            Set<String> rules = new LinkedHashSet<>();
            for (String rule : label.split("\\|", -1)) {
                if (!RULES.contains(rule)) {
                    throw error(source, number, "unknown rule \"" + rule + "\"");
                }
                if (!rules.add(rule)) {
                    throw error(source, number, "rule \"" + rule + "\" twice");
                }
            }
            return rules;
        }

        private static CorpusFormatException error(Source source, int line, String what) {
            return new CorpusFormatException(source.name() + ":" + line + ": " + what);
        }
    }

    @Nested
    class ReaderTest {
        private List<Entry> denies(String text) {
            return Corpus.denies(new Source("deny.txt", text));
        }

        private List<Entry> allows(String text) {
            return Corpus.allows(new Source("allow.txt", text));
        }

        private void assertMalformed(String expected, Runnable read) {
            CorpusFormatException e = assertThrows(CorpusFormatException.class, read::run);
            assertEquals(expected, e.getMessage());
        }

        @Test
        void readsOneRuleAndTheCommandAfterTheFirstTab() {
            assertEquals(List.of(new Entry("deny.txt", 1, Set.of("env-dump"), "printenv\t| sort")),
                    denies("env-dump\tprintenv\t| sort\n"));
        }

        @Test
        void alternativesAreJoinedByABar() {
            Entry entry = denies("credential-file|unanalysable|key-material\tcat .e*").get(0);
            assertEquals(List.of("credential-file", "unanalysable", "key-material"), List.copyOf(entry.rules()));
            assertEquals("cat .e*", entry.command());
        }

        @Test
        void blankLinesAndCommentsAreSkippedAndLinesAreNumberedFromOne() {
            List<Entry> entries = allows("# listing\n\n   \nls -la\r\n# more\ngit status\n");
            assertEquals(List.of(new Entry("allow.txt", 4, Set.of(), "ls -la"),
                    new Entry("allow.txt", 6, Set.of(), "git status")), entries);
        }

        @Test
        void aBlockKeepsItsLinesVerbatimWithBlankAndCommentLines() {
            String text = "secret-variable\t>>>\ncat <<EOF\n# not a comment here\n\n  $STRIPE_KEY\nEOF\n<<<\n"
                    + "env-dump\tenv\n";
            List<Entry> entries = denies(text);
            assertEquals(new Entry("deny.txt", 1, Set.of("secret-variable"),
                    "cat <<EOF\n# not a comment here\n\n  $STRIPE_KEY\nEOF"), entries.get(0));
            assertEquals(new Entry("deny.txt", 8, Set.of("env-dump"), "env"), entries.get(1));
        }

        @Test
        void aBlockInTheAllowFile() {
            assertEquals(List.of(new Entry("allow.txt", 2, Set.of(), "for f in *.md; do\n  wc -l \"$f\"\ndone"),
                            new Entry("allow.txt", 7, Set.of(), "ls")),
                    allows("\n>>>\nfor f in *.md; do\n  wc -l \"$f\"\ndone\n<<<\nls\n"));
        }

        @Test
        void aHereStringIsNotTheEndOfABlock() {
            assertEquals("cat <<< \"$X\"\n<<< x", allows(">>>\ncat <<< \"$X\"\n<<< x\n<<<\n").get(0).command());
        }

        @Test
        void aDenyLineWithoutATabFails() {
            assertMalformed("deny.txt:2: no tab between the rule and the command",
                    () -> denies("env-dump\tenv\nenv-dump printenv\n"));
        }

        @Test
        void anUnknownRuleFails() {
            assertMalformed("deny.txt:1: unknown rule \"secret-outptu\"", () -> denies("secret-outptu\tvault get a\n"));
        }

        @Test
        void guardErrorIsNeverTheRightAnswer() {
            assertMalformed("deny.txt:1: unknown rule \"guard-error\"", () -> denies("guard-error\tls\n"));
        }

        @Test
        void anEmptyAlternativeFails() {
            assertMalformed("deny.txt:1: unknown rule \"\"", () -> denies("env-dump||tracing\tenv\n"));
            assertMalformed("deny.txt:1: unknown rule \"\"", () -> denies("\tenv\n"));
        }

        @Test
        void aRuleTwiceFails() {
            assertMalformed("deny.txt:1: rule \"env-dump\" twice", () -> denies("env-dump|env-dump\tenv\n"));
        }

        @Test
        void anEmptyCommandFails() {
            assertMalformed("deny.txt:1: an empty command", () -> denies("env-dump\t \n"));
            assertMalformed("allow.txt:1: an empty command", () -> allows(">>>\n\n<<<\n"));
        }

        @Test
        void anUnclosedBlockFails() {
            assertMalformed("deny.txt:2: \">>>\" without \"<<<\"", () -> denies("env-dump\tenv\ntracing\t>>>\nset -x\n"));
        }

        @Test
        void aStrayEndOfBlockFails() {
            assertMalformed("allow.txt:2: \"<<<\" without \">>>\"", () -> allows("ls\n<<<\n"));
            assertMalformed("deny.txt:1: \"<<<\" without \">>>\"", () -> denies("env-dump\t<<<\n"));
        }

        @Test
        void aTabInTheAllowFileFails() {
            assertMalformed("allow.txt:1: a tab in a must-allow command (a deny entry in the wrong file?)",
                    () -> allows("env-dump\tenv\n"));
        }

        @Test
        void aRepeatedCommandFails() {
            assertMalformed("allow.txt:3: the same command as line 1", () -> allows("ls\ngit status\nls\n"));
            assertMalformed("deny.txt:2: the same command as line 1", () -> denies("env-dump\tenv\ntracing\tenv\n"));
        }
    }
}
