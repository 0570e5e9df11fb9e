package dev.vault.core;

import dev.vault.core.audit.AuditLog;
import dev.vault.core.crypto.IdentityFile;
import dev.vault.core.crypto.NewIdentity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The vault edits a hand-written, commented manifest only where it must (a new secret's entry, rotated
 * dates, readers) and keeps every other byte: comments, key order, quoting and blank lines.
 */
class ManifestEditsThroughVaultTest {
    @TempDir
    Path temp;

    @Test
    void setRotateGrantAndRevokeKeepCommentsAndOrder() throws Exception {
        Path aliceKey = temp.resolve("alice.txt");
        NewIdentity alice = NewIdentity.generate(Instant.EPOCH);
        IdentityFile.create(aliceKey, alice);
        NewIdentity bob = NewIdentity.generate(Instant.EPOCH);
        VaultPaths paths = VaultPaths.of(temp.resolve("vault"));
        AuditLog audit = event -> 1;
        Vault.create(paths, "alice", alice.recipient(), audit);
        String written = "# Team vault. Reviewed in PRs.\n"
                + "version: 1\n"
                + "\n"
                + "identities:\n"
                + "  alice:   # on-call lead\n"
                + "    recipient: " + alice.recipient() + "\n"
                + "  bob:\n"
                + "    recipient: " + bob.recipient() + "\n"
                + "    note: 'the deploy bot'\n"
                + "\n"
                + "groups:\n"
                + "  ops: [bob]   # whoever is on call\n"
                + "\n"
                + "secrets:\n"
                + "  # the database the app writes to\n"
                + "  db/password:\n"
                + "    purpose: primary database   # plain scalar, kept as written\n"
                + "    owner: \"team-data\"\n"
                + "    readers:\n"
                + "      - alice   # break-glass\n"
                + "    consumers: [deploy.sh, api]\n"
                + "    env: DB_PASSWORD\n"
                + "    rotate_every: 90d\n"
                + "    rotated: 2026-01-01   # set by hand when we moved hosts\n"
                + "    tags: [prod]\n"
                + "\n"
                + "# end of file\n";
        Files.writeString(paths.manifest(), written);
        Clock lateOnTheDayInUtc = Clock.fixed(Instant.parse("2026-11-21T23:59:59Z"), ZoneId.of("Asia/Tokyo"));
        Vault vault = Vault.open(paths, audit, lateOnTheDayInUtc);

        vault.set(name("db/password"), value("one"), null, null);
        vault.rotate(name("db/password"), value("two"));
        vault.grant(name("db/password"), "ops", () -> IdentityFile.read(aliceKey));
        vault.revoke(name("db/password"), "alice", () -> IdentityFile.read(aliceKey));
        vault.set(name("api/token"), value("three"), "billing API", "API_TOKEN", List.of("bob"));

        String today = "2026-11-21";
        assertEquals("# Team vault. Reviewed in PRs.\n"
                + "version: 1\n"
                + "\n"
                + "identities:\n"
                + "  alice:   # on-call lead\n"
                + "    recipient: " + alice.recipient() + "\n"
                + "  bob:\n"
                + "    recipient: " + bob.recipient() + "\n"
                + "    note: 'the deploy bot'\n"
                + "\n"
                + "groups:\n"
                + "  ops: [bob]   # whoever is on call\n"
                + "\n"
                + "secrets:\n"
                + "  # the database the app writes to\n"
                + "  db/password:\n"
                + "    purpose: primary database   # plain scalar, kept as written\n"
                + "    owner: \"team-data\"\n"
                + "    readers:\n"
                + "      - ops\n"
                + "    consumers: [deploy.sh, api]\n"
                + "    env: DB_PASSWORD\n"
                + "    rotate_every: 90d\n"
                + "    rotated: " + today + "   # set by hand when we moved hosts\n"
                + "    tags: [prod]\n"
                + "  api/token:\n"
                + "    purpose: \"billing API\"\n"
                + "    env: \"API_TOKEN\"\n"
                + "    readers: [bob]\n"
                + "    rotated: " + today + "\n"
                + "\n"
                + "# end of file\n", Files.readString(paths.manifest(), StandardCharsets.UTF_8));
    }

    @Test
    void aBrokenManifestStopsTheCommandWithFileLineAndColumn() throws Exception {
        Path aliceKey = temp.resolve("alice.txt");
        NewIdentity alice = NewIdentity.generate(Instant.EPOCH);
        IdentityFile.create(aliceKey, alice);
        VaultPaths paths = VaultPaths.of(temp.resolve("vault"));
        Vault.create(paths, "alice", alice.recipient(), event -> 1);
        Vault vault = Vault.open(paths, event -> 1);
        vault.set(name("db/password"), value("one"), "db", null);
        String manifest = Files.readString(paths.manifest());
        Files.writeString(paths.manifest(), manifest.replace("readers: [alice]", "readers: [alice, mallory]"));
        int line = (int) manifest.lines().takeWhile(l -> !l.contains("readers:")).count() + 1;

        VaultException refused = assertThrows(VaultException.class,
                () -> Vault.open(paths, event -> 1).get(name("db/password"), null, () -> IdentityFile.read(aliceKey), null));
        assertEquals(paths.manifest() + ":" + line + ":22: secret \"db/password\" has an unknown reader \"mallory\"",
                refused.getMessage());
        assertEquals("readers are identities or groups: alice; for a new one, take \"mallory\" out here, run "
                + "`vault identity new mallory`, then `vault grant db/password mallory`", refused.hint());
    }

    private static SecretBytes value(String text) {
        return SecretBytes.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static SecretName name(String text) throws VaultException {
        return SecretName.of(text);
    }
}
