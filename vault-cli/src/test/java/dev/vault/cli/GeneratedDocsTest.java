package dev.vault.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The completion scripts and man pages are generated from the commands in every build that runs the tests
 * ({@code mvn test}, {@code package}, {@code verify}), into vault-cli/target/generated-docs/ (by {@link GeneratedDocs},
 * in a JVM of its own), and docs/completion/ and docs/man/ must hold exactly those files, byte for byte: a command,
 * option or description changed without regenerating them fails here, naming each file and the command that
 * updates them.
 */
class GeneratedDocsTest {
    /** The committed copies, in the repository's docs/ (tests run in vault-cli/). */
    private static final Path DOCS = Path.of("..", "docs").toAbsolutePath().normalize();
    private static final Path GENERATED = Path.of("target", "generated-docs").toAbsolutePath();
    private static final Path ADOC = Path.of("target", "generated-docs-adoc").toAbsolutePath();
    private static final List<String> FOLDERS = List.of("completion", "man");
    /** Run from the repository's root after this test: it has just generated them. */
    static final String REGENERATE = "rm -rf docs/completion docs/man"
            + " && cp -R vault-cli/target/generated-docs/completion vault-cli/target/generated-docs/man docs/";

    @BeforeAll
    static void generate() throws Exception {
        delete(GENERATED);
        delete(ADOC);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), GeneratedDocs.class.getName(), GENERATED.toString(),
                ADOC.toString()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the generator did not finish");
        assertEquals(0, process.exitValue(), "the generator failed:\n" + output);
    }

    @Test
    void docsHoldExactlyTheGeneratedCompletionScriptsAndManPages() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String folder : FOLDERS) {
            TreeSet<String> names = new TreeSet<>(files(GENERATED.resolve(folder)));
            names.addAll(files(DOCS.resolve(folder)));
            for (String name : names) {
                Path generated = GENERATED.resolve(folder).resolve(name);
                Path committed = DOCS.resolve(folder).resolve(name);
                String shown = "docs/" + folder + "/" + name;
                if (!Files.exists(committed)) {
                    problems.add(shown + " is missing (the build generates it)");
                } else if (!Files.exists(generated)) {
                    problems.add(shown + " is no longer generated (no command makes it)");
                } else {
                    int line = firstDifference(Files.readAllBytes(generated), Files.readAllBytes(committed));
                    if (line > 0) {
                        problems.add(shown + " differs from what the build generates, first at line " + line
                                + " (the build's copy: vault-cli/target/generated-docs/" + folder + "/" + name + ")");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail("the completion scripts and man pages in docs/ are not those the commands generate now:\n  "
                    + String.join("\n  ", problems)
                    + "\nregenerate them: from the repository's root, after this test (it made them), run\n  "
                    + REGENERATE);
        }
    }

    @Test
    void everyCommandHasAManPageWithoutADate() throws IOException {
        List<String> expected = new ArrayList<>();
        pageNames(CompletionModel.of(Io.of(java.io.InputStream.nullInputStream(), System.out, System.err, Map.of(),
                GENERATED)), "vault", expected);
        List<String> pages = files(GENERATED.resolve("man"));
        assertEquals(new TreeSet<>(expected), new TreeSet<>(pages));
        assertTrue(pages.contains("man1/vault-audit-verify.1") && pages.contains("man1/vault-completion.1"), pages.toString());
        String page = Files.readString(GENERATED.resolve("man/man1/vault-audit-verify.1"));
        assertTrue(page.contains("\n.TH \"VAULT\\-AUDIT\\-VERIFY\" \"1\" \"\" \"vault 0.1.0\" \"Vault Manual\"\n"), page);
        assertTrue(page.contains("\n.SH \"NAME\"\nvault-audit-verify \\- "), page);
    }

    @Test
    void theCompletionScriptsAreWhatVaultCompletionPrints() throws IOException {
        for (Map.Entry<String, String> script : Map.of("bash", "vault.bash", "zsh", "_vault", "fish", "vault.fish")
                .entrySet()) {
            InProcessRun run = InProcessRun.of(Map.of(), GENERATED, "", "completion", script.getKey());
            assertEquals(0, run.code(), run.err());
            assertEquals("", run.err());
            assertTrue(Arrays.equals(Files.readAllBytes(GENERATED.resolve("completion").resolve(script.getValue())),
                    run.stdout()), script.getValue());
        }
    }

    /**
     * Command lists ({@code vault --help}, a group's help), man pages' NAME lines and completion show only the first
     * line of a command's description, so that line must be a whole sentence, not the start of one.
     */
    @Test
    void everyCommandsFirstDescriptionLineIsAWholeSentence() {
        List<String> cut = new ArrayList<>();
        firstLines(CompletionModel.of(Io.of(java.io.InputStream.nullInputStream(), System.out, System.err, Map.of(),
                GENERATED)), "vault", cut);
        assertEquals(List.of(), cut, "first description lines that do not end a sentence");
    }

    private static void firstLines(picocli.CommandLine.Model.CommandSpec command, String name, List<String> cut) {
        String[] description = command.usageMessage().description();
        String first = description.length == 0 ? "" : description[0].strip();
        if (!first.endsWith(".") && !first.endsWith("?") && !first.endsWith("!")) {
            cut.add(name + ": \"" + first + "\"");
        }
        CompletionModel.subcommands(command).forEach(sub -> firstLines(sub.getValue(), name + " " + sub.getKey(), cut));
    }

    private static void pageNames(picocli.CommandLine.Model.CommandSpec command, String name, List<String> names) {
        names.add("man1/" + name + ".1");
        CompletionModel.subcommands(command).forEach(sub -> pageNames(sub.getValue(), name + "-" + sub.getKey(), names));
    }

    /** The first line (counted from 1) where the two differ, or 0 when they are the same bytes. */
    static int firstDifference(byte[] a, byte[] b) {
        if (Arrays.equals(a, b)) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return line;
            }
            if (a[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The files below {@code folder}, as relative paths with /, or none when it does not exist. */
    private static List<String> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
