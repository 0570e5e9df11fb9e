package dev.vault.cli;

import dev.vault.core.crypto.IdentityFile;
import dev.vault.core.crypto.NewIdentity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vault doctor} finds each problem in a vault that has exactly that problem, and passes on a healthy
 * one; {@code vault list --due}. Run in-process on a fixed day, 2030-06-15 (UTC), so dates in the manifest
 * are due, overdue or expired as each test needs.
 */
class DoctorCommandTest {
    private static final Clock TODAY = Clock.fixed(Instant.parse("2030-06-15T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    private Map<String, String> env;
    private Path vault;
    private Path identity;

    /** What a run printed and returned. */
    private record Run(int code, String out, String err) {
    }

    @BeforeEach
    void healthyVault() {
        env = Map.of("HOME", work.resolve("home").toString(), "XDG_CONFIG_HOME", work.resolve("config").toString(),
                "USER", "tester");
        vault = work.resolve(".vault");
        identity = work.resolve("config/vault/identity.txt");
        ok(run("", "init", "--name", "alice"));
        ok(run("s3cret", "set", "db/password", "--purpose", "primary database", "--env", "DB_PASSWORD"));
        ok(run("tok", "set", "api/token", "--purpose", "calls the billing API"));
    }

    private Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true), new PrintStream(err, true), env, work, TODAY, false, false), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void ok(Run run) {
        assertEquals(0, run.code(), run.err());
    }

    /** The lines of a healthy vault's report with {@code auditEntries} entries, without the summary. */
    private List<String> healthy(int auditEntries) {
        return new ArrayList<>(List.of(
                "ok    manifest     manifest.yaml reads: 1 identity, 0 groups, 2 secrets",
                "ok    orphans      every stored secret has a manifest entry and every entry a value",
                "ok    readers      every secret lists its readers and each resolves to an identity",
                "ok    recipients   every stored secret is encrypted to its readers and the admins",
                "ok    post-quantum every secret's keys are of one kind: 2 X25519, 0 post-quantum",
                "ok    rotation     nothing is due for rotation or expires in the next 14 days",
                "ok    permissions  the vault's folders are 0700 and its secret files 0600",
                "ok    identity     " + identity + " is readable by its owner only",
                "ok    audit        the chain verifies (" + auditEntries + " entries) and audit.log is writable"));
    }

    /** The healthy report with the ok line of {@code check} replaced by {@code lines}. */
    private List<String> healthyBut(int auditEntries, String check, String... lines) {
        List<String> report = healthy(auditEntries);
        int at = -1;
        for (int i = 0; i < report.size(); i++) {
            if (report.get(i).startsWith("ok    " + check + " ")) {
                at = i;
            }
        }
        report.remove(at);
        report.addAll(at, List.of(lines));
        return report;
    }

    private void assertDoctor(int code, List<String> lines, String summary) {
        Run run = run("", "doctor");
        List<String> expected = new ArrayList<>(lines);
        expected.add(summary);
        assertEquals(String.join("\n", expected) + "\n", run.out());
        assertEquals("", run.err());
        assertEquals(code, run.code());
    }

    // ---- the manifest, edited as a person would

    private Path manifest() {
        return vault.resolve("manifest.yaml");
    }

    private String manifestText() throws IOException {
        return Files.readString(manifest());
    }

    private void writeManifest(String text) throws IOException {
        Files.writeString(manifest(), text);
    }

    /** Sets {@code key: value} in the entry of {@code secret} (value null: removes the key). */
    private void setField(String secret, String key, String value) throws IOException {
        List<String> lines = new ArrayList<>(Arrays.asList(manifestText().split("\n", -1)));
        int start = lines.indexOf("  " + secret + ":");
        assertTrue(start >= 0, secret + " has no entry");
        int end = start + 1;
        while (end < lines.size() && lines.get(end).startsWith("    ")) {
            end++;
        }
        String line = "    " + key + ": " + value;
        for (int i = start + 1; i < end; i++) {
            if (lines.get(i).startsWith("    " + key + ":")) {
                if (value == null) {
                    lines.remove(i);
                } else {
                    lines.set(i, line);
                }
                writeManifest(String.join("\n", lines));
                return;
            }
        }
        if (value != null) {
            lines.add(end, line);
        }
        writeManifest(String.join("\n", lines));
    }

    private void chmod(Path path, String mode) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    // ---- a healthy vault

    @Test
    void aHealthyVaultPasses() {
        assertDoctor(0, healthy(3), "doctor: all checks passed");
    }

