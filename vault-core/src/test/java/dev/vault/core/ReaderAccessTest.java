package dev.vault.core;

import dev.vault.core.audit.AuditEvent;
import dev.vault.core.audit.AuditLog;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifest's readers are enforced by encryption: a non-reader is refused by the vault (and the refusal
 * recorded) and cannot decrypt the file with the real age CLI either; grant and revoke change both.
 */
class ReaderAccessTest {
    private static final byte[] VALUE = "s3cr3t-value".getBytes(StandardCharsets.UTF_8);
    private static final SecretName DB = name("db/password");

    @TempDir
    Path temp;

    private final List<AuditEvent> recorded = new ArrayList<>();
    private Vault vault;
    private Path alice;
    private Path bob;
    private Path carol;

    @BeforeEach
    void vaultWithThreeIdentities() throws Exception {
        VaultPaths paths = VaultPaths.of(temp.resolve("vault"));
        AuditLog audit = event -> {
            recorded.add(event);
            return recorded.size();
        };
        alice = temp.resolve("alice.txt");
        bob = temp.resolve("bob.txt");
        carol = temp.resolve("carol.txt");
        Vault.create(paths, "alice", identity(alice), audit);
        vault = Vault.open(paths, audit);
        vault.addIdentity("bob", identity(bob), null);
        vault.addIdentity("carol", identity(carol), null);
        vault.set(DB, SecretBytes.wrap(VALUE.clone()), "primary database", null, List.of("alice"));
        recorded.clear();
    }

    @Test
    void nonReaderIsDeniedAndRecordedAndAgeCannotDecryptWithItsKey() throws Exception {
        VaultException denied = assertThrows(VaultException.class, () -> get(bob));
        assertEquals(VaultException.Kind.NO_ACCESS, denied.kind());
        assertEquals("identity \"bob\" is not a reader of \"db/password\" (its readers: alice)", denied.getMessage());
        assertEquals("a reader or admin can grant it: vault grant db/password bob", denied.hint());
        assertEquals(1, recorded.size());
        assertEquals("get", recorded.get(0).action());
        assertEquals(AuditEvent.Result.DENIED, recorded.get(0).result());
        assertEquals("not a reader", recorded.get(0).reason());

        assertArrayEquals(VALUE, age(alice).bytes);
        Age bobsTry = age(bob);
        assertEquals(1, bobsTry.exit);
        assertEquals(0, bobsTry.bytes.length);
        assertTrue(bobsTry.err.contains("no identity matched any of the recipients"), bobsTry.err);
    }

    @Test
    void grantThenTheNewReaderReadsWithTheVaultAndWithAge() throws Exception {
        RekeyResult granted = vault.grant(DB, "bob", () -> IdentityFile.read(alice));
        assertEquals(RekeyResult.Status.REKEYED, granted.status());
        assertEquals(List.of("bob"), granted.added());
        assertEquals(List.of(), granted.removed());
        assertArrayEquals(VALUE, get(bob));
        assertArrayEquals(VALUE, age(bob).bytes);
        assertEquals(1, age(carol).exit, "carol was not granted");
        assertEquals("readers: [alice, bob]", readersLine());
    }

    @Test
    void revokeThenTheOldKeyFailsAndRotationIsAdvised() throws Exception {
        vault.grant(DB, "bob", () -> IdentityFile.read(alice));
        RekeyResult revoked = vault.revoke(DB, "bob", () -> IdentityFile.read(alice));
        assertEquals(RekeyResult.Status.REKEYED, revoked.status());
        assertEquals(List.of("bob"), revoked.removed());
        assertTrue(revoked.shouldRotate());
        assertThrows(VaultException.class, () -> get(bob));
        assertEquals(1, age(bob).exit, "the revoked key still decrypts the file");
        assertArrayEquals(VALUE, age(alice).bytes);
        assertEquals("readers: [alice]", readersLine());
    }

    @Test
    void aNonReaderCannotGrantItselfAndNothingChanges() throws Exception {
        String manifestBefore = Files.readString(vault.paths().manifest());
        byte[] fileBefore = Files.readAllBytes(vault.paths().secrets().resolve("db/password.age"));
        VaultException refused = assertThrows(VaultException.class,
                () -> vault.grant(DB, "bob", () -> IdentityFile.read(bob)));
        assertEquals(VaultException.Kind.NO_ACCESS, refused.kind());
        assertEquals("only a reader or admin of \"db/password\" can change its readers, and identity \"bob\" is not one",
                refused.getMessage());
        assertEquals(manifestBefore, Files.readString(vault.paths().manifest()));
        assertArrayEquals(fileBefore, Files.readAllBytes(vault.paths().secrets().resolve("db/password.age")));
        assertEquals(List.of(), vault.drift(), "a later rekey by alice must not hand the value to bob");
        assertEquals(AuditEvent.Result.DENIED, recorded.get(recorded.size() - 1).result());
        assertEquals("grant", recorded.get(recorded.size() - 1).action());
    }

