package dev.vault.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rekey of many secrets shows its progress, and a SIGKILL in the middle of it leaves every file whole:
 * each still decrypts to its value, with the old recipients or the new. The next rekey does the rest.
 */
class RekeyInterruptTest {
    private static final int SECRETS = 120;
    private static final int KILL_AFTER = 20;

    @TempDir
    Path work;

    @Test
    void killedMidwayLeavesEveryFileWholeAndTheNextRekeyFinishes() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("HOME", work.resolve("home").toString(),
                "XDG_CONFIG_HOME", work.resolve("config").toString(), "USER", "tester", "PATH", System.getenv("PATH")));
        assertEquals(0, run(env, "", "init", "--name", "alice").code());
        assertEquals(0, run(env, "", "identity", "new", "bob", "-o", "bob.txt").code());
        for (int i = 0; i < SECRETS; i++) {
            InProcessRun set = run(env, value(i), "set", name(i), "--purpose", "load test", "--reader", "alice");
            assertEquals(0, set.code(), set.err());
        }
        Path manifest = work.resolve(".vault/manifest.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("readers: [alice]", "readers: [alice, bob]"));

        Process rekey = vaultProcess(env, "rekey");
        List<String> progress = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(rekey.getInputStream(), StandardCharsets.UTF_8))) {
            while (progress.size() < KILL_AFTER) {
                String line = out.readLine();
                assertTrue(line != null, "rekey stopped early: " + progress);
                progress.add(line);
            }
            rekey.destroyForcibly();
            assertTrue(rekey.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals("rekeyed s/000: added bob (1/" + SECRETS + ")", progress.get(0));
        assertEquals("rekeyed s/019: added bob (20/" + SECRETS + ")", progress.get(KILL_AFTER - 1));

        String bobRecipient = Files.readAllLines(work.resolve("bob.txt")).stream()
                .filter(line -> line.startsWith("# public key: ")).findFirst().orElseThrow().substring(14);
        int readByBob = 0;
        for (int i = 0; i < SECRETS; i++) {
            Path record = work.resolve(".vault/secrets/" + name(i) + ".age.recipients");
            InProcessRun byAlice = run(env, "", "get", name(i));
            assertEquals(0, byAlice.code(), byAlice.err());
            assertArrayEquals(value(i).getBytes(StandardCharsets.UTF_8), byAlice.stdout());
            InProcessRun byBob = run(env, "", "get", name(i), "-i", "bob.txt");
            if (byBob.code() == 0) {
                assertArrayEquals(value(i).getBytes(StandardCharsets.UTF_8), byBob.stdout());
                assertTrue(!Files.exists(record) || Files.readAllLines(record).contains(bobRecipient),
                        "the record of " + name(i) + " hides a reader who can decrypt it");
                readByBob++;
            } else {
                assertTrue(byBob.err().contains("it was not encrypted to that key"), byBob.err());
            }
        }
        System.out.println("rekey was killed after " + readByBob + " of " + SECRETS + " secrets");
        assertTrue(readByBob >= KILL_AFTER && readByBob < SECRETS,
                "the kill came after " + readByBob + " of " + SECRETS + " secrets; it must land in the middle");

        InProcessRun rest = run(env, "", "rekey");
        assertEquals(0, rest.code(), rest.err());
        List<String> lines = rest.out().lines().toList();
        assertEquals("rekeyed " + (SECRETS - readByBob), lines.get(lines.size() - 1));
        for (int i = 0; i < SECRETS; i++) {
            InProcessRun byBob = run(env, "", "get", name(i), "-i", "bob.txt");
            assertArrayEquals(value(i).getBytes(StandardCharsets.UTF_8), byBob.stdout(), byBob.err());
        }
        try (Stream<Path> files = Files.walk(work.resolve(".vault/secrets"))) {
            assertEquals(List.of(), files.filter(path -> path.getFileName().toString().contains(".tmp-")).toList(),
                    "the second rekey clears what the killed one left");
        }
        assertEquals("every secret is encrypted to its readers\n", run(env, "", "rekey").out());
    }

    private static String name(int i) {
        return String.format("s/%03d", i);
    }

    private static String value(int i) {
        return "value number " + i;
    }

    private InProcessRun run(Map<String, String> env, String stdin, String... args) {
        return InProcessRun.of(env, work, stdin, args);
    }

    private Process vaultProcess(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }
}
