package dev.vault.core;

import dev.vault.core.audit.AuditFiles;
import dev.vault.core.audit.AuditLog;
import dev.vault.core.audit.ChainVerifier;
import dev.vault.core.audit.VerifyReport;
import dev.vault.core.crypto.AgeKeys;
import dev.vault.core.manifest.Manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What {@code vault doctor} checks: the manifest reads; every stored secret has an entry and every entry
 * a value; readers resolve; each file is encrypted to the recipients the manifest gives it; no secret is
 * to be encrypted to post-quantum and X25519 keys at once, nor to X25519 keys where post-quantum is
 * required; no rotation or expiry has passed or comes soon; folders and secret files are private, and so
 * is the identity file; the audit chain verifies and its log can be written. Reads only: it decrypts
 * nothing and records nothing in the audit log.
 */
public final class Doctor {
    /** How a check came out. */
    public enum Status {
        OK, WARN, FAIL,
        /** Not run: it needs the manifest, which does not read. */
        SKIP;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One finding: the check it belongs to, how it came out, what was found, and the command (or edit)
     * that fixes it, or null.
     */
    public record Check(String name, Status status, String message, String fix) {
    }

    /** The checks that read the manifest, skipped when it does not read. */
    private static final List<String> NEED_MANIFEST = List.of("orphans", "readers", "recipients", "post-quantum",
            "rotation");

    /** Doctor only reads: a vault it opens must never get as far as recording an access. */
    private static final AuditLog RECORDS_NOTHING = event -> {
        throw new IllegalStateException("vault doctor records nothing in the audit log");
    };

    private final VaultPaths paths;
    private final Vault vault;
    private final SecretStore store;
    private final Path identityFile;
    private final LocalDate today;
    private final List<Check> checks = new ArrayList<>();

    private Doctor(VaultPaths paths, Path identityFile, LocalDate today) throws VaultException {
        this.paths = paths;
        this.vault = Vault.open(paths, RECORDS_NOTHING);
        this.store = new SecretStore(paths.secrets());
        this.identityFile = identityFile;
        this.today = today;
    }

    /**
     * Checks the vault at {@code paths}, with the identity file {@code identityFile} (the one commands
     * would use), on the day {@code clock} gives. Fails only when there is no vault there.
     */
    public static List<Check> examine(VaultPaths paths, Path identityFile, Clock clock) throws VaultException {
        Doctor doctor = new Doctor(paths, identityFile, LocalDate.now(clock));
        doctor.run();
        return List.copyOf(doctor.checks);
    }

    private void run() throws VaultException {
        Manifest manifest = manifest();
        if (manifest != null) {
            orphans(manifest);
            readers(manifest);
            recipients();
            postQuantum(manifest);
            rotation();
        } else {
            for (String name : NEED_MANIFEST) {
                add(name, Status.SKIP, "not checked: it needs a manifest that reads", null);
            }
        }
        permissions();
        identity();
        audit();
    }

    private Manifest manifest() {
        Manifest manifest;
        try {
            manifest = vault.manifest();
        } catch (VaultException e) {
            add("manifest", Status.FAIL, e.getMessage(), e.hint() != null ? e.hint() : "edit " + paths.manifest());
            return null;
        }
        add("manifest", Status.OK, "manifest.yaml reads: " + count(manifest.identities().size(), "identity", "identities")
                + ", " + count(manifest.groups().size(), "group", "groups")
                + ", " + count(manifest.secrets().size(), "secret", "secrets"), null);
        return manifest;
    }

    private void orphans(Manifest manifest) throws VaultException {
        int found = checks.size();
        Set<SecretName> stored;
        try {
            stored = new TreeSet<>(store.names());
            for (SecretName name : stored) {
                if (manifest.secret(name).isEmpty()) {
                    add("orphans", Status.FAIL, quote(name) + " is stored but has no manifest entry",
                            "add an entry for " + name + " to manifest.yaml, or vault rm " + name);
                }
            }
            for (Manifest.SecretEntry entry : manifest.secrets()) {
                SecretName name = SecretName.of(entry.name());
                if (stored.contains(name)) {
                    continue;
                }
                int kept = store.earlierVersions(name).size();
                if (kept == 0) {
                    add("orphans", Status.FAIL, quote(name) + " is in the manifest but has no stored value",
                            "vault set " + name + ", or delete its entry from manifest.yaml");
                } else {
                    add("orphans", Status.WARN, quote(name) + " was removed; " + count(kept, "earlier version", "earlier versions")
                                    + " kept", "vault set " + name + " to store a value again, or vault purge "
                                    + name + " --yes and delete its entry");
                }
            }
        } catch (IOException e) {
            throw VaultException.failed("cannot read the store: " + e.getMessage());
        }
        if (checks.size() == found) {
            add("orphans", Status.OK, "every stored secret has a manifest entry and every entry a value", null);
        }
    }