    @Test
    void doctorRecordsNothingInTheAuditLog() throws IOException {
        Path log = vault.resolve("audit/audit.log");
        byte[] before = Files.readAllBytes(log);
        ok(run("", "doctor"));
        ok(run("", "doctor", "--json"));
        assertArrayEquals(before, Files.readAllBytes(log));
    }

    @Test
    void jsonGivesEachFindingWithItsFix() throws IOException {
        ok(run("", "rm", "api/token"));
        Run run = run("", "doctor", "--json");
        assertEquals(0, run.code());
        assertEquals("[{\"check\":\"manifest\",\"status\":\"ok\",\"message\":\"manifest.yaml reads: 1 identity, 0 groups, 2 secrets\",\"fix\":null},"
                + "{\"check\":\"orphans\",\"status\":\"warn\",\"message\":\"\\\"api/token\\\" was removed; 1 earlier version kept\","
                + "\"fix\":\"vault set api/token to store a value again, or vault purge api/token --yes and delete its entry\"},"
                + "{\"check\":\"readers\",\"status\":\"ok\",\"message\":\"every secret lists its readers and each resolves to an identity\",\"fix\":null},"
                + "{\"check\":\"recipients\",\"status\":\"ok\",\"message\":\"every stored secret is encrypted to its readers and the admins\",\"fix\":null},"
                + "{\"check\":\"post-quantum\",\"status\":\"ok\",\"message\":\"every secret's keys are of one kind: 2 X25519, 0 post-quantum\",\"fix\":null},"
                + "{\"check\":\"rotation\",\"status\":\"ok\",\"message\":\"nothing is due for rotation or expires in the next 14 days\",\"fix\":null},"
                + "{\"check\":\"permissions\",\"status\":\"ok\",\"message\":\"the vault's folders are 0700 and its secret files 0600\",\"fix\":null},"
                + "{\"check\":\"identity\",\"status\":\"ok\",\"message\":\"" + identity + " is readable by its owner only\",\"fix\":null},"
                + "{\"check\":\"audit\",\"status\":\"ok\",\"message\":\"the chain verifies (4 entries) and audit.log is writable\",\"fix\":null}]\n",
                run.out());
    }

    @Test
    void noVaultIsAnError() {
        Run run = run("", "--vault", "elsewhere", "doctor");
        assertEquals(1, run.code());
        assertEquals("vault: error: no vault at \"" + work.resolve("elsewhere") + "\" (it has no manifest.yaml)\n"
                + "vault: hint: create one with `vault init`\n", run.err());
    }

    // ---- 1. the manifest

    @Test
    void aBrokenManifestIsQuotedWithItsPlaceAndTheChecksThatNeedItAreSkipped() throws IOException {
        writeManifest(manifestText().replace("    purpose: \"calls the billing API\"\n",
                "    purpose: \"calls the billing API\"\n    colour: blue\n"));
        int line = Arrays.asList(manifestText().split("\n")).indexOf("    colour: blue") + 1;
        List<String> report = healthy(3);
        report.subList(0, 6).clear();
        report.addAll(0, List.of(
                "fail  manifest     " + manifest() + ":" + line + ":5: unknown key \"colour\" in secret \"api/token\"; "
                        + "fix: the keys allowed here are: purpose, owner, readers, consumers, env, rotate_every, rotated, expires, tags, "
                        + "post_quantum",
                "skip  orphans      not checked: it needs a manifest that reads",
                "skip  readers      not checked: it needs a manifest that reads",
                "skip  recipients   not checked: it needs a manifest that reads",
                "skip  post-quantum not checked: it needs a manifest that reads",
                "skip  rotation     not checked: it needs a manifest that reads"));
        assertDoctor(1, report, "doctor: 1 failed, 5 skipped");
    }

    // ---- 2. orphans

    @Test
    void aStoredSecretWithNoEntryIsAnOrphan() throws IOException {
        Path folder = vault.resolve("secrets/old");
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = folder.resolve("key.age");
        Files.copy(vault.resolve("secrets/api/token.age"), file);
        chmod(file, "rw-------");
        assertDoctor(1, healthyBut(3, "orphans",
                        "fail  orphans      \"old/key\" is stored but has no manifest entry; "
                                + "fix: add an entry for old/key to manifest.yaml, or vault rm old/key"),
                "doctor: 1 failed");
    }

