package dev.vault.core.manifest;

import dev.vault.core.VaultException;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestTest {
    private static final String ALICE = "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq";
    private static final String R2 = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj";
    private static final String R1 = "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq";

    private static final String COMMENTED = "# top comment\n"
            + "version: 1\n"
            + "\n"
            + "# people\n"
            + "identities:\n"
            + "  alice:   # the admin\n"
            + "    recipient: age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq\n"
            + "    note: 'on-call'\n"
            + "\n"
            + "# secrets, by team\n"
            + "secrets:\n"
            + "  db/password:\n"
            + "    # rotated by hand\n"
            + "    purpose: >\n"
            + "      the primary\n"
            + "      database\n"
            + "    env: DB_PASSWORD   # used by the app\n"
            + "\n"
            + "# trailing comment\n";

    @Test
    void readsACommentedManifest() throws VaultException {
        Manifest manifest = ManifestReader.read(COMMENTED, "manifest.yaml");
        assertEquals("alice", manifest.identities().get(0).name());
        assertEquals("on-call", manifest.identities().get(0).note());
        assertEquals("the primary database\n", manifest.secrets().get(0).purpose());
        assertEquals("DB_PASSWORD", manifest.secrets().get(0).env());
    }

    @Test
    void editsKeepCommentsOrderAndFormatting() throws VaultException {
        Manifest manifest = ManifestReader.read(COMMENTED, "manifest.yaml");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("purpose", ManifestEditor.quote("the \"main\" database"));
        String edited = ManifestEditor.setSecretYaml(manifest, "db/password", fields);
        edited = ManifestEditor.setSecretYaml(ManifestReader.read(edited, "m"), "api/token",
                Map.of("purpose", ManifestEditor.quote("billing")));
        edited = ManifestEditor.addIdentity(ManifestReader.read(edited, "m"), "bot",
                "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj", null);
        assertEquals("# top comment\n"
                + "version: 1\n"
                + "\n"
                + "# people\n"
                + "identities:\n"
                + "  alice:   # the admin\n"
                + "    recipient: age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq\n"
                + "    note: 'on-call'\n"
                + "  bot:\n"
                + "    recipient: age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj\n"
                + "\n"
                + "# secrets, by team\n"
                + "secrets:\n"
                + "  db/password:\n"
                + "    # rotated by hand\n"
                + "    purpose: \"the \\\"main\\\" database\"\n"
                + "    env: DB_PASSWORD   # used by the app\n"
                + "  api/token:\n"
                + "    purpose: \"billing\"\n"
                + "\n"
                + "# trailing comment\n", edited);
        Manifest reread = ManifestReader.read(edited, "m");
        assertEquals("the \"main\" database", reread.secrets().get(0).purpose());
        assertEquals(2, reread.identities().size());
    }

    @Test
    void aReplacedValueKeepsTheCommentBesideIt() throws VaultException {
        String text = "version: 1\nidentities:\n  alice:\n    recipient: " + ALICE + "\n  bob:\n    recipient: " + R2 + "\n"
                + "secrets:\n  a:\n    purpose: \"one # not a comment\"   # why\n    readers: [alice]  # who\n";
        String edited = ManifestEditor.setSecretYaml(ManifestReader.read(text, "m"), "a",
                Map.of("purpose", ManifestEditor.quote("two")));
        edited = ManifestEditor.setSecretList(ManifestReader.read(edited, "m"), "a", "readers", List.of("alice", "bob"));
        assertEquals("version: 1\nidentities:\n  alice:\n    recipient: " + ALICE + "\n  bob:\n    recipient: " + R2 + "\n"
                + "secrets:\n  a:\n    purpose: \"two\"   # why\n    readers: [alice, bob]  # who\n", edited);
    }

    @Test
    void errorsNameFileLineAndColumn() {
        assertError("version: 1\nsecrets:\n  db/password:\n    purpose: \"x\"\n    readerz: [a]\n",
                "manifest.yaml:5:5: unknown key \"readerz\" in secret \"db/password\"");
        assertError("version: 1\nsecrets:\n  db/password:\n    purpose: 42\n",
                "manifest.yaml:4:14: \"purpose\" must be text, found a number");
        assertError("version: 1\nsecrets:\n  a:\n    purpose: \"x\"\n    env: X\n  b:\n    purpose: \"y\"\n    env: X\n",
                "manifest.yaml:8:10: env name \"X\" is used by both \"a\" and \"b\"");
        assertError("version: 1\nsecrets:\n  ../x:\n    purpose: \"x\"\n",
                "manifest.yaml:3:3: invalid secret name \"../x\"");
        assertError("version: 1\nidentities:\n  bob:\n    recipient: age1nope\n",
                "manifest.yaml:4:16: identity \"bob\" has an invalid recipient: the recipient is not valid Bech32");
        assertError("version: 1\nversion: 1\n", "manifest.yaml:2:1: duplicate key \"version\"");
        assertError("version: 2\n", "manifest.yaml:1:10: unsupported manifest version (this vault reads version 1)");
        assertError("version: 1\nsecrets: [\n", "manifest.yaml:2:11: not valid YAML: the text ends inside a [ list or { mapping opened here");
        assertError("version: 1\nsecrets:\n  a:\n    env: X\n", "manifest.yaml:3:3: \"a\" has no \"purpose\"");
    }

    @Test
    void theDocumentedExampleIsAValidManifest() throws Exception {
        java.nio.file.Path example = java.nio.file.Path.of("..", "manifest.example.yaml");
        Manifest manifest = ManifestReader.read(java.nio.file.Files.readString(example), example.toString());
        assertEquals(4, manifest.identities().size());
        Manifest.SecretEntry db = manifest.secrets().get(0);
        assertEquals("DB_PASSWORD", db.env());
        assertEquals("team-data", db.owner());
        assertEquals(List.of("backend", "deployers"), db.readers());
        assertEquals(List.of("deploy/migrate.sh", "api service"), db.consumers());
        assertEquals(List.of("prod", "database"), db.tags());
        assertEquals(LocalDate.of(2026, 12, 30), db.rotationDue());
        assertEquals(List.of("alice", "bob", "deploy-agent", "break-glass"), manifest.decryptors(db));
        Manifest.SecretEntry billing = manifest.secrets().get(1);
        assertEquals(List.of("bob", "break-glass"), manifest.decryptors(billing));
        assertEquals(LocalDate.of(2027, 3, 15), billing.expires());
        assertEquals(LocalDate.of(2027, 3, 15), billing.rotationDue());
        assertFalse(manifest.requiresPostQuantum());
        assertFalse(manifest.requiresPostQuantum(billing));
    }

    @Test
    void theDocumentedExampleShowsBothPostQuantumSwitches() throws Exception {
        java.nio.file.Path example = java.nio.file.Path.of("..", "manifest.example.yaml");
        String text = java.nio.file.Files.readString(example);
        String perSecret = "    post_quantum: false                                 # optional: true: this secret";
        Manifest secretWide = ManifestReader.read(text.replace(perSecret, perSecret.replace("false", "true ")), "m");
        assertEquals(List.of(false, true), secretWide.secrets().stream().map(secretWide::requiresPostQuantum).toList());
        String vaultWide = text.replace("\npost_quantum: false\n", "\npost_quantum: true\n");
        List<String> lines = List.of(vaultWide.split("\n"));
        int line = 1 + lines.indexOf(lines.stream().filter(l -> l.startsWith(perSecret)).findFirst().orElseThrow());
        assertError(vaultWide, "manifest.yaml:" + line + ":19: secret \"billing/api-key\" has post_quantum: false, but a "
                        + "secret cannot relax the vault-wide post_quantum: true",
                "delete the line: every secret of this vault is read with post-quantum keys only");
    }

    @Test
    void readersGroupsAndDatesAreCheckedWithFileLineAndColumn() {
        String identities = "version: 1\nidentities:\n  alice:\n    recipient: " + ALICE + "\n";
        assertError(identities + "secrets:\n  a:\n    purpose: x\n    readers: [alice, mallory]\n",
                "manifest.yaml:8:22: secret \"a\" has an unknown reader \"mallory\"");
        assertError(identities + "groups:\n  ops: [alice, eve]\n",
                "manifest.yaml:6:16: group \"ops\" has an unknown member \"eve\"");
        assertError(identities + "groups:\n  alice: [alice]\n",
                "manifest.yaml:6:3: \"alice\" is both an identity and a group");
        assertError(identities + "admins: [root]\n", "manifest.yaml:5:10: admins has an unknown reader \"root\"");
        assertError(identities + "secrets:\n  a:\n    purpose: x\n    readers: []\n",
                "manifest.yaml:8:14: secret \"a\" has no readers and the manifest names no admins, so nobody could read it");
        assertError(identities + "secrets:\n  a:\n    purpose: x\n    readers: alice\n",
                "manifest.yaml:8:14: \"readers\" must be a list, found text");
        assertError(identities + "secrets:\n  a:\n    purpose: x\n    readers: [alice, alice]\n",
                "manifest.yaml:8:22: secret \"a\" lists \"alice\" twice");
        assertError(identities + "secrets:\n  a:\n    purpose: x\n    tags: [1]\n",
                "manifest.yaml:8:12: \"tags\" must list text, found a number");
        assertError(identities + "secrets:\n  a:\n    purpose: x\n    rotate_every: 3 months\n",
                "manifest.yaml:8:19: invalid rotate_every \"3 months\"");
        assertError(identities + "secrets:\n  a:\n    purpose: x\n    rotated: 2026-02-30\n",
                "manifest.yaml:8:14: \"rotated\" is not a date: \"2026-02-30\"");
        assertError(identities + "secrets:\n  a:\n    purpose: x\n    expires: 21.11.2026\n",
                "manifest.yaml:8:14: \"expires\" is not a date: \"21.11.2026\"");
    }

    @Test
    void postQuantumIsAskedForByTheVaultOrBySecret() throws VaultException {
        String identities = "version: 1\nidentities:\n  alice:\n    recipient: " + ALICE + "\n";
        Manifest none = ManifestReader.read(identities + "secrets:\n  a:\n    purpose: x\n", "m");
        assertFalse(none.requiresPostQuantum());
        assertFalse(none.requiresPostQuantum(none.secrets().get(0)));

        Manifest perSecret = ManifestReader.read(identities + "post_quantum: false\nsecrets:\n  a:\n    purpose: x\n"
                + "    post_quantum: true\n  b:\n    purpose: y\n    post_quantum: false\n  c:\n    purpose: z\n", "m");
        assertFalse(perSecret.requiresPostQuantum());
        assertEquals(List.of(true, false, false),
                perSecret.secrets().stream().map(perSecret::requiresPostQuantum).toList());

        Manifest vaultWide = ManifestReader.read(identities + "post_quantum: true\nsecrets:\n  a:\n    purpose: x\n"
                + "    post_quantum: true\n  b:\n    purpose: y\n", "m");
        assertTrue(vaultWide.requiresPostQuantum());
        assertEquals(List.of(true, true), vaultWide.secrets().stream().map(vaultWide::requiresPostQuantum).toList());
        assertFalse(vaultWide.secrets().get(1).postQuantum(), "the entry's own field is as written");
    }

    @Test
    void postQuantumMustBeABooleanAndASecretCannotRelaxTheVaultWideOne() {
        String identities = "version: 1\nidentities:\n  alice:\n    recipient: " + ALICE + "\n";
        assertError(identities + "post_quantum: \"true\"\n", "manifest.yaml:5:15: \"post_quantum\" must be true or false,"
                + " found text", "write post_quantum: true (no quotes), or leave the line out");
        assertError(identities + "post_quantum: yes\n", "manifest.yaml:5:15: \"post_quantum\" must be true or false,"
                + " found \"yes\"", "write post_quantum: true (no quotes), or leave the line out");
        assertError(identities + "post_quantum: True\n", "manifest.yaml:5:15: \"post_quantum\" must be true or false,"
                + " found \"True\"", "write post_quantum: true (no quotes), or leave the line out");
        assertError(identities + "post_quantum: 1\n", "manifest.yaml:5:15: \"post_quantum\" must be true or false,"
                + " found a number", "write post_quantum: true (no quotes), or leave the line out");
        assertError(identities + "post_quantum:\n", "manifest.yaml:5:14: \"post_quantum\" must be true or false,"
                + " found nothing", "write post_quantum: true (no quotes), or leave the line out");
        assertError(identities + "secrets:\n  a:\n    purpose: x\n    post_quantum: [true]\n",
                "manifest.yaml:8:19: \"post_quantum\" must be true or false, found a list",
                "write post_quantum: true (no quotes), or leave the line out");
        assertError(identities + "secrets:\n  a:\n    purpose: x\n    postquantum: true\n",
                "manifest.yaml:8:5: unknown key \"postquantum\" in secret \"a\"", "did you mean \"post_quantum\"? "
                        + "the keys allowed here are: purpose, "
                        + "owner, readers, consumers, env, rotate_every, rotated, expires, tags, post_quantum");
        assertError("post_quantum: true\n" + identities + "secrets:\n  a:\n    purpose: x\n  b:\n    purpose: y\n"
                        + "    post_quantum: false\n",
                "manifest.yaml:11:19: secret \"b\" has post_quantum: false, but a secret cannot relax the vault-wide "
                        + "post_quantum: true",
                "delete the line: every secret of this vault is read with post-quantum keys only");
    }

    @Test
    void yamlMistakesAreNamedInPlainWordsWhereTheFixGoesWithTheFix() {
        String top = "version: 1\nsecrets:\n  db:\n";
        assertError(top + "\tpurpose: x\n", "manifest.yaml:4:1: not valid YAML: a tab, where YAML allows only spaces",
                "replace the tab at line 4, column 1 with spaces");
        assertError(top + "    purpose: x\n   readers: [a]\n",
                "manifest.yaml:5:4: not valid YAML: line 5 is indented differently from the lines above it",
                "indent each key with as many spaces as the keys beside it (two for each level)");
        assertError(top + "    purpose: \"x\n    env: X\n", "manifest.yaml:4:14: not valid YAML: this quote is never closed",
                "end the value with the same quote on line 4");
        assertError(top + "    purpose: the db: main\n",
                "manifest.yaml:4:20: not valid YAML: a \":\" where YAML does not allow one",
                "quote a value that holds \": \" (purpose: \"a: b\"); or give the key on the line above its \":\"");
        assertError(top + "    purpose: x\n    readers: [a, b\n    env: X\n",
                "manifest.yaml:5:14: not valid YAML: this [ is never closed",
                "close the list on the same line: readers: [alice, bob]");
        assertError(top + "    purpose: x\n    tags: {a: b\n    env: X\n",
                "manifest.yaml:5:11: not valid YAML: this { is never closed", "close it with } on the same line");
        assertError("version: 1\nversion: 1\n", "manifest.yaml:2:1: duplicate key \"version\"", "merge the two into one");
    }

    @Test
    void anUnknownReaderGetsTheNearestNameOrHowToAddANewOne() {
        String identities = "version: 1\nidentities:\n  alice:\n    recipient: " + ALICE + "\n  bob:\n    recipient: " + R2
                + "\nsecrets:\n  db:\n    purpose: x\n";
        assertError(identities + "    readers: [alcie]\n",
                "manifest.yaml:10:15: secret \"db\" has an unknown reader \"alcie\"",
                "did you mean \"alice\"? readers are identities or groups: alice, bob");
        assertError(identities + "    readers: [Bob]\n", "manifest.yaml:10:15: secret \"db\" has an unknown reader \"Bob\"",
                "did you mean \"bob\"? readers are identities or groups: alice, bob");
        assertError(identities + "    readers: [carol]\n",
                "manifest.yaml:10:15: secret \"db\" has an unknown reader \"carol\"",
                "readers are identities or groups: alice, bob; for a new one, take \"carol\" out here, run "
                        + "`vault identity new carol`, then `vault grant db carol`");
        assertError(identities + "    readers: [\"carol smith\"]\n",
                "manifest.yaml:10:15: secret \"db\" has an unknown reader \"carol smith\"",
                "readers are identities or groups: alice, bob");
        assertError(identities.replace("secrets:", "admins: [root]\nsecrets:"),
                "manifest.yaml:7:10: admins has an unknown reader \"root\"",
                "readers are identities or groups: alice, bob; for a new one, take \"root\" out here, run "
                        + "`vault identity new root`, then add it back here");
        assertError(identities.replace("secrets:", "groups:\n  ops: [alicia]\nsecrets:"),
                "manifest.yaml:8:9: group \"ops\" has an unknown member \"alicia\"",
                "did you mean \"alice\"? a group lists identities by name: alice, bob");
    }

    @Test
    void readerNamesGivenOnTheCommandLineGetTheNearestNameOrHowToMakeOne() throws VaultException {
        Manifest manifest = ManifestReader.read("version: 1\nidentities:\n  alice:\n    recipient: " + ALICE + "\n",
                "manifest.yaml");
        VaultException typo = assertThrows(VaultException.class, () -> manifest.checkReaderNames(List.of("alcie")));
        assertEquals("no identity or group named \"alcie\" in the manifest", typo.getMessage());
        assertEquals("did you mean \"alice\"? readers are identities or groups: alice", typo.hint());
        VaultException fresh = assertThrows(VaultException.class, () -> manifest.checkReaderNames(List.of("carol")));
        assertEquals("readers are identities or groups: alice; `vault identity new carol` makes a new one", fresh.hint());
    }

    @Test
    void recipientsOfTheWrongLengthAreRefused() {
        assertError("version: 1\nidentities:\n  bob:\n    recipient: " + R1 + "\n",
                "manifest.yaml:4:16: identity \"bob\" has an invalid recipient");
    }

    private static void assertError(String text, String message, String hint) {
        VaultException e = assertThrows(VaultException.class, () -> ManifestReader.read(text, "manifest.yaml"));
        assertEquals(message, e.getMessage());
        assertEquals(hint, e.hint());
    }

    private static void assertError(String text, String expectedStart) {
        VaultException e = assertThrows(VaultException.class, () -> ManifestReader.read(text, "manifest.yaml"));
        if (!e.getMessage().startsWith(expectedStart)) {
            assertEquals(expectedStart, e.getMessage());
        }
    }
}
