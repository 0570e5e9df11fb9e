package dev.vault.core;

import dev.vault.core.audit.AuditEvent;
import dev.vault.core.audit.AuditLog;
import dev.vault.core.crypto.IdentityFile;
import dev.vault.core.crypto.NewIdentity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A secret is never encrypted to post-quantum and X25519 keys at once, nor to an X25519 key where the
 * manifest requires post-quantum: set, rotate, rekey, grant and revoke refuse before anything is written
 * (files and audit log alike), and reading is not affected. alice is X25519; carol and dave are post-quantum.
 */
class PostQuantumVaultTest {
    private static final byte[] VALUE = "s3cr3t-value".getBytes(StandardCharsets.UTF_8);
    private static final SecretName DB = name("db/password");
    private static final SecretName TOKEN = name("api/token");
    private static final String MIX_HINT_NEW =
            "list post-quantum identities only (vault identity new NAME --pq makes one) or X25519 ones only with --reader";

    @TempDir
    Path temp;

    private final List<AuditEvent> recorded = new ArrayList<>();
    private Vault vault;
    private Path alice;
    private Path carol;
    private Path dave;

    @BeforeEach
    void vaultWithOneX25519AndTwoPostQuantumIdentities() throws Exception {
        VaultPaths paths = VaultPaths.of(temp.resolve("vault"));
        AuditLog audit = event -> {
            recorded.add(event);
            return recorded.size();
        };
        alice = temp.resolve("alice.txt");
        carol = temp.resolve("carol.txt");
        dave = temp.resolve("dave.txt");
        Vault.create(paths, "alice", identity(alice, false), audit);
        vault = Vault.open(paths, audit);
        vault.addIdentity("carol", identity(carol, true), null);
        vault.addIdentity("dave", identity(dave, true), null);
        vault.set(DB, value(), "primary database", null, List.of("alice"));
        recorded.clear();
    }

    // ---- refused before the first write

    @Test
    void aNewSecretForBothKindsIsRefused() throws Exception {
        VaultException e = refusedLeavingAllUnchanged(
                () -> vault.set(TOKEN, value(), "billing", null, List.of("alice", "carol")));
        assertEquals("refusing to encrypt \"api/token\" to post-quantum and X25519 keys at once: a quantum computer "
                + "could open the file through its X25519 keys (post-quantum: carol; X25519: alice)", e.getMessage());
        assertEquals(MIX_HINT_NEW, e.hint());
        assertEquals(VaultException.Kind.FAILED, e.kind());

        VaultException everyone = refusedLeavingAllUnchanged(() -> vault.set(TOKEN, value(), "billing", null, null));
        assertEquals("refusing to encrypt \"api/token\" to post-quantum and X25519 keys at once: a quantum computer "
                + "could open the file through its X25519 keys (post-quantum: carol, dave; X25519: alice)",
                everyone.getMessage());
    }

    @Test
    void setAndRotateOfASecretWhoseReadersWereEditedIntoAMixAreRefused() throws Exception {
        editManifest("readers: [alice]", "readers: [alice, carol]");
        String message = "refusing to encrypt \"db/password\" to post-quantum and X25519 keys at once: a quantum "
                + "computer could open the file through its X25519 keys (post-quantum: carol; X25519: alice)";
        String hint = "list post-quantum identities only (vault identity new NAME --pq makes one) or X25519 ones only "
                + "under its readers in manifest.yaml, then vault rekey db/password";
        for (Executable store : List.<Executable>of(() -> vault.rotate(DB, value()),
                () -> vault.set(DB, value(), null, null))) {
            VaultException e = refusedLeavingAllUnchanged(store);
            assertEquals(message, e.getMessage());
            assertEquals(hint, e.hint());
        }
    }