    @Test
    void anEntryWithNoStoredValueIsAnOrphan() {
        ok(run("", "purge", "api/token", "--yes"));
        assertDoctor(1, healthyBut(4, "orphans",
                        "fail  orphans      \"api/token\" is in the manifest but has no stored value; "
                                + "fix: vault set api/token, or delete its entry from manifest.yaml"),
                "doctor: 1 failed");
    }

    @Test
    void aRemovedValueIsAWarning() {
        ok(run("", "rm", "api/token"));
        assertDoctor(0, healthyBut(4, "orphans",
                        "warn  orphans      \"api/token\" was removed; 1 earlier version kept; "
                                + "fix: vault set api/token to store a value again, or vault purge api/token --yes and delete its entry"),
                "doctor: 1 warning");
    }

    // ---- 3. readers

    @Test
    void anEntryWithoutReadersIsReadByEveryIdentity() throws IOException {
        setField("api/token", "readers", null);
        assertDoctor(0, healthyBut(3, "readers",
                        "warn  readers      \"api/token\" lists no readers, so every identity reads it; "
                                + "fix: list who reads it under readers: in its entry in manifest.yaml, then vault rekey api/token"),
                "doctor: 1 warning");
    }

    @Test
    void aGroupWithoutMembersIsAWarning() throws IOException {
        writeManifest(manifestText().replace("\nsecrets:\n", "\ngroups:\n  ops: []\nsecrets:\n"));
        List<String> report = healthyBut(3, "readers",
                "warn  readers      group \"ops\" has no members; fix: list its identities in manifest.yaml, or delete it");
        report.set(0, "ok    manifest     manifest.yaml reads: 1 identity, 1 group, 2 secrets");
        assertDoctor(0, report, "doctor: 1 warning");
    }

    @Test
    void aSecretNoIdentityCanReadIsAManifestError() throws IOException {
        writeManifest(manifestText().replace("\nsecrets:\n", "\ngroups:\n  ops: []\nsecrets:\n"));
        setField("api/token", "readers", "[ops]");
        int line = Arrays.asList(manifestText().split("\n")).indexOf("    readers: [ops]") + 1;
        List<String> report = healthy(3);
        report.subList(0, 6).clear();
        report.addAll(0, List.of(
                "fail  manifest     " + manifest() + ":" + line + ":14: secret \"api/token\" has no readers and the "
                        + "manifest names no admins, so nobody could read it; fix: list at least one identity, or a "
                        + "group with members, under readers",
                "skip  orphans      not checked: it needs a manifest that reads",
                "skip  readers      not checked: it needs a manifest that reads",
                "skip  recipients   not checked: it needs a manifest that reads",
                "skip  post-quantum not checked: it needs a manifest that reads",
                "skip  rotation     not checked: it needs a manifest that reads"));
        assertDoctor(1, report, "doctor: 1 failed, 5 skipped");
    }

    // ---- 4. recipients

    @Test
    void readersEditedByHandWithoutRekeyAreDrift() throws IOException {
        ok(run("", "identity", "new", "bob", "-o", "bob.txt"));
        setField("db/password", "readers", "[bob]");
        List<String> report = healthyBut(4, "recipients",
                "fail  recipients   \"db/password\" is not encrypted to its readers (would add bob; remove alice); "
                        + "fix: vault rekey db/password");
        report.set(0, "ok    manifest     manifest.yaml reads: 2 identities, 0 groups, 2 secrets");
        assertDoctor(1, report, "doctor: 1 failed");

        Run rekey = run("", "rekey", "db/password");
        assertEquals("rekeyed db/password: added bob; removed alice (1/1)\nrekeyed 1\n", rekey.out());
        report = healthy(5);
        report.set(0, "ok    manifest     manifest.yaml reads: 2 identities, 0 groups, 2 secrets");
        assertDoctor(0, report, "doctor: all checks passed");
    }

    @Test
    void aMissingRecipientsRecordIsDrift() throws IOException {
        Files.delete(vault.resolve("secrets/api/token.age.recipients"));
        assertDoctor(1, healthyBut(3, "recipients",
                        "fail  recipients   \"api/token\" is not known to be encrypted to its readers (recipients not recorded); "
                                + "fix: vault rekey api/token"),
                "doctor: 1 failed");
    }

    // ---- 4b. post-quantum keys (carol's, made as `vault identity new carol --pq` would)

