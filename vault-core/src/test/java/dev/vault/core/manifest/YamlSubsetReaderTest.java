package dev.vault.core.manifest;

import dev.vault.core.VaultException;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The subset reader gives the full reader's tree (every node, text, token type, line, column and end line)
 * or nothing: never another tree, and nothing for any text the full reader refuses, so a manifest reads, and
 * fails, exactly as it did with Jackson's YAML parser alone.
 */
class YamlSubsetReaderTest {
    private static final String ALICE = "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq";
    private static final String BOB = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj";

    /** What vault init writes. */
    private static final String INITIAL = "# Purpose manifest of this vault: what each secret is for and who holds which key.\n"
            + "# It holds no secret values and is safe to commit. The vault adds entries here;\n"
            + "# your comments and edits elsewhere are kept.\n"
            + "version: 1\n"
            + "\n"
            + "# Who can decrypt: name -> age recipient (public key). One identity per person or agent.\n"
            + "identities:\n"
            + "  alice:\n"
            + "    recipient: " + ALICE + "\n"
            + "\n"
            + "# Secret name -> what it is for, and the variable `vault exec` sets from it.\n"
            + "secrets: {}\n";

    /** Every construct of the subset once. */
    private static final String EVERY_CONSTRUCT = "version: 1   # the format\n"
            + "identities:\n"
            + "  alice:\n"
            + "    recipient: " + ALICE + "\n"
            + "    note: \"caf\u00e9 \\\"quoted\\\" back\\\\slash \\u00e9 tab\\t nl\\n # not a comment\"\n"
            + "  bob.b_2-x:\n"
            + "      recipient: '" + BOB + "'\n"
            + "      note: 'it''s bob'   # single quotes\n"
            + "groups:\n"
            + "  backend: [alice, 'bob.b_2-x', \"x y\" , plain words ]\n"
            + "  empty: []\n"
            + "  ops:\n"
            + "  - alice\n"
            + "  -   \"bob.b_2-x\"   # indentless\n"
            + "admins:\n"
            + "    - alice\n"
            + "\n"
            + "    - bob\n"
            + "post_quantum: false\n"
            + "secrets:\n"
            + "  db/password:\n"
            + "    purpose: primary PostgreSQL database, app user (v2) ; see http://wiki/db?x=1 & more!\n"
            + "    owner: team-data   \n"
            + "    readers: [backend]\n"
            + "    consumers: [deploy/migrate.sh, \"api service\"]\n"
            + "    env: DB_PASSWORD\n"
            + "    rotate_every: 90d\n"
            + "    rotated: 2026-10-01\n"
            + "    tags: [prod, 0, 12345, true]\n"
            + "    post_quantum: true\n"
            + "  other: {}\n"
            + "# the end\n";

    private static String example() throws Exception {
        return Files.readString(Path.of("..", "manifest.example.yaml"));
    }

    /** The tree as text, every field of every node; two trees are the same when these are equal. */
    static String render(YamlNode node) {
        StringBuilder out = new StringBuilder();
        render(node, out);
        return out.toString();
    }

    private static void render(YamlNode node, StringBuilder out) {
        if (node == null) {
            out.append("null");
            return;
        }
        out.append(node.getClass().getSimpleName()).append('@').append(node.line).append(':').append(node.column)
                .append('-').append(node.endLine);
        if (node instanceof YamlNode.Scalar) {
            YamlNode.Scalar scalar = (YamlNode.Scalar) node;
            out.append(' ').append(scalar.type).append(" \"").append(scalar.text).append('"');
        } else if (node instanceof YamlNode.Mapping) {
            YamlNode.Mapping mapping = (YamlNode.Mapping) node;
            out.append(mapping.flow ? " flow {" : " {");
            for (YamlNode.Entry entry : mapping.entries) {
                out.append(" \"").append(entry.key).append("\"@").append(entry.line).append(':').append(entry.column)
                        .append(" = ");
                render(entry.value, out);
                out.append(',');
            }
            out.append('}');
        } else {
            YamlNode.Sequence sequence = (YamlNode.Sequence) node;
            out.append(sequence.flow ? " flow [" : " [");
            for (YamlNode item : sequence.items) {
                render(item, out);
                out.append(',');
            }
            out.append(']');
        }
    }

