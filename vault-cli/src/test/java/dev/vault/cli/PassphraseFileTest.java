package dev.vault.cli;

import dev.vault.core.crypto.IdentityFile;
import dev.vault.core.crypto.NewIdentity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A passphrase file a script cannot write: bytes that are not UTF-8 text are refused, not guessed at. */
class PassphraseFileTest {
    @TempDir
    Path work;

    @Test
    void aPassphraseFileThatIsNotUtf8IsRefused() throws Exception {
        Path identity = work.resolve("id.age");
        // a low work factor keeps the test quick; the CLI always writes NewIdentity.DEFAULT_WORK_FACTOR
        IdentityFile.create(identity, NewIdentity.generate(Instant.EPOCH).withPassphrase("p\u00e4ss".toCharArray(), 10));
        Path latin1 = work.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'p', (byte) 0xe4, 's', 's', '\n'});
        Files.setPosixFilePermissions(latin1, PosixFilePermissions.fromString("rw-------"));
        InProcessRun run = InProcessRun.of(Map.of("VAULT_PASSPHRASE_FILE", "latin1.txt", "HOME", work.toString()),
                work, "", "init", "--name", "ci", "-i", "id.age");
        assertEquals(3, run.code(), run.err());
        assertEquals("vault: error: passphrase file \"" + latin1 + "\" is not UTF-8 text\n", run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(work.resolve(".vault")), "init wrote the vault");
    }
}
