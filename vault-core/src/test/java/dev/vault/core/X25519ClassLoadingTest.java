package dev.vault.core;

import dev.vault.core.crypto.IdentityFile;
import dev.vault.core.crypto.NewIdentity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an X25519 reader's {@code vault get} loads, in a fresh JVM whose class loading is logged. Its crypto
 * uses Bouncy Castle's lightweight X25519, HKDF, HMAC and ChaCha20-Poly1305: no javax.crypto cipher or MAC
 * (whose provider start-up the benchmarks measure), no Jagged, and none of Bouncy Castle's post-quantum or
 * passphrase code, even in a vault whose manifest lists post-quantum keys. (On this class path Bouncy
 * Castle's jar is signed, and verifying it starts JCA; vault-cli's ClassLoadingIT checks the built jar,
 * whose copy is unsigned, for no JCA class at all.)
 */
class X25519ClassLoadingTest {
    /** Classes of the other key kinds and of the javax.crypto path, which an X25519 get must not load. */
    private static final List<String> NOT_FOR_X25519 = List.of("javax.crypto.Cipher", "javax.crypto.Mac",
            "javax.crypto.KeyAgreement", "javax.crypto.JceSecurity", "sun.security.ec.", "com.exceptionfactory.",
            "org.bouncycastle.crypto.hpke.", "org.bouncycastle.crypto.kems.", "org.bouncycastle.pqc.",
            "org.bouncycastle.crypto.generators.SCrypt", "org.bouncycastle.math.ec.rfc8032.");

    @TempDir
    Path temp;

    @Test
    void anX25519GetInAVaultWithPostQuantumKeysLoadsNeitherJcaCryptoNorPostQuantumCode() throws Exception {
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

        List<String> classes = loadedClasses("x25519 value\n", X25519GetProcess.class.getName(),
                paths.root().toString(), alice.toString(), "plain/one");
        assertTrue(classes.contains("dev.vault.core.manifest.ManifestReader"), "the log names the classes loaded");
        assertTrue(classes.contains("dev.vault.core.PostQuantumRule"), "the key kinds were checked");
        assertTrue(classes.contains("dev.vault.core.crypto.X25519Decryptor"), "the X25519 path decrypted");
        assertEquals(List.of(), matching(classes, NOT_FOR_X25519));
    }

    private static List<String> matching(List<String> classes, List<String> prefixes) {
        return classes.stream().filter(name -> prefixes.stream().anyMatch(name::startsWith)).toList();
    }

    /** Runs {@code mainClass} in a fresh JVM; checks what it printed; returns the names of the classes it loaded. */
    private List<String> loadedClasses(String expectedOut, String mainClass, String... args) throws Exception {
        Path log = temp.resolve("classes.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xlog:class+load=info:file=" + log, "-Xshare:auto",
                "-cp", classPath, mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        assertEquals(expectedOut, out);
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
}
