package dev.vault.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scripts `vault completion bash|zsh|fish` prints, in real shells: what a TAB at the end of a command line
 * offers. bash: the function the script registers for vault is called as bash's programmable completion calls it
 * (complete.bash); zsh: the line is typed into an interactive zsh in a pseudo-terminal and TAB pressed, with the
 * script as _vault on $fpath, or sourced after compinit (complete.zsh); fish: its own {@code complete -C LINE}.
 * The folder the shells run in holds a file and a folder, for the values that are paths; HOME is a folder of the
 * test's. .ci/run installs zsh and fish.
 */
class ShellCompletionTest {
    private static final Path HARNESS = Path.of("src", "test", "resources", "completion").toAbsolutePath();
    private static final List<String> GET_OPTIONS = List.of("--debug", "--help", "--identity", "--output", "--purpose",
            "--vault", "--version", "-h", "-i", "-o");

    @TempDir
    static Path work;
    private static Path scripts;
    /** Where the shells run: a file and a folder. */
    private static Path here;

    @BeforeAll
    static void scripts() throws Exception {
        scripts = Files.createDirectories(work.resolve("scripts"));
        for (Map.Entry<String, String> script : Map.of("bash", "vault.bash", "zsh", "_vault", "fish", "vault.fish")
                .entrySet()) {
            InProcessRun run = InProcessRun.of(Map.of(), work, "", "completion", script.getKey());
            assertEquals(0, run.code(), run.err());
            Files.write(scripts.resolve(script.getValue()), run.stdout());
        }
        here = Files.createDirectories(work.resolve("here"));
        Files.writeString(here.resolve("notes.txt"), "");
        Files.createDirectories(here.resolve("folder"));
    }

    private static List<String> commands() {
        return new ArrayList<>(new TreeSet<>(Subcommands.BY_NAME.keySet()));
    }

    @Test
    void bash() throws Exception {
        assertEquals(commands(), bash("vault "));
        assertEquals(List.of("audit"), bash("vault au"));
        assertEquals(List.of("checkpoint", "log", "repair", "verify"), bash("vault audit "));
        assertEquals(List.of("new"), bash("vault identity n"));
        assertEquals(GET_OPTIONS, bash("vault get -"));
        assertEquals(List.of("folder", "notes.txt"), bash("vault get -o "));
        assertEquals(List.of("folder", "notes.txt"), bash("vault --vault "));
        assertEquals(List.of("folder", "notes.txt"), bash("vault import "));
        assertEquals(List.of(), bash("vault get --purpose "));
        assertEquals(List.of("verify"), bash("vault --vault folder audit v"));
        assertEquals(List.of("bash", "fish", "zsh"), bash("vault completion "));
    }

    @Test
    void zsh() throws Exception {
        Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
        expected.put("vault ", commands());
        expected.put("vault au", List.of("audit"));
        expected.put("vault audit ", List.of("checkpoint", "log", "repair", "verify"));
        expected.put("vault identity n", List.of("new"));
        expected.put("vault get -", GET_OPTIONS);
        expected.put("vault get -o ", List.of("folder", "notes.txt"));
        expected.put("vault --vault ", List.of("folder"));
        expected.put("vault import ", List.of("folder", "notes.txt"));
        expected.put("vault get --purpose ", List.of());
        expected.put("vault --vault folder audit v", List.of("verify"));
        expected.put("vault completion ", List.of("bash", "fish", "zsh"));
        assertEquals(expected, zsh("fpath", expected.keySet()));
    }

    @Test
    void zshSourced() throws Exception {
        Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
        expected.put("vault au", List.of("audit"));
        expected.put("vault get -o ", List.of("folder", "notes.txt"));
        assertEquals(expected, zsh("source", expected.keySet()));
    }

    @Test
    void fish() throws Exception {
        assertEquals(commands(), words(fish("vault ")));
        assertTrue(fish("vault ").contains("audit\tVerify, read, checkpoint and repair the hash-chained audit log."),
                "a command's description");
        assertTrue(fish("vault ").contains("get\tPrint a secret's value: the exact bytes, no newline added."),
                "a description with a quote");
        assertEquals(List.of("audit"), words(fish("vault au")));
        assertEquals(List.of("checkpoint", "log", "repair", "verify"), words(fish("vault audit ")));
        assertEquals(List.of("new"), words(fish("vault identity n")));
        assertEquals(GET_OPTIONS, words(fish("vault get -")));
        assertTrue(fish("vault get -").contains("--output\tWrite to FILE (mode 0600, atomically)."), "an option's description");
        assertEquals(List.of("folder/", "notes.txt"), words(fish("vault get -o ")));
        assertEquals(List.of("folder/"), words(fish("vault --vault ")));
        assertEquals(List.of("folder/", "notes.txt"), words(fish("vault import ")));
        assertEquals(List.of(), words(fish("vault get --purpose ")));
        assertEquals(List.of("verify"), words(fish("vault --vault folder audit v")));
        assertEquals(List.of("verify"), words(fish("vault -i audit audit v")), "audit is -i's value here");
        assertEquals(List.of("bash", "fish", "zsh"), words(fish("vault completion ")));
    }

    private static List<String> bash(String line) throws Exception {
        return sorted(run("bash", "--norc", "--noprofile", HARNESS.resolve("complete.bash").toString(),
                scripts.resolve("vault.bash").toString(), line));
    }

    /** What each line completes to, typed one after another into one zsh: _vault on $fpath, or sourced. */
    private static Map<String, List<String>> zsh(String how, java.util.Collection<String> lines) throws Exception {
        List<String> command = new ArrayList<>(List.of("zsh", "-f", HARNESS.resolve("complete.zsh").toString(), how,
                scripts.toString()));
        command.addAll(lines);
        List<String> output = run(command.toArray(String[]::new));
        Map<String, List<String>> completed = new java.util.LinkedHashMap<>();
        java.util.Iterator<String> line = lines.iterator();
        List<String> words = new ArrayList<>();
        for (String word : output) {
            if (word.equals("<end>")) {
                completed.put(line.next(), sorted(words));
                words.clear();
            } else {
                words.add(word);
            }
        }
        assertEquals(List.of(), words, "words after the last line's end");
        return completed;
    }

    /** fish's lines: each word offered, a tab and its description when it has one. */
    private static List<String> fish(String line) throws Exception {
        return run("fish", "--no-config", "-c", "source $argv[1]; and complete -C $argv[2]",
                scripts.resolve("vault.fish").toString(), line);
    }

    private static List<String> words(List<String> lines) {
        List<String> words = new ArrayList<>();
        lines.forEach(line -> words.add(line.split("\t", 2)[0]));
        return sorted(words);
    }

    private static List<String> sorted(List<String> words) {
        return new ArrayList<>(new TreeSet<>(words));
    }

    /** The command's stdout lines; it must succeed and print nothing on stderr. */
    private static List<String> run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(here.toFile());
        // a home of its own: fish makes its folders there, and no one's shell settings count
        builder.environment().put("HOME", work.resolve("home").toString());
        builder.environment().keySet().removeIf(name -> name.startsWith("XDG_") || name.equals("ZDOTDIR"));
        Process process = builder.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + err);
        assertEquals("", err, String.join(" ", command));
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
}
