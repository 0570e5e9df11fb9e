package dev.vault.cli;

import dev.vault.core.crypto.IdentityFile;
import dev.vault.core.crypto.NewIdentity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each bad input from the foundation issue: the error line, the exit code, and that no file of the vault
 * or the identities changed. The audit log is the one file that may grow: a failed access is recorded
 * (one "error" entry), and input rejected before any access adds nothing.
 */
class BadInputLeavesDiskUnchangedTest {
    @TempDir
    Path work;

    private Map<String, String> env;

    @BeforeEach
    void vaultWithOneSecret() throws IOException {
        env = Map.of("HOME", work.resolve("home").toString(), "XDG_CONFIG_HOME", work.resolve("config").toString(),
                "USER", "tester", "PATH", System.getenv("PATH"));
        assertEquals(0, run("", "init").code());
        assertEquals(0, run("first value", "set", "db/password", "--purpose", "primary database").code());
    }

    @Test
    void unknownSecret() throws IOException {
        expectUnchanged(1, "vault: error: no secret named \"nope\"", 1, "", "get", "nope");
    }

    @Test
    void emptyValue() throws IOException {
        expectUnchanged(1, "vault: error: refusing to store an empty value for \"db/password\"", 0, "",
                "set", "db/password");
    }

    @Test
    void invalidNameIsRefusedBeforeAnyFileIsTouched() throws IOException {
        expectUnchanged(1, "vault: error: invalid secret name \"../../etc/x\"", 0, "x",
                "set", "../../etc/x", "--purpose", "escape");
        assertTrue(!Files.exists(work.resolve("etc")) && !Files.exists(work.getParent().resolve("etc/x.age")));
    }

    @Test
    void identityReadableByOthers() throws IOException {
        Path identity = work.resolve("config/vault/identity.txt");
        Files.setPosixFilePermissions(identity, PosixFilePermissions.fromString("rw-r--r--"));
        expectUnchanged(3, "vault: error: identity file \"" + identity + "\" is accessible by others (mode 0644)", 1,
                "", "get", "db/password");
    }

    @Test
    void identityWithAWrongLengthKey() throws IOException {
        Path identity = work.resolve("short.txt");
        Files.writeString(identity, "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ6J6TAE\n");
        Files.setPosixFilePermissions(identity, PosixFilePermissions.fromString("rw-------"));
        expectUnchanged(3, "vault: error: identity file \"" + identity
                + "\" line 1: expected a 32-byte X25519 key, found 31 bytes", 1, "", "get", "db/password", "-i", "short.txt");
    }

    @Test
    void missingVault() throws IOException {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        expectUnchanged(1, "vault: error: no vault at \"" + elsewhere + "\" (it has no manifest.yaml)", 0, "",
                "get", "db/password", "--vault", "elsewhere");
    }

    @Test
    void nonReaderIsRefusedByTheManifest() throws IOException {
        assertEquals(0, run("", "identity", "new", "other", "-o", "other.txt").code());
        expectUnchanged(3, "vault: error: identity \"other\" is not a reader of \"db/password\" (its readers: tester)",
                1, "", "get", "db/password", "-i", "other.txt");
        assertTrue(lastAuditLine().contains("\"result\":\"denied\",\"reason\":\"not a reader\""), lastAuditLine());
    }

    @Test
    void ageFileThatDoesNotDecryptWithTheIdentity() throws IOException {
        Path other = work.resolve("other.txt");
        assertEquals(0, run("", "identity", "new", "other", "-o", "other.txt").code());
        // a reader in the manifest whose key the file was not encrypted to yet (no `vault rekey` since)
        Path manifest = work.resolve(".vault/manifest.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("readers: [tester]", "readers: [tester, other]"));
        Path file = work.resolve(".vault/secrets/db/password.age");
        expectUnchanged(3, "vault: error: \"" + file + "\" does not decrypt with identity \"" + other + "\"", 1, "",
                "get", "db/password", "-i", "other.txt");
        assertTrue(lastAuditLine().contains("\"result\":\"denied\",\"reason\":\"not a recipient of this secret\""),
                lastAuditLine());
    }

    @Test
    void damagedAgeFile() throws IOException {
        Path file = work.resolve(".vault/secrets/db/password.age");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5] ^= 1;
        Files.write(file, bytes);
        expectUnchanged(3, "vault: error: \"" + file + "\" does not decrypt: its content failed authentication or is truncated",
                1, "", "get", "db/password");
    }