    @Test
    void aSecretThatRequiresPostQuantumIsRefusedAnX25519KeyIncludingAnAdmins() throws Exception {
        editManifest("readers: [alice]", "readers: [carol]\n    post_quantum: true");
        editManifest("\nsecrets:", "\nadmins: [alice]\nsecrets:");
        VaultException e = refusedLeavingAllUnchanged(() -> vault.rotate(DB, value()));
        assertEquals("refusing to encrypt \"db/password\" to X25519 keys: its entry's post_quantum: true requires "
                + "post-quantum keys only (X25519: admin alice)", e.getMessage());
        assertEquals("list post-quantum identities only (vault identity new NAME --pq makes one) under its readers "
                + "and admins in manifest.yaml, then vault rekey db/password", e.hint());
    }

    @Test
    void aVaultThatRequiresPostQuantumRefusesANewSecretWithAnX25519Reader() throws Exception {
        editManifest("\nsecrets:", "\npost_quantum: true\nsecrets:");
        VaultException e = refusedLeavingAllUnchanged(() -> vault.set(TOKEN, value(), "billing", null, List.of("alice")));
        assertEquals("refusing to encrypt \"api/token\" to X25519 keys: the vault's post_quantum: true requires "
                + "post-quantum keys only (X25519: alice)", e.getMessage());
        assertEquals("list post-quantum identities only (vault identity new NAME --pq makes one) with --reader", e.hint());
        vault.checkKeyKinds(TOKEN, List.of("carol", "dave"));
        vault.set(TOKEN, value(), "billing", null, List.of("carol", "dave"));
        assertArrayEquals(VALUE, get(TOKEN, dave));
    }

    @Test
    void checkKeyKindsRefusesWhatSetWouldWritingNothing() throws Exception {
        editManifest("readers: [alice]", "readers: [alice, dave]");
        VaultException existing = refusedLeavingAllUnchanged(() -> vault.checkKeyKinds(DB, List.of("carol")));
        assertEquals("refusing to encrypt \"db/password\" to post-quantum and X25519 keys at once: a quantum "
                + "computer could open the file through its X25519 keys (post-quantum: dave; X25519: alice)",
                existing.getMessage());
        VaultException fresh = refusedLeavingAllUnchanged(() -> vault.checkKeyKinds(TOKEN, List.of("dave", "alice")));
        assertEquals(MIX_HINT_NEW, fresh.hint());
        VaultException unknown = refusedLeavingAllUnchanged(() -> vault.checkKeyKinds(TOKEN, List.of("mallory")));
        assertEquals("no identity or group named \"mallory\" in the manifest", unknown.getMessage());
        vault.checkKeyKinds(TOKEN, List.of("carol", "dave"));
        vault.checkKeyKinds(TOKEN, List.of("alice"));
    }

    @Test
    void grantingAPostQuantumReaderToAnX25519SecretIsRefused() throws Exception {
        VaultException e = refusedLeavingAllUnchanged(() -> vault.grant(DB, "carol", () -> IdentityFile.read(alice)));
        assertEquals("refusing to encrypt \"db/password\" to post-quantum and X25519 keys at once: a quantum "
                + "computer could open the file through its X25519 keys (post-quantum: carol; X25519: alice)",
                e.getMessage());
        assertEquals("list post-quantum identities only (vault identity new NAME --pq makes one) or X25519 ones only "
                + "under its readers in manifest.yaml, then vault rekey db/password", e.hint());
        assertEquals(List.of(), vault.drift(), "a later rekey must not find a half-made change");
    }

    @Test
    void aGroupIsExpandedAndARevokeThatLeavesAMixIsRefused() throws Exception {
        editManifest("\nsecrets:", "\ngroups:\n  ops: [alice, carol]\nsecrets:");
        editManifest("readers: [alice]", "readers: [ops, dave]");
        VaultException e = refusedLeavingAllUnchanged(() -> vault.revoke(DB, "dave", () -> IdentityFile.read(alice)));
        assertEquals("refusing to encrypt \"db/password\" to post-quantum and X25519 keys at once: a quantum "
                + "computer could open the file through its X25519 keys (post-quantum: carol; X25519: alice)",
                e.getMessage());
    }

