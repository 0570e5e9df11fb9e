package dev.vault.core.guard;

import dev.vault.core.guard.shell.ShellParser;
import dev.vault.core.guard.shell.ShellSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded random and truncated shell text: {@link Guard#check} never throws, always answers with a rule, and
 * denies whatever {@link ShellParser#parse} rejects.
 */
class GuardFuzzTest {
    private static final Guard GUARD = Guard.of(GuardCorpusTest.CONTEXT);
    private static final String ALPHABET = "abcxyz019 _-./~*?[]{}()<>|&;$`'\"\\=#!@%^:,+\n\t";
    private static final String[] TOKENS = {"cat ", ".env", " | ", "$(", ")", "`", "\"", "'", "${", "}", "<<EOF\n",
            "EOF\n", "<<<", " > ", " 2>&1", "&&", "||", ";", "(", "{ ", " }", "if ", "then ", "fi", "for x in ",
            "do ", "done", "case ", " in ", "esac", "sh -c ", "eval ", "vault get ", "db/url", "$STRIPE_KEY", "<(",
            ">(", "$((", "))", "[[ ", " ]]", "\\", "\n", "xargs ", "find . -exec ", " {} \\;", "env", "~/.ssh/id_rsa",
            "python3 -c ", "sudo ", "$'\\x41'", "{a,b}", "*", "function f ", "f() ", "!", "coproc "};

    @Test
    void randomTextNeverThrowsAndUnparsableTextIsDenied() {
        Random random = new Random(20240501L);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(3) == 0) {
                    text.append(TOKENS[random.nextInt(TOKENS.length)]);
                } else {
                    text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            checkOne(text.toString());
        }
    }

    @Test
    void everyTruncationOfTheCorpusNeverThrowsAndUnparsableTextIsDenied() throws IOException {
        List<String> commands = new ArrayList<>();
        for (GuardCorpusTest.Entry entry : GuardCorpusTest.Corpus.denies(resource("deny.txt"))) {
            commands.add(entry.command());
        }
        for (GuardCorpusTest.Entry entry : GuardCorpusTest.Corpus.allows(resource("allow.txt"))) {
            commands.add(entry.command());
        }
        for (String command : commands) {
            for (int end = 0; end <= command.length(); end++) {
                checkOne(command.substring(0, end));
                checkOne(command.substring(end));
            }
        }
    }

    @Test
    void deepNestingIsADenyNotACrash() {
        for (String unit : new String[]{"(", "$(", "{ ", "`", "sh -c '", "\"$(", "<(", "if true; then "}) {
            for (int depth : new int[]{10, 100, 1_000, 10_000}) {
                String text = unit.repeat(depth) + "cat .env";
                checkOne(text);
            }
        }
        Decision nested = GUARD.check("sh -c \"sh -c 'sh -c \\\"cat .env\\\"'\"");
        assertEquals("credential-file", nested.rule());
    }

    private static void checkOne(String text) {
        Decision decision;
        try {
            decision = GUARD.check(text);
        } catch (Throwable e) {
            fail("check threw " + e + " for: " + text);
            return;
        }
        assertNotNull(decision);
        assertNotNull(decision.rule());
        if (!decision.allowed()) {
            assertFalse(decision.reason() == null || decision.reason().isBlank(), "a deny without a reason: " + text);
            assertNotNull(decision.alternative(), "a deny without an alternative: " + text);
        }
        boolean parses;
        try {
            ShellParser.parse(text);
            parses = true;
        } catch (ShellSyntaxException e) {
            parses = false;
        } catch (Throwable e) {
            parses = false;
        }
        if (!parses && decision.allowed()) {
            fail("allowed text the parser rejects: " + text);
        }
    }

    private static GuardCorpusTest.Source resource(String name) throws IOException {
        try (InputStream in = GuardFuzzTest.class.getResourceAsStream("/guard/" + name)) {
            return new GuardCorpusTest.Source(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