    @Test
    void importThatWouldOverwriteAValueWritesNothing() throws IOException {
        Files.writeString(work.resolve("app.env"), "NEW_ONE=fresh\nPASSWORD=second value\n");
        expectUnchanged(1, "vault: error: refusing to overwrite 1 secret that already has a value: PASSWORD -> db/password\n",
                0, "", "import", "app.env", "--prefix", "db/", "--purpose", "imported");
    }

    @Test
    void importWithoutAPurposeWritesNothing() throws IOException {
        Files.writeString(work.resolve("app.env"), "API_TOKEN=tok-1\nCACHE_KEY=ck-1\n");
        expectUnchanged(1, "vault: error: 2 new secrets need a purpose: API_TOKEN -> api_token, CACHE_KEY -> cache_key\n",
                0, "", "import", "app.env");
    }

    // ---- post-quantum and X25519 keys are never mixed in one file (carol's key is post-quantum)

    private static final String MIX_TESTER_CAROL = "post-quantum and X25519 keys at once: a quantum computer could "
            + "open the file through its X25519 keys (post-quantum: carol; X25519: tester)";

    @Test
    void setForBothKeyKindsWritesNothing() throws Exception {
        postQuantumIdentity("carol");
        assertEquals("vault: error: refusing to encrypt \"api/token\" to " + MIX_TESTER_CAROL + "\n"
                        + "vault: hint: list post-quantum identities only (vault identity new NAME --pq makes one) or "
                        + "X25519 ones only with --reader\n",
                expectUnchanged(1, "vault: error: refusing", 0, "tok",
                        "set", "api/token", "--purpose", "billing", "--reader", "tester,carol").err());
        expectUnchanged(1, "vault: error: refusing to encrypt \"api/token\" to " + MIX_TESTER_CAROL + "\n", 0, "tok",
                "set", "api/token", "--purpose", "billing");
    }

    @Test
    void rotateOfASecretWhoseReadersMixKeyKindsWritesNothing() throws Exception {
        postQuantumIdentity("carol");
        editManifest("readers: [tester]", "readers: [tester, carol]");
        assertEquals("vault: error: refusing to encrypt \"db/password\" to " + MIX_TESTER_CAROL + "\n"
                        + "vault: hint: list post-quantum identities only (vault identity new NAME --pq makes one) or "
                        + "X25519 ones only under its readers in manifest.yaml, then vault rekey db/password\n",
                expectUnchanged(1, "vault: error: refusing", 0, "second value", "rotate", "db/password").err());
    }

    @Test
    void rekeyToBothKeyKindsWritesNothingAndSaysWhy() throws Exception {
        postQuantumIdentity("carol");
        editManifest("readers: [tester]", "readers: [tester, carol]");
        Map<String, String> before = snapshot();
        List<String> auditBefore = auditLines();
        InProcessRun result = run("", "rekey");
        assertEquals(3, result.code(), result.err());
        assertEquals("failed db/password: refusing to encrypt \"db/password\" to " + MIX_TESTER_CAROL + "; list "
                + "post-quantum identities only (vault identity new NAME --pq makes one) or X25519 ones only under its "
                + "readers in manifest.yaml, then vault rekey db/password (1/1)\nrekeyed 0, failed 1\n", result.out());
        assertEquals("vault: error: 1 secret could not be rekeyed and still use their earlier recipients\n"
                + "vault: hint: each \"failed\" line above says why and what to do; `vault doctor` lists them\n",
                result.err());
        assertEquals(before, snapshot(), "files changed");
        assertEquals(auditBefore, auditLines(), "nothing was encrypted, so nothing is recorded");
    }

    @Test
    void grantOfAPostQuantumReaderToAnX25519SecretWritesNothing() throws Exception {
        postQuantumIdentity("carol");
        expectUnchanged(1, "vault: error: refusing to encrypt \"db/password\" to " + MIX_TESTER_CAROL + "\n", 0, "",
                "grant", "db/password", "carol");
    }