    /** A post-quantum identity written to {@code name}.txt and listed in the manifest after alice. */
    private Path postQuantumIdentity(String name) throws Exception {
        NewIdentity pq = NewIdentity.generatePostQuantum(TODAY.instant());
        Path file = work.resolve(name + ".txt");
        IdentityFile.create(file, pq);
        writeManifest(manifestText().replace("\nsecrets:\n", "\n  " + name + ":\n    recipient: " + pq.recipient()
                + "\nsecrets:\n").replace("\n\n  " + name + ":\n", "\n  " + name + ":\n"));
        assertTrue(manifestText().contains("    recipient: " + pq.recipient() + "\n"), manifestText());
        return file;
    }

    @Test
    void aSecretWhoseReadersMixKeyKindsFailsAndOnceRekeyedToOneKindPasses() throws Exception {
        postQuantumIdentity("carol");
        setField("db/password", "readers", "[alice, carol]");
        List<String> report = healthyBut(3, "recipients",
                "fail  recipients   \"db/password\" is not encrypted to its readers (would add carol); "
                        + "fix: vault rekey db/password");
        report = replaceCheck(report, "post-quantum",
                "fail  post-quantum \"db/password\" would be encrypted to post-quantum and X25519 keys at once: a quantum "
                        + "computer could open the file through its X25519 keys (post-quantum: carol; X25519: alice); "
                        + "fix: list post-quantum identities only (vault identity new NAME --pq makes one) or X25519 ones "
                        + "only under its readers in manifest.yaml, then vault rekey db/password");
        report.set(0, "ok    manifest     manifest.yaml reads: 2 identities, 0 groups, 2 secrets");
        assertDoctor(1, report, "doctor: 2 failed");

        setField("db/password", "readers", "[carol]");
        Run rekey = run("", "rekey", "db/password");
        assertEquals("rekeyed db/password: added carol; removed alice (1/1)\nrekeyed 1\n", rekey.out());
        report = replaceCheck(healthy(4), "post-quantum",
                "ok    post-quantum every secret's keys are of one kind: 1 X25519, 1 post-quantum");
        report.set(0, "ok    manifest     manifest.yaml reads: 2 identities, 0 groups, 2 secrets");
        assertDoctor(0, report, "doctor: all checks passed");
    }

    @Test
    void aSecretThatRequiresPostQuantumWithAnX25519ReaderFails() throws IOException {
        setField("api/token", "post_quantum", "true");
        assertDoctor(1, healthyBut(3, "post-quantum",
                        "fail  post-quantum \"api/token\" would be encrypted to X25519 keys: its entry's post_quantum: true "
                                + "requires post-quantum keys only (X25519: alice); fix: list post-quantum identities only "
                                + "(vault identity new NAME --pq makes one) under its readers in manifest.yaml, then "
                                + "vault rekey api/token"),
                "doctor: 1 failed");
    }

    @Test
    void aVaultThatRequiresPostQuantumFailsEachSecretWithAnX25519KeyAndNamesAnAdmin() throws Exception {
        postQuantumIdentity("carol");
        writeManifest(manifestText().replace("\nsecrets:\n", "\nadmins: [alice]\npost_quantum: true\nsecrets:\n"));
        setField("db/password", "readers", "[carol]");
        ok(run("", "purge", "api/token", "--yes"));
        List<String> report = healthyBut(4, "orphans",
                "fail  orphans      \"api/token\" is in the manifest but has no stored value; "
                        + "fix: vault set api/token, or delete its entry from manifest.yaml");
        report = replaceCheck(report, "recipients",
                "fail  recipients   \"db/password\" is not encrypted to its readers (would add carol); "
                        + "fix: vault rekey db/password");
        report = replaceCheck(report, "post-quantum",
                "fail  post-quantum \"db/password\" would be encrypted to X25519 keys: the vault's post_quantum: true "
                        + "requires post-quantum keys only (X25519: admin alice); fix: list post-quantum identities only "
                        + "(vault identity new NAME --pq makes one) under its readers and admins in manifest.yaml, then "
                        + "vault rekey db/password",
                "fail  post-quantum \"api/token\" would be encrypted to X25519 keys: the vault's post_quantum: true "
                        + "requires post-quantum keys only (X25519: alice); fix: list post-quantum identities only "
                        + "(vault identity new NAME --pq makes one) under its readers in manifest.yaml");
        report.set(0, "ok    manifest     manifest.yaml reads: 2 identities, 0 groups, 2 secrets");
        assertDoctor(1, report, "doctor: 4 failed");
    }