    @Test
    void aRevokeThatWouldLeaveNobodyIsRefusedBeforeAnythingChanges() throws Exception {
        String manifestBefore = Files.readString(vault.paths().manifest());
        VaultException refused = assertThrows(VaultException.class,
                () -> vault.revoke(DB, "alice", () -> IdentityFile.read(alice)));
        assertTrue(refused.getMessage().endsWith("secret \"db/password\" has no readers and the manifest names no "
                + "admins, so nobody could read it"), refused.getMessage());
        assertEquals(manifestBefore, Files.readString(vault.paths().manifest()));
        assertArrayEquals(VALUE, get(alice));
    }

    @Test
    void groupsAndAdminsResolveToRecipients() throws Exception {
        Path manifest = vault.paths().manifest();
        Files.writeString(manifest, Files.readString(manifest).replace("secrets:",
                "groups:\n  ops: [bob]\nadmins: [carol]\n\nsecrets:"));
        vault.grant(DB, "ops", () -> IdentityFile.read(alice));
        assertArrayEquals(VALUE, age(bob).bytes);
        assertArrayEquals(VALUE, age(carol).bytes, "an admin decrypts every secret");
        assertArrayEquals(VALUE, get(carol));
        VaultException stillThroughGroup = assertThrows(VaultException.class,
                () -> vault.revoke(DB, "bob", () -> IdentityFile.read(alice)));
        assertEquals("\"bob\" is not listed as a reader of \"db/password\", but reads it through a group or as an admin",
                stillThroughGroup.getMessage());
        RekeyResult revoked = vault.revoke(DB, "ops", () -> IdentityFile.read(alice));
        assertEquals(List.of("bob"), revoked.removed());
        assertEquals(1, age(bob).exit);
    }

    @Test
    void rekeyMendsDriftAndANonRecipientCannotRekey() throws Exception {
        Path manifest = vault.paths().manifest();
        Files.writeString(manifest, Files.readString(manifest).replace("readers: [alice]", "readers: [alice, carol]"));
        assertEquals(List.of(new Vault.Drift(DB, List.of("carol"), List.of())), vault.drift());

        List<RekeyResult> refused = vault.rekey(List.of(), () -> IdentityFile.read(bob), (r, done, total) -> { });
        assertEquals(RekeyResult.Status.FAILED, refused.get(0).status());
        assertEquals(1, age(carol).exit, "a failed rekey changed the file");
        assertEquals(1, vault.drift().size());

        List<String> progress = new ArrayList<>();
        List<RekeyResult> done = vault.rekey(List.of(), () -> IdentityFile.read(alice),
                (r, n, total) -> progress.add(r.secret() + " " + n + "/" + total));
        assertEquals(List.of("db/password 1/1"), progress);
        assertEquals(RekeyResult.Status.REKEYED, done.get(0).status());
        assertArrayEquals(VALUE, age(carol).bytes);
        assertEquals(List.of(), vault.drift());
        assertEquals("rekey", recorded.get(recorded.size() - 1).action());
        assertEquals("added carol", recorded.get(recorded.size() - 1).reason());

        Files.delete(vault.paths().secrets().resolve("db/password.age.recipients"));
        Vault.Drift unrecorded = vault.drift().get(0);
        assertNull(unrecorded.removed(), "with no record, who could read it is unknown");
    }

    private byte[] get(Path identity) throws VaultException {
        try (SecretBytes value = vault.get(DB, null, () -> IdentityFile.read(identity), null)) {
            return value.reveal().clone();
        }
    }

    private String readersLine() throws IOException {
        return Files.readAllLines(vault.paths().manifest()).stream().map(String::trim)
                .filter(line -> line.startsWith("readers:")).findFirst().orElseThrow();
    }

    private record Age(int exit, byte[] bytes, String err) {
    }

    /** The real age CLI decrypting the secret's file with {@code identity}. */
    private Age age(Path identity) throws IOException, InterruptedException {
        Process age;
        try {
            age = new ProcessBuilder("age", "-d", "-i", identity.toString(),
                    vault.paths().secrets().resolve("db/password.age").toString()).start();
        } catch (IOException e) {
            throw new AssertionError("the age CLI is needed for this interop test: apt-get install -y age", e);
        }
        byte[] out = age.getInputStream().readAllBytes();
        String err = new String(age.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(age.waitFor(30, TimeUnit.SECONDS));
        return new Age(age.exitValue(), out, err);
    }

    private static String identity(Path file) throws Exception {
        NewIdentity identity = NewIdentity.generate(Instant.EPOCH);
        IdentityFile.create(file, identity);
        return identity.recipient();
    }

    private static SecretName name(String text) {
        try {
            return SecretName.of(text);
        } catch (VaultException e) {
            throw new IllegalStateException(e);
        }
    }
}