    private void readers(Manifest manifest) {
        int found = checks.size();
        for (Map.Entry<String, List<String>> group : manifest.groups().entrySet()) {
            if (group.getValue().isEmpty()) {
                add("readers", Status.WARN, "group \"" + group.getKey() + "\" has no members",
                        "list its identities in manifest.yaml, or delete it");
            }
        }
        for (Manifest.SecretEntry entry : manifest.secrets()) {
            if (manifest.decryptors(entry).isEmpty()) {
                add("readers", Status.FAIL, "\"" + entry.name() + "\" can be read by no identity: its readers"
                        + " and the admins name none", "vault grant " + entry.name() + " IDENTITY");
            } else if (entry.readers() == null) {
                add("readers", Status.WARN, "\"" + entry.name() + "\" lists no readers, so every identity reads it",
                        "list who reads it under readers: in its entry in manifest.yaml, then vault rekey "
                                + entry.name());
            }
        }
        if (checks.size() == found) {
            add("readers", Status.OK, "every secret lists its readers and each resolves to an identity", null);
        }
    }

    private void recipients() throws VaultException {
        List<Vault.Drift> drifted = vault.drift();
        for (Vault.Drift drift : drifted) {
            String name = drift.secret().toString();
            String change;
            if (drift.removed() == null) {
                change = "recipients not recorded";
            } else {
                List<String> parts = new ArrayList<>();
                if (!drift.added().isEmpty()) {
                    parts.add("add " + String.join(", ", drift.added()));
                }
                if (!drift.removed().isEmpty()) {
                    parts.add("remove " + String.join(", ", drift.removed()));
                }
                change = "would " + String.join("; ", parts);
            }
            add("recipients", Status.FAIL, "\"" + name + "\" is not " + (drift.removed() == null ? "known to be " : "")
                    + "encrypted to its readers (" + change + ")", "vault rekey " + name);
        }
        if (drifted.isEmpty()) {
            add("recipients", Status.OK, "every stored secret is encrypted to its readers and the admins", null);
        }
    }

    /**
     * Each secret's keys (its readers' and the admins') by the manifest: all post-quantum or all X25519, and
     * post-quantum where the manifest requires it. The vault refuses to encrypt a secret that fails this.
     */
    private void postQuantum(Manifest manifest) throws VaultException {
        int found = checks.size();
        int postQuantum = 0;
        int x25519 = 0;
        for (Manifest.SecretEntry entry : manifest.secrets()) {
            PostQuantumRule.Breach breach = PostQuantumRule.of(manifest, entry);
            if (breach != null) {
                add("post-quantum", Status.FAIL, breach.finding(),
                        breach.fix(false, store.exists(SecretName.of(entry.name()))));
                continue;
            }
            List<String> recipients = manifest.recipients(entry);
            if (!recipients.isEmpty()) {
                if (AgeKeys.isPostQuantum(recipients.get(0))) {
                    postQuantum++;
                } else {
                    x25519++;
                }
            }
        }
        if (checks.size() == found) {
            add("post-quantum", Status.OK, "every secret's keys are of one kind: " + x25519 + " X25519, "
                    + postQuantum + " post-quantum", null);
        }
    }

    private void rotation() throws VaultException {
        List<Due> due = vault.due(today);
        for (Due item : due) {
            String name = item.secret().toString();
            if (item.kind() == Due.Kind.ROTATION) {
                add("rotation", item.passed() ? Status.FAIL : Status.WARN, item.passed()
                        ? quote(item.secret()) + " is overdue for rotation: it was due on " + item.date()
                        : quote(item.secret()) + " is due for rotation " + item.when() + " (" + item.date() + ")",
                        "vault rotate " + name);
            } else {
                add("rotation", item.passed() ? Status.FAIL : Status.WARN, item.passed()
                        ? quote(item.secret()) + " expired on " + item.date()
                        : quote(item.secret()) + " expires " + item.when() + " (" + item.date() + ")",
                        "vault rotate " + name + ", then set its new expires: date in manifest.yaml");
            }
        }
        if (due.isEmpty()) {
            add("rotation", Status.OK, "nothing is due for rotation or expires in the next " + Due.WINDOW_DAYS
                    + " days", null);
        }
    }