    @Test
    void importIsCheckedWholeBeforeTheFirstSecretIsWritten() throws Exception {
        editManifest("readers: [tester]", "readers: [tester]\n    env: DB_PASSWORD\n    post_quantum: true");
        Files.writeString(work.resolve("app.env"), "API_TOKEN=tok\nDB_PASSWORD=second value\n");
        assertEquals("vault: error: refusing to encrypt \"db/password\" to X25519 keys: its entry's post_quantum: true "
                        + "requires post-quantum keys only (X25519: tester)\n"
                        + "vault: hint: list post-quantum identities only (vault identity new NAME --pq makes one) under "
                        + "its readers in manifest.yaml, then vault rekey db/password\n",
                expectUnchanged(1, "vault: error: refusing", 0, "",
                        "import", "app.env", "--purpose", "imported", "--force").err());
    }

    @Test
    void anX25519IdentityInAVaultThatRequiresPostQuantumIsRefused() throws Exception {
        editManifest("\nsecrets:", "\npost_quantum: true\nsecrets:");
        assertEquals("vault: error: this vault requires post-quantum keys (post_quantum: true in the manifest), and the "
                        + "recipient of \"erin\" is an X25519 key\n"
                        + "vault: hint: make a post-quantum identity: vault identity new erin --pq\n",
                expectUnchanged(1, "vault: error: this vault", 0, "", "identity", "new", "erin", "-o", "erin.txt").err());
    }

    /** A post-quantum identity in {@code name}.txt, listed first in the manifest (as `vault identity new --pq` would). */
    private void postQuantumIdentity(String name) throws Exception {
        NewIdentity identity = NewIdentity.generatePostQuantum(Instant.EPOCH);
        IdentityFile.create(work.resolve(name + ".txt"), identity);
        editManifest("\nidentities:\n", "\nidentities:\n  " + name + ":\n    recipient: " + identity.recipient() + "\n");
    }

    /** Replaces {@code from} (which must be there once) in the manifest, as a person editing it would. */
    private void editManifest(String from, String to) throws IOException {
        Path manifest = work.resolve(".vault/manifest.yaml");
        String text = Files.readString(manifest);
        assertEquals(text.indexOf(from), text.lastIndexOf(from), from);
        assertTrue(text.contains(from), from);
        Files.writeString(manifest, text.replace(from, to));
    }

    /** Runs the command and checks exit code, first error line, empty stdout, and the disk. */
    private InProcessRun expectUnchanged(int code, String errorStart, int auditEntriesAdded, String stdin, String... args)
            throws IOException {
        Map<String, String> before = snapshot();
        List<String> auditBefore = auditLines();
        InProcessRun result = run(stdin, args);
        assertEquals(code, result.code(), result.err());
        assertTrue(result.err().startsWith(errorStart), "stderr was: " + result.err());
        assertEquals("", result.out(), "nothing on stdout");
        assertEquals(before, snapshot(), "files changed");
        List<String> auditAfter = auditLines();
        assertEquals(auditBefore, auditAfter.subList(0, auditBefore.size()), "the audit log was rewritten");
        assertEquals(auditEntriesAdded, auditAfter.size() - auditBefore.size(), "audit entries added");
        for (String entry : auditAfter.subList(auditBefore.size(), auditAfter.size())) {
            assertTrue(entry.contains("\"result\":\"error\"") || entry.contains("\"result\":\"denied\""), entry);
            assertTrue(entry.contains("\"action\":\"" + args[0] + "\""), entry);
        }
        return result;
    }

    private String lastAuditLine() throws IOException {
        List<String> lines = auditLines();
        return lines.get(lines.size() - 1);
    }

    private List<String> auditLines() throws IOException {
        return Files.readAllLines(work.resolve(".vault/audit/audit.log"));
    }

    /** Every file and folder under the work folder (but the audit log and the lock): path, mode, content hash. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String relative = work.relativize(path).toString();
                if (relative.equals(".vault/audit/audit.log") || relative.equals(".vault/.lock")
                        || relative.equals(".vault/audit/audit.lock")) {
                    continue;
                }
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                files.put(relative, mode + (Files.isRegularFile(path) ? " " + sha256(Files.readAllBytes(path)) : " dir"));
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private InProcessRun run(String stdin, String... args) {
        return InProcessRun.of(env, work, stdin, args);
    }
}
