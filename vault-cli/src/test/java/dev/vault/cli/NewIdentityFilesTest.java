package dev.vault.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What `vault identity new` writes for each kind of key, read as bytes (a script cannot look inside a file),
 * and that the passphrase-protected kind reads back through the CLI.
 */
class NewIdentityFilesTest {
    private static final String RECIPIENT_CHARS = "[02-9ac-hj-np-z]";

    @TempDir
    Path work;

    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void vault() {
        env.put("HOME", work.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        env.put("USER", "tester");
        env.put("PATH", System.getenv("PATH"));
        InProcessRun init = run("", "init", "--name", "alice");
        assertEquals(0, init.code(), init.err());
    }

    @Test
    void aPostQuantumIdentityFileHoldsItsKeyForItsOwnerOnly() throws IOException {
        InProcessRun made = run("", "identity", "new", "bob", "--pq", "-o", "bob.txt");
        Path file = work.resolve("bob.txt");
        assertEquals(0, made.code(), made.err());
        assertEquals("wrote post-quantum identity \"bob\" to " + file + " (mode 0600): give it to bob only; "
                + "never share one key between agents\n", made.err());
        String recipient = made.out().substring(0, made.out().length() - 1);
        assertTrue(recipient.matches("age1pq1" + RECIPIENT_CHARS + "{1952}"), recipient);
        assertEquals(recipient + "\n", made.out());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("# created: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), lines.get(0));
        assertEquals("# public key: " + recipient, lines.get(1));
        assertTrue(lines.get(2).matches("AGE-SECRET-KEY-PQ-1[02-9AC-HJ-NP-Z]{58}"), "the key line is not a PQ key");
    }

    @Test
    void aPassphraseProtectedIdentityFileIsArmoredAgeAtWorkFactor18AndReadsBackThroughTheCli() throws IOException {
        Path writing = privateFile("writing.txt", "a passphrase for bob\n");
        Path reading = privateFile("reading.txt", "a passphrase for bob\r\nthis line is not read\r\n");
        env.put("VAULT_PASSPHRASE_FILE", writing.toString());
        InProcessRun made = run("", "identity", "new", "bob", "--pq", "--passphrase", "-o", "bob.txt");
        Path file = work.resolve("bob.txt");
        assertEquals(0, made.code(), made.err());
        assertEquals("wrote post-quantum identity \"bob\" to " + file + " (mode 0600, encrypted with a passphrase): "
                + "give it to bob only; never share one key between agents\n", made.err());
        assertTrue(made.out().matches("age1pq1" + RECIPIENT_CHARS + "{1952}\n"), made.out());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("-----BEGIN AGE ENCRYPTED FILE-----\n"), text);
        assertTrue(text.endsWith("-----END AGE ENCRYPTED FILE-----\n"), text);
        assertFalse(text.contains("AGE-SECRET-KEY"), "the key is in the clear");
        String header = new String(dearmor(text), StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith("age-encryption.org/v1\n-> scrypt "), "not one scrypt stanza");
        assertTrue(header.lines().toList().get(1).endsWith(" 18"), "work factor: " + header.lines().toList().get(1));

        // read back with the passphrase on a CRLF line: the \r is not part of it
        env.put("VAULT_PASSPHRASE_FILE", reading.toString());
        InProcessRun set = run("first line\nsecond", "set", "deploy/key", "--purpose", "deploys", "--reader", "bob");
        assertEquals(0, set.code(), set.err());
        InProcessRun get = run("", "get", "deploy/key", "-i", "bob.txt");
        assertEquals(0, get.code(), get.err());
        assertArrayEquals("first line\nsecond".getBytes(StandardCharsets.UTF_8), get.stdout());
        assertEquals("", get.err());
    }

    private Path privateFile(String name, String content) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static byte[] dearmor(String armored) {
        String body = armored.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat);
        return Base64.getDecoder().decode(body);
    }

    private InProcessRun run(String stdin, String... args) {
        return InProcessRun.of(env, work, stdin, args);
    }
}
