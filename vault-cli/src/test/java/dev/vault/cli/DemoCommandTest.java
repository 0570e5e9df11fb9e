package dev.vault.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vault demo} walks through the main features, each named in its output, and deletes its temporary
 * folder: when done and when a step fails (TemporaryFolderTest: when the JVM is stopped by a signal).
 */
class DemoCommandTest {
    private static final Pattern FOLDER = Pattern.compile("^A vault in (/\\S+)/project, ");

    @TempDir
    Path work;

    @Test
    void theDemoShowsEachFeatureAndLeavesNothingBehind() throws IOException {
        InProcessRun run = InProcessRun.of(env(Map.of()), work, "", "demo");
        assertEquals(0, run.code(), run.err());
        Path folder = folderOf(run.out());
        List<String> expected = expectedStdout();
        List<String> actual = run.out().lines().toList();
        assertEquals(expected.size(), actual.size(), "stdout has " + actual.size() + " lines:\n" + run.out());
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            if (want.startsWith("~ ")) {
                String regex = want.substring(2).replace("FOLDER", Pattern.quote(folder.toString()));
                assertTrue(actual.get(i).matches(regex), "line " + (i + 1) + ": \"" + actual.get(i) + "\" does not match " + regex);
            } else {
                assertEquals(want, actual.get(i), "line " + (i + 1));
            }
        }
        assertEquals(List.of(
                "wrote identity \"deploy-agent\" to " + folder + "/config/vault/identities/deploy-agent.txt (mode 0600): "
                        + "give it to deploy-agent only; never share one key between agents",
                "vault: error: identity \"deploy-agent\" is not a reader of \"demo/api-token\" (its readers: you)",
                "vault: hint: a reader or admin can grant it: vault grant demo/api-token deploy-agent",
                "vault: guard: denied (secret-output): \"vault get demo/api-token\" would show the value of secret "
                        + "\"demo/api-token\" on the screen",
                "vault: hint: write it to a file (vault get demo/api-token -o FILE), pipe it into a program that reads "
                        + "it from stdin (vault get demo/api-token | docker login --password-stdin …), or inject it: "
                        + "vault exec --only VAR -- CMD"), run.err().lines().toList());
        assertFalse(Files.exists(folder), "the demo left " + folder + " behind");
        assertFalse(Files.exists(work.resolve(".vault")), "the demo made a vault where it was run");
    }

    @Test
    void aFailingStepStopsTheDemoAndStillDeletesItsFolder() {
        InProcessRun run = InProcessRun.of(env(Map.of("VAULT_AUDIT_SEGMENT_BYTES", "0")), work, "", "demo");
        assertEquals(1, run.code());
        assertEquals("vault: error: VAULT_AUDIT_SEGMENT_BYTES must be a positive number of bytes, not \"0\"\n"
                + "vault: hint: unset it to use the default of 32 MiB\n"
                + "vault: error: the demo stopped: `vault init --name you` exited with 1\n", run.err());
        Path folder = folderOf(run.out());
        assertTrue(run.out().endsWith("# Create the vault and your identity:\n$ vault init --name you\n"), run.out());
        assertFalse(Files.exists(folder), "the demo left " + folder + " behind");
    }

    @Test
    void theDemoUsesNoneOfTheCallersVaultIdentityOrPurpose() {
        InProcessRun run = InProcessRun.of(env(Map.of("VAULT_DIR", work.resolve("mine").toString(),
                "VAULT_IDENTITY", work.resolve("mine.txt").toString(), "VAULT_PURPOSE", "not the demo's")), work, "", "demo");
        assertEquals(0, run.code(), run.err());
        assertFalse(Files.exists(work.resolve("mine")));
        assertFalse(Files.exists(work.resolve("mine.txt")));
        assertFalse(run.out().contains("not the demo's"), run.out());
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("HOME", work.resolve("home").toString(),
                "XDG_CONFIG_HOME", work.resolve("config").toString(), "USER", "tester",
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
        env.putAll(extra);
        return env;
    }

    private static Path folderOf(String out) {
        Matcher matcher = FOLDER.matcher(out);
        assertTrue(matcher.find(), out);
        return Path.of(matcher.group(1));
    }

    private static List<String> expectedStdout() throws IOException {
        try (InputStream in = DemoCommandTest.class.getResourceAsStream("/demo/stdout.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(2).toList();
        }
    }
}