    @Test
    void aRevokeThatLeavesOneKindIsAllowed() throws Exception {
        editManifest("readers: [alice]", "readers: [alice, carol, dave]");
        RekeyResult revoked = vault.revoke(DB, "alice", () -> IdentityFile.read(alice));
        assertEquals(RekeyResult.Status.REKEYED, revoked.status());
        assertEquals(java.util.Set.of("carol", "dave"), java.util.Set.copyOf(revoked.added()));
        assertEquals(List.of("alice"), revoked.removed());
        assertArrayEquals(VALUE, get(DB, carol));
        assertHybridStanzasOnly(DB, 2);
    }

    @Test
    void rekeyLeavesASecretThatWouldMixAsItWasAndStillRekeysTheOthers() throws Exception {
        vault.set(TOKEN, value(), "billing", null, List.of("carol", "dave"));
        byte[] dbBefore = Files.readAllBytes(vault.paths().secrets().resolve("db/password.age"));
        recorded.clear();
        editManifest("readers: [alice]", "readers: [alice, dave]");
        editManifest("readers: [carol, dave]", "readers: [carol]");
        List<RekeyResult> results = vault.rekey(List.of(), () -> IdentityFile.read(dave), (result, done, total) -> { });
        Map<String, RekeyResult> byName = new TreeMap<>();
        results.forEach(result -> byName.put(result.secret().toString(), result));
        assertEquals(RekeyResult.Status.REKEYED, byName.get("api/token").status(), "the revocation of dave is applied");
        assertEquals(List.of("dave"), byName.get("api/token").removed());
        assertHybridStanzasOnly(TOKEN, 1);
        assertArrayEquals(VALUE, get(TOKEN, carol));
        RekeyResult mixed = byName.get("db/password");
        assertEquals(RekeyResult.Status.FAILED, mixed.status());
        assertEquals("refusing to encrypt \"db/password\" to post-quantum and X25519 keys at once: a quantum computer "
                + "could open the file through its X25519 keys (post-quantum: dave; X25519: alice); list post-quantum "
                + "identities only (vault identity new NAME --pq makes one) or X25519 ones only under its readers in "
                + "manifest.yaml, then vault rekey db/password", mixed.problem());
        assertArrayEquals(dbBefore, Files.readAllBytes(vault.paths().secrets().resolve("db/password.age")),
                "the secret that would mix is left as it was");
    }

    @Test
    void addIdentityRefusesAnX25519KeyWhenTheVaultRequiresPostQuantum() throws Exception {
        editManifest("\nsecrets:", "\npost_quantum: true\nsecrets:");
        String recipient = NewIdentity.generate(Instant.EPOCH).recipient();
        VaultException e = refusedLeavingAllUnchanged(() -> vault.addIdentity("erin", recipient, null));
        assertEquals("this vault requires post-quantum keys (post_quantum: true in the manifest), and the recipient "
                + "of \"erin\" is an X25519 key", e.getMessage());
        assertEquals("make a post-quantum identity: vault identity new erin --pq", e.hint());
        assertEquals(VaultException.Kind.FAILED, e.kind());
        vault.addIdentity("erin", NewIdentity.generatePostQuantum(Instant.EPOCH).recipient(), null);
        assertTrue(vault.manifest().identity("erin").isPresent());
    }

    // ---- allowed

    @Test
    void readingIsNotAffected() throws Exception {
        editManifest("readers: [alice]", "readers: [alice, carol]\n    post_quantum: true");
        assertArrayEquals(VALUE, get(DB, alice), "a file written before stays readable by its reader");
    }

