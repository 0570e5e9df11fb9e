package dev.vault.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bouncy Castle is loaded only when a post-quantum key or a passphrase is used: an X25519 `get` must not
 * pay for it. Runs the built jar with -Xlog:class+load and reads which classes came in.
 */
class ClassLoadingIT {
    private static final Path JAR = Paths.get("target", "vault.jar").toAbsolutePath();
    private static final String JAVA = Paths.get(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path work;

    @Test
    void anX25519GetLoadsNoBouncyCastleClassAndAPostQuantumGetDoes() throws Exception {
        vault("", "init", "--name", "ci");
        vault("", "identity", "new", "pq", "--pq", "-o", "pq.txt");
        vault("classic value", "set", "classic", "--purpose", "class loading", "--reader", "ci");
        vault("pq value", "set", "quantum", "--purpose", "class loading", "--reader", "pq");

        List<String> classic = loadedClasses("get", "classic");
        assertTrue(classic.contains("dev.vault.core.crypto.AgeCodec"), "the log lists the classes a get loads");
        assertEquals(List.of(), classic.stream().filter(c -> c.startsWith("org.bouncycastle.")).toList());

        List<String> quantum = loadedClasses("get", "quantum", "-i", "pq.txt");
        assertTrue(quantum.contains("org.bouncycastle.crypto.hpke.HPKE"), "a post-quantum get loads Bouncy Castle's HPKE");
    }

    private List<String> loadedClasses(String... args) throws IOException, InterruptedException {
        Path log = work.resolve("classes.log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xlog:class+load:file=" + log, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        run(command, "");
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            int start = line.indexOf("] ", line.indexOf("class,load")) + 2;
            int end = line.indexOf(' ', start);
            if (start > 1 && end > start) {
                classes.add(line.substring(start, end));
            }
        }
        return classes;
    }

    private void vault(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        run(command, stdin);
    }

    private void run(List<String> command, String stdin) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(work.resolve("err.txt").toFile());
        builder.environment().remove("VAULT_DIR");
        builder.environment().remove("VAULT_IDENTITY");
        builder.environment().put("XDG_CONFIG_HOME", work.resolve("config").toString());
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command + " did not finish");
        assertEquals(0, process.exitValue(), command + ": " + Files.readString(work.resolve("err.txt")));
    }
}