    /** The full reader's tree, or "refused: …". */
    private static String full(String text) {
        try {
            return render(YamlTreeReader.read(text));
        } catch (YamlException | RuntimeException e) {
            return "refused: " + e.getMessage();
        }
    }

    /** The subset reader agrees with the full reader, or declines; true when it took the text. */
    private static boolean agrees(String text) {
        YamlNode subset = YamlSubsetReader.read(text);
        if (subset != null) {
            assertEquals(full(text), render(subset), text);
        }
        return subset != null;
    }

    @TestFactory
    Stream<DynamicTest> manifestsAsVaultWritesThemAndAsTheExampleShowsAreTakenAndReadAsTheFullReaderReadsThem()
            throws Exception {
        return Stream.of(
                        new String[] {"manifest.example.yaml", example()},
                        new String[] {"vault init's manifest", INITIAL},
                        new String[] {"every construct of the subset", EVERY_CONSTRUCT},
                        new String[] {"no newline at the end", "version: 1\nsecrets: {}"},
                        new String[] {"an indented root", "  version: 1\n  secrets: {}\n"},
                        new String[] {"indented by one more", "version: 1\nsecrets:\n  a:\n   b: c\n"})
                .map(c -> DynamicTest.dynamicTest(c[0], () -> {
                    assertTrue(agrees(c[1]), "the subset reader took it");
                }));
    }

    @Test
    void theTreeIsTheFullReadersDownToLinesColumnsAndTokenTypes() {
        assertEquals("Mapping@1:1-9 { \"version\"@1:1 = Scalar@1:10-1 VALUE_NUMBER_INT \"1\","
                        + " \"secrets\"@2:1 = Mapping@3:3-9 { \"a\"@3:3 = Mapping@4:5-9 {"
                        + " \"purpose\"@4:5 = Scalar@4:14-4 VALUE_STRING \"x y\","
                        + " \"readers\"@5:5 = Sequence@5:14-5 flow [Scalar@5:15-5 VALUE_STRING \"alice\",Scalar@5:22-5 VALUE_STRING \"b\",],"
                        + " \"tags\"@6:5 = Sequence@7:7-9 [Scalar@7:9-7 VALUE_TRUE \"true\",Scalar@9:9-9 VALUE_STRING \"z\",],},},}",
                render(YamlSubsetReader.read("version: 1\nsecrets:\n  a:\n    purpose: \"x y\"\n    readers: [alice, b]\n"
                        + "    tags:\n      - true\n      # c\n      - 'z'\n\n# end\n")));
    }

    /** Valid YAML the subset does not take (or cannot type for certain): the full reader reads it. */
    @TestFactory
    Stream<DynamicTest> yamlOutsideTheSubsetIsLeftToTheFullReader() {
        String head = "version: 1\nsecrets:\n  a:\n    purpose: ";
        return Stream.of(
                        "yes", "No", "off", "ON", "null", "Null", "~", "-1", "+1", ".5", "0x1F", "017", "1_000", "1.5",
                        "1e3", "12:30", ".inf", "2026-1-1", "3rd", "caf\u00e9", "\"line\n      two\"", "|\n      block",
                        ">-\n      folded", "&anchor x", "*alias", "!!str 5", "a#b", "\"\\x41\"", "\"\\/\"",
                        "plain\n      continued", "[a,\n      b]", "[a, [b]]", "{a: b}", "[a, b,]", "'multi\n      line'",
                        "\"\\ud83d\\ude00\"", "\"\\u00e\u0669\"", "\"\\u00\uff21\uff21\"", "x\u00a0y", "it's: here", "`cmd`", "@at", "%percent", "a: b",
                        "[a?b]", "[a:b]", "[it's]", "\"a\"b", "\"a\"#c")
                .map(value -> DynamicTest.dynamicTest(value.replace("\n", "\\n"), () -> {
                    String text = head + value + "\n";
                    assertNull(YamlSubsetReader.read(text), "the subset reader declined it");
                    agrees(text);
                }));
    }

