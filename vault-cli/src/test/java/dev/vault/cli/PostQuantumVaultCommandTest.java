package dev.vault.cli;

import dev.vault.core.VaultException;
import dev.vault.core.crypto.IdentityFile;
import dev.vault.core.crypto.NewIdentity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A vault whose identities are all post-quantum and whose manifest says {@code post_quantum: true} works end
 * to end: init, set, get, grant, rekey, rotate and doctor, every file encrypted to post-quantum keys only.
 * The identities are made as {@code vault identity new NAME --pq} would: with vault-core, listed in the manifest.
 */
class PostQuantumVaultCommandTest {
    @TempDir
    Path work;

    @Test
    void aVaultOfPostQuantumKeysSetsGetsGrantsRekeysAndRotates() throws Exception {
        Map<String, String> env = Map.of("HOME", work.resolve("home").toString(),
                "XDG_CONFIG_HOME", work.resolve("config").toString(), "USER", "tester");
        Path identity = work.resolve("config/vault/identity.txt");
        String alice = postQuantumIdentity(identity);
        InProcessRun init = InProcessRun.of(env, work, "", "init", "--name", "alice");
        assertEquals(0, init.code(), init.err());
        assertEquals("created vault " + work.resolve(".vault") + "\nusing identity " + identity + "\n"
                + "recorded \"alice\" in the manifest with recipient:\n" + alice + "\n", init.out());
        editManifest("\nsecrets:", "\npost_quantum: true\nsecrets:");
        listIdentity("bob", postQuantumIdentity(work.resolve("bob.txt")));

        expect(env, "s3cret", "stored db/password version 1\n", "", "set", "db/password", "--purpose", "primary database");
        expect(env, "", "s3cret", "", "get", "db/password");
        expect(env, "", "s3cret", "", "get", "db/password", "-i", "bob.txt");
        assertPostQuantumStanzasOnly(2);

        listIdentity("carol", postQuantumIdentity(work.resolve("carol.txt")));
        expect(env, "", "granted db/password to carol; rekeyed it (added carol)\n", "", "grant", "db/password", "carol");
        expect(env, "", "s3cret", "", "get", "db/password", "-i", "carol.txt");
        assertPostQuantumStanzasOnly(3);

        editManifest("readers: [alice, bob, carol]", "readers: [alice, carol]");
        expect(env, "", "rekeyed db/password: removed bob (1/1)\nrekeyed 1\n",
                "vault: warning: bob could read \"db/password\" and may have seen its value; "
                        + "rotate it: vault rotate db/password\n", "rekey");
        expect(env, "n3w", "rotated db/password to version 2\n", "", "rotate", "db/password");
        expect(env, "", "n3w", "", "get", "db/password", "-i", "carol.txt");
        assertPostQuantumStanzasOnly(2);

        InProcessRun doctor = InProcessRun.of(env, work, "", "doctor");
        assertEquals(0, doctor.code(), doctor.out());
        assertTrue(doctor.out().contains("\nok    post-quantum every secret's keys are of one kind: 0 X25519, "
                + "1 post-quantum\n"), doctor.out());
    }

    private void expect(Map<String, String> env, String stdin, String out, String err, String... args) {
        InProcessRun run = InProcessRun.of(env, work, stdin, args);
        assertEquals(0, run.code(), run.err());
        assertEquals(out, run.out());
        assertEquals(err, run.err());
    }

    private static String postQuantumIdentity(Path file) throws VaultException {
        NewIdentity identity = NewIdentity.generatePostQuantum(Instant.EPOCH);
        IdentityFile.create(file, identity);
        return identity.recipient();
    }

    /** Lists {@code name} last among the identities, as `vault identity new` does. */
    private void listIdentity(String name, String recipient) throws IOException {
        List<String> lines = Files.readAllLines(manifest());
        int last = lines.indexOf("identities:");
        while (lines.get(last + 1).startsWith("  ")) {
            last++;
        }
        lines.addAll(last + 1, List.of("  " + name + ":", "    recipient: " + recipient));
        Files.write(manifest(), lines);
    }

    private void editManifest(String from, String to) throws IOException {
        String text = Files.readString(manifest());
        assertTrue(text.contains(from), text);
        Files.writeString(manifest(), text.replace(from, to));
    }

    private Path manifest() {
        return work.resolve(".vault/manifest.yaml");
    }

    /** The current file of db/password holds {@code count} post-quantum stanzas and no other. */
    private void assertPostQuantumStanzasOnly(int count) throws IOException {
        String file = new String(Files.readAllBytes(work.resolve(".vault/secrets/db/password.age")),
                StandardCharsets.ISO_8859_1);
        String header = file.substring(0, file.indexOf("\n---"));
        assertEquals(count, header.split("\n-> ", -1).length - 1, header);
        assertEquals(count, header.split("\n-> mlkem768x25519 ", -1).length - 1, header);
    }
}
