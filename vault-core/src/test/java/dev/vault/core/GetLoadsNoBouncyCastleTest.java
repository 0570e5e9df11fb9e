package dev.vault.core;

import dev.vault.core.crypto.IdentityFile;
import dev.vault.core.crypto.NewIdentity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vault get} reads the manifest every time; a manifest that lists post-quantum keys and requires
 * them of some secret must not make an X25519 reader's get load Bouncy Castle (its start-up cost is what
 * the benchmarks measure). Run in a fresh JVM whose class loading is logged.
 */
class GetLoadsNoBouncyCastleTest {
    @TempDir
    Path temp;

    @Test
    void anX25519GetInAVaultWithPostQuantumKeysLoadsNoBouncyCastleClass() throws Exception {
        Path alice = temp.resolve("alice.txt");
        NewIdentity x25519 = NewIdentity.generate(Instant.EPOCH);
        IdentityFile.create(alice, x25519);
        VaultPaths paths = VaultPaths.of(temp.resolve("vault"));
        Vault.create(paths, "alice", x25519.recipient(), event -> 1);
        Vault vault = Vault.open(paths, event -> 1);
        vault.addIdentity("carol", NewIdentity.generatePostQuantum(Instant.EPOCH).recipient(), null);
        vault.set(SecretName.of("plain/one"), SecretBytes.wrap("x25519 value".getBytes(StandardCharsets.UTF_8)),
                "read by alice", null, List.of("alice"));
        vault.set(SecretName.of("pq/one"), SecretBytes.wrap("pq value".getBytes(StandardCharsets.UTF_8)),
                "read by carol", null, List.of("carol"));
        Path manifest = paths.manifest();
        Files.writeString(manifest, Files.readString(manifest).replace("readers: [carol]",
                "readers: [carol]\n    post_quantum: true"));

        Path loaded = temp.resolve("classes.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(java, "-Xlog:class+load=info:file=" + loaded, "-Xshare:auto",
                "-cp", classPath, X25519GetProcess.class.getName(), paths.root().toString(), alice.toString(), "plain/one")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        assertEquals("x25519 value\n", out);

        List<String> classes = Files.readAllLines(loaded);
        assertTrue(classes.stream().anyMatch(line -> line.contains(" dev.vault.core.manifest.ManifestReader ")),
                "the log names the classes loaded");
        assertTrue(classes.stream().anyMatch(line -> line.contains(" dev.vault.core.PostQuantumRule ")),
                "the key kinds were checked");
        assertEquals(List.of(), classes.stream().filter(line -> line.contains("org.bouncycastle")).toList());
    }
}