    @TestFactory
    Stream<DynamicTest> layoutsOutsideTheSubsetAreLeftToTheFullReader() {
        return Stream.of(
                        "", "# only a comment\n", "---\nversion: 1\n", "version: 1\n...\n", "%YAML 1.1\n---\nversion: 1\n",
                        "version: 1\r\nsecrets: {}\r\n", "version:\t1\n", "\ufeffversion: 1\n", "version: 1\nversion: 1\n",
                        "version: 1\nsecrets:\n", "version: 1\nsecrets:\n# nothing\n", "- a\n- b\n", "plain text\n",
                        "version: 1\n  secrets: {}\n", "  version: 1\nsecrets: {}\n",
                        "\"version\": 1\n", "? version\n: 1\n", "version : 1\n", "version:1\n", "v: [a]x\n", "v: {} x\n",
                        "v:\n  - a\n   - b\n", "v:\n  -\n    a\n", "v:\n  - a: b\n", "v:\n  - [a]\n", "v:\n- a\n  - b\n",
                        "v: a\n  b\n", "k" + "x".repeat(1100) + ": v\n", "v: x\u2028y\n", "v: \"x\u0085y\"\n",
                        "v: 1\n\u0007\n", "<<: {}\n")
                .map(text -> DynamicTest.dynamicTest("[" + text.replace("\n", "\\n").replace("\r", "\\r") + "]", () -> {
                    assertNull(YamlSubsetReader.read(text), "the subset reader declined it");
                    agrees(text);
                }));
    }