    /** {@code report} with the line of {@code check} replaced by {@code lines}. */
    private static List<String> replaceCheck(List<String> report, String check, String... lines) {
        List<String> replaced = new ArrayList<>(report);
        int at = -1;
        for (int i = 0; i < replaced.size(); i++) {
            if (replaced.get(i).substring(6).startsWith(check + " ")) {
                at = i;
            }
        }
        replaced.remove(at);
        replaced.addAll(at, List.of(lines));
        return replaced;
    }

    // ---- 5. rotation and expiry, on 2030-06-15

    @Test
    void anOverdueRotationFails() throws IOException {
        setField("db/password", "rotate_every", "30d");
        setField("db/password", "rotated", "2030-05-01");
        assertDoctor(1, healthyBut(3, "rotation",
                        "fail  rotation     \"db/password\" is overdue for rotation: it was due on 2030-05-31; "
                                + "fix: vault rotate db/password"),
                "doctor: 1 failed");
    }

    @Test
    void aRotationDueWithinTwoWeeksWarns() throws IOException {
        setField("db/password", "rotate_every", "30d");
        setField("db/password", "rotated", "2030-05-20");
        assertDoctor(0, healthyBut(3, "rotation",
                        "warn  rotation     \"db/password\" is due for rotation in 4 days (2030-06-19); "
                                + "fix: vault rotate db/password"),
                "doctor: 1 warning");
    }

    @Test
    void aRotationDueLaterIsFine() throws IOException {
        setField("db/password", "rotate_every", "30d");
        setField("db/password", "rotated", "2030-06-01");
        assertDoctor(0, healthy(3), "doctor: all checks passed");
    }

    @Test
    void anExpiredSecretFails() throws IOException {
        setField("api/token", "expires", "2030-06-14");
        assertDoctor(1, healthyBut(3, "rotation",
                        "fail  rotation     \"api/token\" expired on 2030-06-14; "
                                + "fix: vault rotate api/token, then set its new expires: date in manifest.yaml"),
                "doctor: 1 failed");
    }

    @Test
    void aSecretExpiringWithinTwoWeeksWarns() throws IOException {
        setField("api/token", "expires", "2030-06-29");
        assertDoctor(0, healthyBut(3, "rotation",
                        "warn  rotation     \"api/token\" expires in 14 days (2030-06-29); "
                                + "fix: vault rotate api/token, then set its new expires: date in manifest.yaml"),
                "doctor: 1 warning");
    }

    // ---- 6. permissions

    @Test
    void aSecretFileOthersCanReadFails() throws IOException {
        Path file = vault.resolve("secrets/db/password.age");
        chmod(file, "rw-r--r--");
        assertDoctor(1, healthyBut(3, "permissions",
                        "fail  permissions  file " + file + " is mode 0644: group or others can access it; fix: chmod 600 " + file),
                "doctor: 1 failed");
    }

    @Test
    void aRecipientsRecordOthersCanReadFails() throws IOException {
        Path file = vault.resolve("secrets/db/password.age.recipients");
        chmod(file, "rw-rw----");
        assertDoctor(1, healthyBut(3, "permissions",
                        "fail  permissions  file " + file + " is mode 0660: group or others can access it; fix: chmod 600 " + file),
                "doctor: 1 failed");
    }

    @Test
    void anOpenFolderFails() throws IOException {
        Path folder = vault.resolve("secrets/db");
        Path audit = vault.resolve("audit");
        chmod(folder, "rwxr-xr-x");
        chmod(audit, "rwx--x--x");
        assertDoctor(1, healthyBut(3, "permissions",
                        "fail  permissions  folder " + folder + " is mode 0755: group or others can access it; fix: chmod 700 " + folder,
                        "fail  permissions  folder " + audit + " is mode 0711: group or others can access it; fix: chmod 700 " + audit),
                "doctor: 2 failed");
    }

    @Test
    void anIdentityFileOthersCanReadFails() throws IOException {
        chmod(identity, "rw-r-----");
        assertDoctor(1, healthyBut(3, "identity",
                        "fail  identity     " + identity + " is mode 0640: vault refuses an identity file group or others "
                                + "can access; fix: chmod 600 " + identity),
                "doctor: 1 failed");
    }

    @Test
    void aMissingIdentityFileIsAWarning() throws IOException {
        Files.delete(identity);
        assertDoctor(0, healthyBut(3, "identity",
                        "warn  identity     no identity at " + identity + "; commands that read need one; "
                                + "fix: name yours with -i/--identity FILE or VAULT_IDENTITY"),
                "doctor: 1 warning");
    }

