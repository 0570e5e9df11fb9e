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
 * pay for it, beyond the lightweight SHA-256 digest its audit entry is hashed with (a few classes that
 * vault.jar holds itself, where JCA's MessageDigest would set up the provider list). Runs the built jar with
 * -Xlog:class+load and reads which classes came in, and from where.
 */
class ClassLoadingIT {
    private static final Path JAR = Paths.get("target", "vault.jar").toAbsolutePath();
    private static final String JAVA = Paths.get(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path work;

    /** SHA256Digest and what it extends, restored from a fresh state (dev.vault.core.audit.LightweightSha256). */
    private static final List<String> AUDIT_DIGEST = List.of("org.bouncycastle.crypto.CryptoServicePurpose",
            "org.bouncycastle.crypto.Digest", "org.bouncycastle.crypto.EncodableService",
            "org.bouncycastle.crypto.ExtendedDigest", "org.bouncycastle.crypto.SavableDigest",
            "org.bouncycastle.crypto.digests.EncodableDigest", "org.bouncycastle.crypto.digests.GeneralDigest",
            "org.bouncycastle.crypto.digests.SHA256Digest", "org.bouncycastle.util.Memoable",
            "org.bouncycastle.util.Pack");

    @Test
    void anX25519GetLoadsNoBouncyCastleClassButTheAuditDigestAndAPostQuantumGetDoes() throws Exception {
        vault("", "init", "--name", "ci");
        vault("", "identity", "new", "pq", "--pq", "-o", "pq.txt");
        vault("classic value", "set", "classic", "--purpose", "class loading", "--reader", "ci");
        vault("pq value", "set", "quantum", "--purpose", "class loading", "--reader", "pq");

        List<String> classic = loadedClasses("get", "classic");
        assertTrue(classic.contains("dev.vault.core.crypto.AgeCodec"), "the log lists the classes a get loads");
        assertEquals(AUDIT_DIGEST, classic.stream().filter(c -> c.startsWith("org.bouncycastle.")).sorted().toList());
        assertEquals(List.of(), sources.stream().filter(source -> source.contains("vault-bc.jar")).toList(),
                "nothing came from the rest of Bouncy Castle");

        List<String> quantum = loadedClasses("get", "quantum", "-i", "pq.txt");
        assertTrue(quantum.contains("org.bouncycastle.crypto.hpke.HPKE"), "a post-quantum get loads Bouncy Castle's HPKE");
    }

    /** Where the classes of the last {@link #loadedClasses} came from. */
    private final List<String> sources = new ArrayList<>();

    private List<String> loadedClasses(String... args) throws IOException, InterruptedException {
        Path log = work.resolve("classes.log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xlog:class+load:file=" + log, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        run(command, "");
        List<String> classes = new ArrayList<>();
        sources.clear();
        for (String line : Files.readAllLines(log)) {
            if (line.contains(" source: ")) {
                sources.add(line.substring(line.indexOf(" source: ") + 9));
            }
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
