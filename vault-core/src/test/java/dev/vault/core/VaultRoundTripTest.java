package dev.vault.core;

import dev.vault.core.audit.AuditEvent;
import dev.vault.core.audit.AuditLog;
import dev.vault.core.crypto.Identity;
import dev.vault.core.crypto.IdentityFile;
import dev.vault.core.crypto.NewIdentity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values round-trip byte for byte through the store, and the real age CLI reads what the vault writes. */
class VaultRoundTripTest {
    @TempDir
    Path temp;

    private final List<AuditEvent> recorded = new ArrayList<>();
    private Path identityFile;
    private Vault vault;

    @BeforeEach
    void createVault() throws Exception {
        identityFile = temp.resolve("identity.txt");
        NewIdentity identity = NewIdentity.generate(Instant.EPOCH);
        IdentityFile.create(identityFile, identity);
        VaultPaths paths = VaultPaths.of(temp.resolve("vault"));
        AuditLog audit = event -> {
            recorded.add(event);
            return recorded.size();
        };
        Vault.create(paths, "tester", identity.recipient(), audit);
        recorded.clear();
        vault = Vault.open(paths, audit);
    }

    @Test
    void textValueRoundTripsAndAgeDecryptsIt() throws Exception {
        byte[] value = "pä55 wörd with trailing newline\n".getBytes(StandardCharsets.UTF_8);
        assertRoundTrip("db/password", value);
    }

    @Test
    void binaryValueRoundTripsAndAgeDecryptsIt() throws Exception {
        byte[] value = new byte[4096];
        new Random(42).nextBytes(value);
        assertRoundTrip("tls/key.bin", value);
    }

    @Test
    void everyAccessIsRecordedBeforeTheValueIsReturned() throws Exception {
        vault.set(SecretName.of("a"), SecretBytes.wrap(new byte[] {1}), "p", null);
        AuditLog failing = event -> {
            throw new VaultException(VaultException.Kind.AUDIT, "disk full", null);
        };
        Vault unauditable = Vault.open(vault.paths(), failing);
        VaultException e = assertThrows(VaultException.class,
                () -> unauditable.get(SecretName.of("a"), null, () -> IdentityFile.read(identityFile), null));
        assertEquals(VaultException.Kind.AUDIT, e.kind());
        VaultException write = assertThrows(VaultException.class,
                () -> unauditable.set(SecretName.of("a"), SecretBytes.wrap(new byte[] {2}), null, null));
        assertEquals(VaultException.Kind.AUDIT, write.kind());
        try (SecretBytes still = vault.get(SecretName.of("a"), null, () -> IdentityFile.read(identityFile), null)) {
            assertArrayEquals(new byte[] {1}, still.reveal(), "a write that could not be recorded changed the value");
        }
        try (var files = Files.walk(vault.paths().secrets())) {
            assertEquals(List.of("a.age", "a.age.recipients"), files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString()).toList(), "no temp or version file left behind");
        }
    }

    private void assertRoundTrip(String name, byte[] value) throws Exception {
        SecretName secret = SecretName.of(name);
        assertEquals(1, vault.set(secret, SecretBytes.wrap(value.clone()), "test", null));
        Identity identity = IdentityFile.read(identityFile);
        try (SecretBytes back = vault.get(secret, null, () -> identity, null)) {
            assertArrayEquals(value, back.reveal());
        }
        assertEquals(List.of("set", "get"), recorded.stream().map(AuditEvent::action).toList());
        assertArrayEquals(value, ageDecrypt(vault.paths().secrets().resolve(name + ".age")),
                "the age CLI decrypts the secret file to the same bytes");
    }

    private byte[] ageDecrypt(Path file) throws IOException, InterruptedException {
        Process age;
        try {
            age = new ProcessBuilder("age", "-d", "-i", identityFile.toString(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new AssertionError("the age CLI is needed for this interop test: apt-get install -y age", e);
        }
        byte[] out = age.getInputStream().readAllBytes();
        assertTrue(age.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, age.exitValue(), "age -d exit code");
        return out;
    }

    @Test
    void execRefusesAnEmptyValueAndRecordsWhy() throws Exception {
        SecretName name = SecretName.of("db/password");
        vault.set(name, SecretBytes.wrap("hunter2".getBytes(StandardCharsets.UTF_8)), "db", "DB_PASSWORD");
        Path file = temp.resolve("vault/secrets/db/password.age");
        Files.write(file, dev.vault.core.crypto.AgeCodec.encrypt(new byte[0], vault.manifest().recipients(vault.manifest().secret(name).orElseThrow())));
        recorded.clear();
        VaultException refused = assertThrows(VaultException.class,
                () -> vault.injections(null, java.util.Set.of(), () -> IdentityFile.read(identityFile), null,
                        entry -> { throw new AssertionError("the only identity reads every secret"); }));
        assertEquals("the value of \"db/password\" is empty; refusing to set DB_PASSWORD to it", refused.getMessage());
        assertEquals(2, recorded.size());
        assertEquals(AuditEvent.Result.ERROR, recorded.get(1).result());
        assertEquals("refused to inject an empty value", recorded.get(1).reason());
    }
}