    // ---- 7. the audit log

    @Test
    void aChangedAuditEntryFails() throws IOException {
        Path log = vault.resolve("audit/audit.log");
        String text = Files.readString(log);
        int at = text.indexOf("\"action\":\"set\"") + "\"action\":\"s".length();
        Files.writeString(log, text.substring(0, at) + "a" + text.substring(at + 1));
        assertDoctor(1, healthyBut(3, "audit",
                        "fail  audit        chain broken at audit/audit.log:2 (seq 2): the entry does not match its hash: "
                                + "it was changed after it was written; fix: vault audit verify for details; "
                                + "keep a copy of the audit folder"),
                "doctor: 1 failed");
    }

    @Test
    void aTornTailFails() throws IOException {
        Files.writeString(vault.resolve("audit/audit.log"), "{\"seq\":", StandardOpenOption.APPEND);
        assertDoctor(1, healthyBut(3, "audit",
                        "fail  audit        torn tail at audit/audit.log:4: 7 bytes after the last complete entry, "
                                + "left by a crash during a write; fix: vault audit repair"),
                "doctor: 1 failed");
    }

    @Test
    void anAuditLogReplacedByASymlinkFails() throws IOException {
        Path log = vault.resolve("audit/audit.log");
        Path elsewhere = work.resolve("elsewhere.log");
        Files.move(log, elsewhere);
        Files.createSymbolicLink(log, elsewhere);
        assertDoctor(1, healthyBut(3, "audit",
                        "fail  audit        " + log + " is a symbolic link: vault refuses to record accesses there, "
                                + "so every access fails; fix: replace it with the vault's own audit.log (a regular file)"),
                "doctor: 1 failed");
    }

    // ---- vault list --due

    @Test
    void listDueShowsWhatIsOverdueExpiredOrDueWithinTwoWeeksSoonestFirst() throws IOException {
        ok(run("cert", "set", "tls/cert", "--purpose", "TLS certificate"));
        ok(run("key", "set", "ci/key", "--purpose", "CI signing key"));
        setField("db/password", "rotate_every", "30d");
        setField("db/password", "rotated", "2030-05-01");
        setField("tls/cert", "expires", "2030-06-01");
        setField("api/token", "rotate_every", "1m");
        setField("api/token", "rotated", "2030-05-15");
        setField("api/token", "expires", "2030-06-20");
        setField("ci/key", "rotate_every", "2w");
        setField("ci/key", "rotated", "2030-06-15");
        setField("ci/key", "expires", "2030-06-30");

        Run run = run("", "list", "--due");
        assertEquals(0, run.code(), run.err());
        assertEquals(String.join("\n",
                "NAME         DUE         STATUS",
                "db/password  2030-05-31  overdue",
                "tls/cert     2030-06-01  expired",
                "api/token    2030-06-15  due today",
                "api/token    2030-06-20  expires in 5 days",
                "ci/key       2030-06-29  due in 14 days") + "\n", run.out());
        assertEquals("", run.err());

        Run json = run("", "list", "--due", "--json");
        assertEquals("[{\"name\":\"db/password\",\"kind\":\"rotation\",\"due\":\"2030-05-31\",\"days\":-15,\"status\":\"overdue\"},"
                + "{\"name\":\"tls/cert\",\"kind\":\"expiry\",\"due\":\"2030-06-01\",\"days\":-14,\"status\":\"expired\"},"
                + "{\"name\":\"api/token\",\"kind\":\"rotation\",\"due\":\"2030-06-15\",\"days\":0,\"status\":\"due today\"},"
                + "{\"name\":\"api/token\",\"kind\":\"expiry\",\"due\":\"2030-06-20\",\"days\":5,\"status\":\"expires in 5 days\"},"
                + "{\"name\":\"ci/key\",\"kind\":\"rotation\",\"due\":\"2030-06-29\",\"days\":14,\"status\":\"due in 14 days\"}]\n",
                json.out());
    }

    @Test
    void listDueWithNothingDueSaysSo() throws IOException {
        setField("db/password", "rotate_every", "30d");
        setField("db/password", "rotated", "2030-06-01");
        Run run = run("", "list", "--due");
        assertEquals(0, run.code());
        assertEquals("", run.out());
        assertEquals("nothing is due for rotation in the next 14 days\n", run.err());
        assertEquals("[]\n", run("", "list", "--due", "--json").out());
    }
}