    /**
     * Thousands of small changes to manifests (characters, lines, indentation, tricky values): whatever the
     * subset reader takes, it reads as the full reader does, and it takes nothing the full reader refuses.
     */
    @Test
    void mutatedManifestsAreReadAsTheFullReaderReadsThemOrLeftToIt() throws Exception {
        List<String> seeds = List.of(example(), INITIAL, EVERY_CONSTRUCT);
        SplittableRandom random = new SplittableRandom(20261122L);
        int taken = 0;
        int refusedByBoth = 0;
        int variants = 10000;
        for (int i = 0; i < variants; i++) {
            String text = seeds.get(random.nextInt(seeds.size()));
            for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
                text = mutate(text, random);
            }
            boolean took = agrees(text);
            taken += took ? 1 : 0;
            refusedByBoth += !took && full(text).startsWith("refused") ? 1 : 0;
        }
        assertTrue(taken > variants / 10, "the mutations left the subset often enough to matter: " + taken);
        assertTrue(refusedByBoth > variants / 10, "and broke the YAML often enough to matter: " + refusedByBoth);
    }

    private static final String[] CHARACTERS = {" ", "\n", ":", "-", "#", "'", "\"", "[", "]", "{", "}", ",", "?",
        "!", "&", "*", "|", ">", "\\", "\t", "\u00e9", "0", "1", "9", "y", "n", "t", "o", ".", "~", "@", "`", "%",
        "x", "\r", "/", "_", "  ", ": ", "- ", " #", "\\u", "\\u00", "\u0669", "\uff21", "\u00a0", "\u2028", "\ud83d"};
    private static final String[] VALUES = {"yes", "no", "on", "off", "null", "~", "0x1F", "0o17", "012", "1_000",
        "1.5", ".inf", "-1", "+1", "12:30", "2026-10-01", "2026-1-1", "2026-13-45", "1e3", "90d", "0", "007", "true",
        "True", "FALSE", "\"\"", "''", "'it''s'", "\"a\\\"b\"", "\"\\u00e9\"", "\"\\u12\"", "caf\u00e9", "[]", "{}",
        "[a, b]", "[a,b,]", "[ a , 'b' ,\"c\" ]", "{a: b}", "&x a", "*x", "!!str 5", "|", ">-", "a b  c", "a:b",
        "http://x/y?z=1", "a, b", "[a b]", "[\"x\", y]", "", " ", "#", "- a", "x # y", "x #y", "x# y",
        "\"\\u0041\"", "\"\\u00e9\\u0669\"", "\"\\x41\"", "\"\\/\"", "\"a\\ b\"", "\"\\t\\n\\\\\"", "'a''b'''"};

    private static String mutate(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int row = random.nextInt(lines.size());
        String line = lines.get(row);
        switch (random.nextInt(7)) {
            case 0: {   // replace a character
                if (line.isEmpty()) {
                    return text;
                }
                int at = random.nextInt(line.length());
                lines.set(row, line.substring(0, at) + pick(CHARACTERS, random) + line.substring(at + 1));
                break;
            }
            case 1: {   // insert characters
                int at = random.nextInt(line.length() + 1);
                lines.set(row, line.substring(0, at) + pick(CHARACTERS, random) + line.substring(at));
                break;
            }
            case 2: {   // delete a character
                if (line.isEmpty()) {
                    return text;
                }
                int at = random.nextInt(line.length());
                lines.set(row, line.substring(0, at) + line.substring(at + 1));
                break;
            }
            case 3:     // duplicate a line
                lines.add(row, line);
                break;
            case 4:     // delete a line
                lines.remove(row);
                break;
            case 5: {   // indent or dedent a line
                int change = random.nextInt(5) - 2;
                lines.set(row, change >= 0 ? " ".repeat(change) + line
                        : line.substring(Math.min(-change, line.length() - line.stripLeading().length())));
                break;
            }
            default: {  // a tricky value after a key
                int colon = line.indexOf(": ");
                if (colon < 0) {
                    return text;
                }
                lines.set(row, line.substring(0, colon + 2) + pick(VALUES, random));
            }
        }
        return String.join("\n", lines);
    }

    private static String pick(String[] choices, SplittableRandom random) {
        return choices[random.nextInt(choices.length)];
    }

    @Test
    void theManifestReaderReadsATextOfTheSubsetAndStillReportsYamlErrorsAsBefore() throws Exception {
        String text = "version: 1\n"
                + "identities:\n"
                + "  alice:\n"
                + "    recipient: " + ALICE + "\n"
                + "    note: \"caf\u00e9 \\\"quoted\\\" \\u00e9 # not a comment\"\n"
                + "  bob:\n"
                + "    recipient: '" + BOB + "'\n"
                + "groups:\n"
                + "  team: [alice, 'bob']\n"
                + "secrets:\n"
                + "  db/password:\n"
                + "    purpose: primary database, app user\n"
                + "    readers:\n"
                + "    - team\n"
                + "    consumers: [deploy/migrate.sh, \"api service\"]\n"
                + "    rotate_every: 90d\n"
                + "    rotated: 2026-10-01\n";
        assertNotNull(YamlSubsetReader.read(text), "in the subset");
        Manifest manifest = ManifestReader.read(text, "m");
        assertEquals("caf\u00e9 \"quoted\" \u00e9 # not a comment", manifest.identities().get(0).note());
        Manifest.SecretEntry secret = manifest.secret(dev.vault.core.SecretName.of("db/password")).orElseThrow();
        assertEquals("primary database, app user", secret.purpose());
        assertEquals(List.of("team"), secret.readers());
        assertEquals(List.of("deploy/migrate.sh", "api service"), secret.consumers());
        assertEquals(java.time.LocalDate.of(2027, 1, 1), secret.rotationDue().plusDays(2));
        VaultException broken = org.junit.jupiter.api.Assertions.assertThrows(VaultException.class,
                () -> ManifestReader.read("version: 1\nsecrets: [\n", "manifest.yaml"));
        assertTrue(broken.getMessage().startsWith("manifest.yaml:2:11: not valid YAML"), broken.getMessage());
    }
}