    @Test
    void aVaultOfPostQuantumKeysOnlySetsGetsGrantsAndRekeys() throws Exception {
        editManifest("readers: [alice]", "readers: [carol]");
        List<RekeyResult> moved = vault.rekey(List.of(), () -> IdentityFile.read(alice), (result, done, total) -> { });
        assertEquals(RekeyResult.Status.REKEYED, moved.get(0).status());
        editManifest("\nsecrets:", "\npost_quantum: true\nsecrets:");

        assertEquals(2, vault.set(DB, SecretBytes.wrap("second".getBytes(StandardCharsets.UTF_8)), null, null));
        assertArrayEquals("second".getBytes(StandardCharsets.UTF_8), get(DB, carol));
        assertHybridStanzasOnly(DB, 1);

        RekeyResult granted = vault.grant(DB, "dave", () -> IdentityFile.read(carol));
        assertEquals(RekeyResult.Status.REKEYED, granted.status());
        assertEquals(List.of("dave"), granted.added());
        assertArrayEquals("second".getBytes(StandardCharsets.UTF_8), get(DB, dave));
        assertHybridStanzasOnly(DB, 2);

        vault.set(TOKEN, value(), "billing", null, List.of("dave"));
        editManifest("readers: [dave]", "readers: [carol, dave]");
        List<RekeyResult> rekeyed = vault.rekey(List.of(), () -> IdentityFile.read(dave), (result, done, total) -> { });
        assertEquals(List.of(RekeyResult.Status.REKEYED), rekeyed.stream().map(RekeyResult::status).toList());
        assertArrayEquals(VALUE, get(TOKEN, carol));
        assertEquals(List.of(), vault.drift());
    }

    // ---- helpers

    /** Runs {@code action}, which must fail, and checks that no file changed and nothing was recorded. */
    private VaultException refusedLeavingAllUnchanged(Executable action) throws IOException {
        Map<String, String> before = snapshot();
        int events = recorded.size();
        VaultException e = assertThrows(VaultException.class, action);
        assertEquals(before, snapshot(), "files changed");
        assertEquals(events, recorded.size(), "recorded in the audit log: " + recorded);
        return e;
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(temp)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String relative = temp.relativize(path).toString();
                if (!relative.endsWith(".lock")) {
                    files.put(relative, Files.isRegularFile(path) ? sha256(Files.readAllBytes(path)) : "dir");
                }
            }
        }
        return files;
    }

    /** Replaces every {@code from} in the manifest by {@code to}, as a person editing it would. */
    private void editManifest(String from, String to) throws IOException {
        Path manifest = vault.paths().manifest();
        String text = Files.readString(manifest);
        assertTrue(text.contains(from), from);
        Files.writeString(manifest, text.replace(from, to));
    }

    /** The secret's current file holds {@code count} post-quantum stanzas and no other. */
    private void assertHybridStanzasOnly(SecretName name, int count) throws IOException {
        String header = new String(Files.readAllBytes(vault.paths().secrets().resolve(name + ".age")),
                StandardCharsets.ISO_8859_1);
        header = header.substring(0, header.indexOf("\n---"));
        assertEquals(count, header.split("\n-> mlkem768x25519 ", -1).length - 1, header);
        assertEquals(count, header.split("\n-> ", -1).length - 1, header);
        assertFalse(header.contains("-> X25519 "), header);
    }

    private byte[] get(SecretName name, Path identity) throws VaultException {
        try (SecretBytes value = vault.get(name, null, () -> IdentityFile.read(identity), null)) {
            return value.reveal().clone();
        }
    }

    private static SecretBytes value() {
        return SecretBytes.wrap(VALUE.clone());
    }

    private static String identity(Path file, boolean postQuantum) throws Exception {
        NewIdentity identity = postQuantum ? NewIdentity.generatePostQuantum(Instant.EPOCH) : NewIdentity.generate(Instant.EPOCH);
        IdentityFile.create(file, identity);
        return identity.recipient();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretName name(String text) {
        try {
            return SecretName.of(text);
        } catch (VaultException e) {
            throw new IllegalStateException(e);
        }
    }
}