    /** Folders 0700 and secret files 0600, or stricter: group and others get no access. */
    private void permissions() {
        int found = checks.size();
        checkMode(paths.root());
        for (Path tree : List.of(paths.secrets(), paths.auditFolder())) {
            if (!Files.isDirectory(tree, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(tree)) {
                boolean secrets = tree.equals(paths.secrets());
                for (Path path : walk.sorted().toList()) {
                    if (secrets || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                        checkMode(path);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                add("permissions", Status.FAIL, "cannot read \"" + tree + "\": " + e.getMessage(), null);
            }
        }
        if (checks.size() == found) {
            add("permissions", Status.OK, "the vault's folders are 0700 and its secret files 0600", null);
        }
    }

    private void checkMode(Path path) {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            add("permissions", Status.FAIL, "cannot read the mode of \"" + path + "\": " + e.getMessage(), null);
            return;
        }
        if ((!attributes.isDirectory() && !attributes.isRegularFile()) || !open(attributes.permissions())) {
            return;
        }
        boolean folder = attributes.isDirectory();
        add("permissions", Status.FAIL, (folder ? "folder " : "file ") + path + " is mode "
                        + AtomicFiles.octal(attributes.permissions()) + ": group or others can access it",
                "chmod " + (folder ? "700 " : "600 ") + path);
    }

    /** The identity file commands would use: present, and private to its owner, or vault refuses it. */
    private void identity() {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(identityFile);
        } catch (NoSuchFileException e) {
            add("identity", Status.WARN, "no identity at " + identityFile + "; commands that read need one",
                    "name yours with -i/--identity FILE or VAULT_IDENTITY");
            return;
        } catch (IOException e) {
            add("identity", Status.FAIL, "cannot read the mode of " + identityFile + ": " + e.getMessage(), null);
            return;
        }
        if (!Files.isRegularFile(identityFile)) {
            add("identity", Status.FAIL, identityFile + " is not a regular file", "name an identity file with -i/--identity FILE");
        } else if (open(permissions)) {
            add("identity", Status.FAIL, identityFile + " is mode " + AtomicFiles.octal(permissions)
                    + ": vault refuses an identity file group or others can access", "chmod 600 " + identityFile);
        } else {
            add("identity", Status.OK, identityFile + " is readable by its owner only", null);
        }
    }

    /** The chain verifies, and the active segment is a regular file that can be written. */
    private void audit() {
        int found = checks.size();
        AuditFiles files = new AuditFiles(paths.auditFolder());
        VerifyReport report = null;
        try {
            report = ChainVerifier.verify(files);
            if (!report.ok()) {
                boolean torn = report.problem() == VerifyReport.Problem.TORN_TAIL;
                add("audit", Status.FAIL, (torn ? "torn tail at " : "chain broken at ")
                                + paths.root().relativize(report.segment()) + ":" + report.line()
                                + (report.seq() != null ? " (seq " + report.seq() + ")" : "") + ": " + report.detail(),
                        torn ? "vault audit repair" : "vault audit verify for details; keep a copy of the audit folder");
            }
        } catch (NoSuchFileException e) {
            add("audit", Status.FAIL, "no audit log at " + files.active(),
                    "put the vault's audit.log back; vault never starts a new log by itself");
        } catch (IOException e) {
            add("audit", Status.FAIL, "cannot read the audit log in " + files.folder() + ": " + e.getMessage(), null);
        }
        Path active = files.active();
        try {
            PosixFileAttributes attributes = Files.readAttributes(active, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink() || !attributes.isRegularFile()) {
                add("audit", Status.FAIL, active + " is " + (attributes.isSymbolicLink() ? "a symbolic link" : "not a regular file")
                                + ": vault refuses to record accesses there, so every access fails",
                        "replace it with the vault's own audit.log (a regular file)");
            } else if (!Files.isWritable(active)) {
                add("audit", Status.FAIL, active + " cannot be written: every access fails", "chmod 600 " + active);
            }
        } catch (NoSuchFileException e) {
            // reported above
        } catch (IOException e) {
            add("audit", Status.FAIL, "cannot read \"" + active + "\": " + e.getMessage(), null);
        }
        if (checks.size() == found && report != null) {
            add("audit", Status.OK, "the chain verifies (" + count(report.entries(), "entry", "entries")
                    + ") and audit.log is writable", null);
        }
    }

    private static boolean open(Set<PosixFilePermission> permissions) {
        for (PosixFilePermission permission : permissions) {
            if (permission.name().startsWith("GROUP_") || permission.name().startsWith("OTHERS_")) {
                return true;
            }
        }
        return false;
    }

    private void add(String name, Status status, String message, String fix) {
        checks.add(new Check(name, status, message, fix));
    }

    private static String quote(SecretName name) {
        return "\"" + name + "\"";
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
