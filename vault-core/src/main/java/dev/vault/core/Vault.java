package dev.vault.core;

import dev.vault.core.audit.AuditEvent;
import dev.vault.core.audit.AuditLog;
import dev.vault.core.audit.AuditFiles;
import dev.vault.core.audit.ChainedAuditLog;
import dev.vault.core.crypto.AgeCodec;
import dev.vault.core.crypto.AgeKeys;
import dev.vault.core.crypto.DecryptException;
import dev.vault.core.crypto.Identity;
import dev.vault.core.manifest.Manifest;
import dev.vault.core.manifest.ManifestEditor;
import dev.vault.core.manifest.ManifestReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A vault on disk. The only way to secret values: every read and every change is recorded in the
 * {@link AuditLog} first, and when the record cannot be written nothing is released or changed.
 */
public final class Vault {
    private final VaultPaths paths;
    private final SecretStore store;
    private final AuditLog audit;
    private final Clock clock;
    private Manifest manifest;

    private Vault(VaultPaths paths, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.paths = paths;
        this.store = new SecretStore(paths.secrets());
        this.audit = audit;
    }

    /** Opens an existing vault; the day a value is stored is taken from the system clock, in UTC. */
    public static Vault open(VaultPaths paths, AuditLog audit) throws VaultException {
        return open(paths, audit, Clock.systemUTC());
    }

    /** Opens an existing vault; {@code clock} gives the day a value is stored (its {@code rotated} date). */
    public static Vault open(VaultPaths paths, AuditLog audit, Clock clock) throws VaultException {
        if (!paths.exists()) {
            throw VaultException.failed("no vault at \"" + paths.root() + "\" (it has no manifest.yaml)",
                    "create one with `vault init`");
        }
        return new Vault(paths, audit, clock);
    }

    /**
     * Creates a vault folder with a manifest naming its first identity, an empty store and an empty audit
     * log whose first entry records the creation. Refuses a folder that already has anything in it.
     */
    public static void create(VaultPaths paths, String identityName, String recipient, AuditLog audit)
            throws VaultException {
        Path root = paths.root();
        try {
            if (Files.exists(root)) {
                try (var entries = Files.list(root)) {
                    if (entries.findAny().isPresent()) {
                        throw VaultException.failed("\"" + root + "\" already exists and is not empty; refusing to overwrite it",
                                paths.exists() ? "this vault is ready: use it, or pick another folder with --vault DIR"
                                        : "pick an empty or new folder with --vault DIR");
                    }
                }
            }
            AtomicFiles.createFolders(root);
            AtomicFiles.createFolders(paths.secrets());
            ChainedAuditLog.create(paths.auditFolder());
            String text = initialManifest(identityName, recipient);
            ManifestReader.read(text, paths.manifest().toString());
            AtomicFiles.createExclusive(paths.manifest(), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw VaultException.failed("cannot create the vault at \"" + root + "\": " + e.getMessage());
        }
        audit.append(AuditEvent.ok("init", null, null, recipient, null));
    }

    private static String initialManifest(String identityName, String recipient) {
        return "# Purpose manifest of this vault: what each secret is for and who holds which key.\n"
                + "# It holds no secret values and is safe to commit. The vault adds entries here;\n"
                + "# your comments and edits elsewhere are kept.\n"
                + "version: " + Manifest.VERSION + "\n"
                + "\n"
                + "# Who can decrypt: name -> age recipient (public key). One identity per person or agent.\n"
                + "identities:\n"
                + "  " + identityName + ":\n"
                + "    recipient: " + recipient + "\n"
                + "\n"
                + "# Secret name -> what it is for, and the variable `vault exec` sets from it.\n"
                + "secrets: {}\n";
    }

    public VaultPaths paths() {
        return paths;
    }

    /** The manifest, read once and validated. */
    public Manifest manifest() throws VaultException {
        if (manifest == null) {
            manifest = readManifest();
        }
        return manifest;
    }

    private Manifest readManifest() throws VaultException {
        return ManifestReader.read(paths.manifest());
    }

    /**
     * Stores a new value of {@code name}, keeping the current one as an earlier version. A new secret
     * needs a purpose. Returns the new version's number.
     */
    public int set(SecretName name, SecretBytes value, String purpose, String env) throws VaultException {
        return set(name, value, purpose, env, null);
    }

    /**
     * Stores a new value of {@code name} as {@link #set(SecretName, SecretBytes, String, String)} does.
     * A new secret's readers are {@code readers} (identity and group names), or every identity the
     * manifest lists when null; an existing secret's readers change only by {@link #grant} and
     * {@link #revoke}. The file is encrypted to the readers and the admins, and the manifest records
     * today as the date the value was {@code rotated}.
     */
    public int set(SecretName name, SecretBytes value, String purpose, String env, List<String> readers)
            throws VaultException {
        return store("set", name, value, purpose, env, readers);
    }

    /** Stores a new value of an existing secret, recorded as a rotation. Returns the new version's number. */
    public int rotate(SecretName name, SecretBytes value) throws VaultException {
        if (!store.exists(name)) {
            throw VaultException.failed("no secret named \"" + name + "\" to rotate",
                    "`vault list` shows the secrets there are; a new one is stored with `vault set`");
        }
        return store("rotate", name, value, null, null, null);
    }

    private int store(String action, SecretName name, SecretBytes value, String purpose, String env,
                      List<String> readers) throws VaultException {
        if (value.isEmpty()) {
            throw VaultException.failed("refusing to store an empty value for \"" + name + "\"",
                    "pipe the value in: printf %s \"$VALUE\" | vault " + action + " " + name);
        }
        try (VaultLock lock = VaultLock.acquire(paths.lock())) {
            manifest = null;
            Manifest current = manifest();
            Manifest.SecretEntry entry = current.secret(name).orElse(null);
            Map<String, String> changes = new LinkedHashMap<>();
            manifestChanges(current, name, entry, purpose, env)
                    .forEach((key, text) -> changes.put(key, ManifestEditor.quote(text)));
            if (entry == null) {
                changes.put("readers", ManifestEditor.flowList(newReaders(current, name, readers)));
            } else if (readers != null) {
                throw VaultException.failed("\"" + name + "\" already has readers in the manifest",
                        "change them with `vault grant " + name + " NAME` and `vault revoke " + name + " NAME`");
            }
            changes.put("rotated", LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString());
            String newManifest = ManifestEditor.setSecretYaml(current, name.toString(), changes);
            Manifest next = ManifestReader.read(newManifest, paths.manifest().toString());
            Manifest.SecretEntry nextEntry = next.secret(name).orElseThrow();
            List<String> recipients = next.recipients(nextEntry);
            if (recipients.isEmpty()) {
                throw VaultException.failed("the manifest lists no identities, so nobody could read \"" + name + "\"",
                        "add one with `vault identity new NAME`");
            }
            requireOneKind(next, nextEntry, entry == null);
            String statedPurpose = nextEntry.purpose();
            byte[] ageFile;
            try {
                ageFile = AgeCodec.encrypt(value.reveal(), recipients);
            } catch (GeneralSecurityException | IOException e) {
                throw VaultException.failed("cannot encrypt \"" + name + "\": " + e.getMessage());
            }
            int version;
            SecretStore.PendingWrite pending;
            try {
                version = store.nextVersion(name);
                pending = store.prepare(name, ageFile);
            } catch (IOException e) {
                throw VaultException.failed("cannot write \"" + store.current(name) + "\": " + e.getMessage());
            }
            try {
                audit.append(AuditEvent.ok(action, name.toString(), version, null, statedPurpose));
            } catch (VaultException e) {
                pending.abort();
                throw e;
            }
            try {
                store.forgetRecipients(name);
                pending.commit();
            } catch (IOException e) {
                pending.abort();
                recordFailure(AuditEvent.error(action, name.toString(), version, null, statedPurpose, "write failed"));
                throw VaultException.failed("cannot write \"" + store.current(name) + "\": " + e.getMessage());
            }
            writeManifest(newManifest);
            recordRecipients(name, recipients);
            return version;
        }
    }

    /**
     * Refuses, writing nothing, what {@link #set} would refuse for the kinds of key of {@code name}: keys of
     * both kinds in one file, or an X25519 key where the manifest requires post-quantum. A secret with an
     * entry is checked by its readers and the admins; a new one by {@code readers} (identity and group names;
     * null: every identity) and the admins. For commands that store several secrets: every one is checked
     * before the first is written.
     */
    public void checkKeyKinds(SecretName name, List<String> readers) throws VaultException {
        Manifest current = manifest();
        Manifest.SecretEntry entry = current.secret(name).orElse(null);
        if (entry != null) {
            requireOneKind(current, entry, false);
            return;
        }
        if (readers != null) {
            current.checkReaderNames(readers);
        }
        PostQuantumRule.Breach breach = PostQuantumRule.ofNew(current, name.toString(), readers);
        if (breach != null) {
            throw breach.refuse(true, false);
        }
    }

    /**
     * Refuses to encrypt {@code entry}'s secret when its readers and the admins hold keys of both kinds, or
     * an X25519 key where the manifest requires post-quantum. Called before anything is written.
     */
    private void requireOneKind(Manifest manifest, Manifest.SecretEntry entry, boolean newSecret)
            throws VaultException {
        PostQuantumRule.Breach breach = PostQuantumRule.of(manifest, entry);
        if (breach != null) {
            throw breach.refuse(newSecret, !newSecret && store.exists(SecretName.of(entry.name())));
        }
    }

    /** A new secret's readers: those given, each checked, or every identity the manifest lists. */
    private static List<String> newReaders(Manifest current, SecretName name, List<String> readers)
            throws VaultException {
        if (readers == null) {
            List<String> all = current.identityNames();
            if (all.isEmpty()) {
                throw VaultException.failed("the manifest lists no identities, so nobody could read \"" + name + "\"",
                        "add one with `vault identity new NAME`");
            }
            return all;
        }
        current.checkReaderNames(readers);
        List<String> checked = new ArrayList<>();
        for (String reader : readers) {
            if (!checked.contains(reader)) {
                checked.add(reader);
            }
        }
        return checked;
    }

    /** Records the recipients the current file of {@code name} was just encrypted to. */
    private void recordRecipients(SecretName name, List<String> recipients) throws VaultException {
        try {
            store.recordRecipients(name, recipients);
        } catch (IOException e) {
            throw VaultException.failed("\"" + name + "\" was written, but its recipients could not be recorded in \""
                    + store.recipientsRecord(name) + "\": " + e.getMessage(),
                    "`vault rekey " + name + "` encrypts it again and records them");
        }
    }

    private Map<String, String> manifestChanges(Manifest current, SecretName name, Manifest.SecretEntry entry,
                                                String purpose, String env) throws VaultException {
        Map<String, String> changes = new LinkedHashMap<>();
        if (entry == null && (purpose == null || purpose.isBlank())) {
            throw VaultException.failed("\"" + name + "\" is a new secret and needs a purpose",
                    "say what it is for: vault set " + name + " --purpose \"what it is for\"");
        }
        if (purpose != null) {
            if (purpose.isBlank()) {
                throw VaultException.failed("the purpose of \"" + name + "\" cannot be empty");
            }
            if (entry == null || !purpose.equals(entry.purpose())) {
                changes.put("purpose", purpose);
            }
        }
        if (env != null) {
            if (!ManifestReader.isEnvName(env)) {
                throw VaultException.failed("invalid env name \"" + env + "\"",
                        "use letters, digits and '_', not starting with a digit, such as DB_PASSWORD");
            }
            Manifest.SecretEntry owner = current.secretForEnv(env).orElse(null);
            if (owner != null && !owner.name().equals(name.toString())) {
                throw VaultException.failed("env name \"" + env + "\" already comes from \"" + owner.name() + "\"",
                        "each variable can come from one secret only; pick another name with --env");
            }
            if (entry == null || !env.equals(entry.env())) {
                changes.put("env", env);
            }
        }
        return changes;
    }

    /**
     * The value of {@code version} of {@code name} (null: the current one), decrypted whole and recorded
     * before it is returned.
     */
    public SecretBytes get(SecretName name, Integer version, IdentitySource identities, String purpose)
            throws VaultException {
        return read("get", name, version, loadIdentity("get", name, version, identities, purpose), purpose);
    }

    /**
     * The values {@code vault exec} injects: every secret with an {@code env} in the manifest that the
     * identity reads (each other one is passed to {@code notReader} and left out), or only the variables
     * named in {@code only} (which must all be readable), but none named in {@code keep}. Each read is
     * recorded; if any fails, or any value is empty or blank (a variable set to nothing is a silent
     * failure), none is returned.
     */
    public List<Injection> injections(List<String> only, Set<String> keep, IdentitySource identities, String purpose,
                                      Consumer<Manifest.SecretEntry> notReader) throws VaultException {
        return injections(only, keep, identities, purpose, null, notReader);
    }

    /**
     * The values {@code vault exec} injects, as {@link #injections(List, Set, IdentitySource, String, Consumer)}
     * says; {@code note} (null: none) is recorded as the reason of each read, such as that the command's
     * output is not masked.
     */
    public List<Injection> injections(List<String> only, Set<String> keep, IdentitySource identities, String purpose,
                                      String note, Consumer<Manifest.SecretEntry> notReader) throws VaultException {
        List<Manifest.SecretEntry> wanted = mapped(only, keep);
        if (wanted.isEmpty()) {
            return new ArrayList<>();
        }
        Identity identity = loadIdentity("exec", null, null, identities, purpose);
        if (only == null || only.isEmpty()) {
            dropUnreadable(wanted, identity, notReader);
        }
        List<Injection> injections = readAll("exec", wanted, identity, purpose, note);
        for (Injection injection : injections) {
            if (Blank.is(injection.value().reveal())) {
                String secret = injection.secret().toString();
                recordFailure(AuditEvent.error("exec", secret, null, null,
                        purpose != null ? purpose : manifestPurposeOrNull(injection.secret()), "refused to inject an empty value"));
                injections.forEach(Injection::close);
                throw VaultException.failed("the value of \"" + secret + "\" is "
                        + (injection.value().isEmpty() ? "empty" : "only white space") + "; refusing to set "
                        + injection.variable() + " to it", "store the real value: vault set " + secret);
            }
        }
        return injections;
    }

    /**
     * The values {@code vault redact} masks: every stored secret in the manifest that the identity reads
     * (each other one is passed to {@code notReader} and left out), or only those of {@code only} (which
     * must all be readable). Each read is recorded as a {@code redact} access; if any fails, none is
     * returned. An injection's variable is the secret's env name, or null.
     */
    public List<Injection> redactions(List<SecretName> only, IdentitySource identities, String purpose,
                                      Consumer<Manifest.SecretEntry> notReader) throws VaultException {
        Manifest current = manifest();
        List<Manifest.SecretEntry> wanted = new ArrayList<>();
        if (only == null || only.isEmpty()) {
            for (Manifest.SecretEntry entry : current.secrets()) {
                if (store.exists(SecretName.of(entry.name()))) {
                    wanted.add(entry);
                }
            }
        } else {
            for (SecretName name : only) {
                Manifest.SecretEntry entry = current.secret(name).orElseThrow(() -> VaultException.failed(
                        "no secret named \"" + name + "\" in the manifest", "`vault list` shows the secrets there are"));
                if (!wanted.contains(entry)) {
                    wanted.add(entry);
                }
            }
        }
        if (wanted.isEmpty()) {
            return new ArrayList<>();
        }
        Identity identity = loadIdentity("redact", null, null, identities, purpose);
        if (only == null || only.isEmpty()) {
            dropUnreadable(wanted, identity, notReader);
        }
        return readAll("redact", wanted, identity, purpose, null);
    }

    /** Takes out of {@code wanted} each secret {@code identity} cannot decrypt, and passes it to {@code notReader}. */
    private void dropUnreadable(List<Manifest.SecretEntry> wanted, Identity identity,
                                Consumer<Manifest.SecretEntry> notReader) throws VaultException {
        Manifest current = manifest();
        for (Manifest.SecretEntry entry : List.copyOf(wanted)) {
            if (!current.canDecrypt(identity.recipient(), entry)) {
                notReader.accept(entry);
                wanted.remove(entry);
            }
        }
    }

    /**
     * How each variable the manifest maps to a secret (or those in {@code only}) stands where it is used:
     * {@code found} gives a variable's bytes there (null: not set). By fingerprint, never by value. Each
     * value read is recorded as a {@code check-env} access.
     */
    public List<EnvCheck> checkEnv(Function<String, byte[]> found, List<String> only, IdentitySource identities,
                                   String purpose) throws VaultException {
        List<Manifest.SecretEntry> wanted = mapped(only, Set.of());
        List<EnvCheck> checks = new ArrayList<>();
        if (wanted.isEmpty()) {
            return checks;
        }
        Identity identity = loadIdentity("check-env", null, null, identities, purpose);
        List<Injection> read = readAll("check-env", wanted, identity, purpose);
        try (Fingerprinter fingerprints = fingerprinter(identity)) {
            for (Injection injection : read) {
                byte[] expected = injection.value().reveal();
                byte[] actual = found.apply(injection.variable());
                EnvCheck.Status status = actual == null ? EnvCheck.Status.MISSING
                        : actual.length == 0 ? EnvCheck.Status.EMPTY
                        : MessageDigest.isEqual(expected, actual) ? EnvCheck.Status.MATCH : EnvCheck.Status.DIFFERS;
                checks.add(new EnvCheck(injection.variable(), injection.secret(), status, fingerprints.of(expected),
                        actual == null || actual.length == 0 ? null : fingerprints.of(actual)));
                if (actual != null) {
                    Arrays.fill(actual, (byte) 0);
                }
            }
        } finally {
            read.forEach(Injection::close);
        }
        return checks;
    }

    /** Which secret `vault exec` would set {@code variable} from, with its fingerprint (a recorded read). */
    public VariableSource which(String variable, IdentitySource identities, String purpose) throws VaultException {
        List<Manifest.SecretEntry> wanted = mapped(List.of(variable), Set.of());
        Identity identity = loadIdentity("which", null, null, identities, purpose);
        try (Injection injection = readAll("which", wanted, identity, purpose).get(0);
             Fingerprinter fingerprints = fingerprinter(identity)) {
            SecretName name = injection.secret();
            try {
                return new VariableSource(variable, name, store.currentVersion(name),
                        store.changed(store.current(name)).toInstant(), fingerprints.of(injection.value().reveal()));
            } catch (IOException e) {
                throw VaultException.failed("cannot read the store: " + e.getMessage());
            }
        }
    }

    /** The fingerprint of the current value of {@code name} (a recorded read). */
    public String fingerprint(SecretName name, IdentitySource identities, String purpose) throws VaultException {
        Identity identity = loadIdentity("fingerprint", name, null, identities, purpose);
        try (SecretBytes value = read("fingerprint", name, null, identity, purpose);
             Fingerprinter fingerprints = fingerprinter(identity)) {
            return fingerprints.of(value.reveal());
        }
    }

    /**
     * The fingerprint of a value from elsewhere (such as a container's variable), as the identity makes
     * them; recorded before it is made.
     */
    public String fingerprintOf(SecretBytes value, IdentitySource identities, String purpose) throws VaultException {
        Identity identity = loadIdentity("fingerprint", null, null, identities, purpose);
        try (Fingerprinter fingerprints = fingerprinter(identity)) {
            audit.append(AuditEvent.of("fingerprint", null, null, identity.recipient(), purpose, AuditEvent.Result.OK,
                    "of a value given on stdin"));
            return fingerprints.of(value.reveal());
        }
    }

    /** The fingerprinter of this vault for {@code identity}; the vault's id is the hash of its first audit entry. */
    private Fingerprinter fingerprinter(Identity identity) throws VaultException {
        String id;
        try {
            id = new AuditFiles(paths.auditFolder()).firstHash();
        } catch (IOException e) {
            throw VaultException.failed("cannot read the audit log, whose first entry names this vault: " + e.getMessage(),
                    "`vault audit verify` shows what is wrong with it");
        }
        if (id == null) {
            throw VaultException.failed("the audit log has no entry yet to name this vault by",
                    "any recorded access gives it one, such as `vault history NAME`");
        }
        byte[] seed = identity.fingerprintSeed();
        try {
            return Fingerprinter.of(seed, id);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * The secrets mapped to variables in the manifest: all with a current value, or those of {@code only},
     * but not those of {@code skip}.
     */
    private List<Manifest.SecretEntry> mapped(List<String> only, Set<String> skip) throws VaultException {
        Manifest current = manifest();
        List<Manifest.SecretEntry> wanted = new ArrayList<>();
        if (only == null || only.isEmpty()) {
            for (Manifest.SecretEntry entry : current.secrets()) {
                if (entry.env() != null && store.exists(SecretName.of(entry.name()))) {
                    wanted.add(entry);
                }
            }
        } else {
            for (String variable : only) {
                wanted.add(current.secretForEnv(variable).orElseThrow(() -> VaultException.failed(
                        "no secret has env \"" + variable + "\" in the manifest",
                        "`vault list` shows each secret's env; set one with vault set NAME --env " + variable)));
            }
        }
        wanted.removeIf(entry -> skip.contains(entry.env()));
        return wanted;
    }

    /** Reads each of {@code wanted}, recorded as {@code action}. If any read fails, none is returned. */
    private List<Injection> readAll(String action, List<Manifest.SecretEntry> wanted, Identity identity, String purpose)
            throws VaultException {
        return readAll(action, wanted, identity, purpose, null);
    }

    /** {@link #readAll(String, List, Identity, String)}, with {@code note} as each read's recorded reason. */
    private List<Injection> readAll(String action, List<Manifest.SecretEntry> wanted, Identity identity, String purpose,
                                    String note) throws VaultException {
        List<Injection> injections = new ArrayList<>();
        List<AuditEvent> reads = new ArrayList<>();
        try {
            for (Manifest.SecretEntry entry : wanted) {
                SecretName name = SecretName.of(entry.name());
                Read read = decrypt(action, name, null, identity, purpose, note);
                injections.add(new Injection(entry.env(), name, read.value));
                reads.add(read.event);
            }
            // every read in one durable write: one lock and one fsync, not one per secret
            audit.appendAll(reads);
            return injections;
        } catch (VaultException | RuntimeException e) {
            injections.forEach(Injection::close);
            throw e;
        }
    }

    /** The identity to decrypt with; a refused one is recorded as a failed access before it is reported. */
    private Identity loadIdentity(String action, SecretName name, Integer version, IdentitySource identities,
                                  String purpose) throws VaultException {
        try {
            return identities.load();
        } catch (VaultException e) {
            recordFailure(AuditEvent.error(action, name == null ? null : name.toString(), version, null,
                    purpose != null ? purpose : name == null ? null : manifestPurposeOrNull(name),
                    "identity refused"));
            throw e;
        }
    }

    private SecretBytes read(String action, SecretName name, Integer version, Identity identity, String purpose)
            throws VaultException {
        return read(action, name, version, identity, purpose, null);
    }

    /** Reads and decrypts one value, recorded before it is returned, with {@code note} (or null) as the reason. */
    private SecretBytes read(String action, SecretName name, Integer version, Identity identity, String purpose,
                             String note) throws VaultException {
        Read read = decrypt(action, name, version, identity, purpose, note);
        try {
            audit.append(read.event);
        } catch (VaultException e) {
            read.value.close();
            throw e;
        }
        return read.value;
    }

    /** A decrypted value, not yet released, and the entry that must be recorded before it is. */
    private static final class Read {
        final SecretBytes value;
        final AuditEvent event;

        Read(SecretBytes value, AuditEvent event) {
            this.value = value;
            this.event = event;
        }
    }

    /**
     * Reads and decrypts one value without recording the read: the caller appends {@link Read#event} before
     * it releases the value. A failure is recorded here, before it is thrown.
     */
    private Read decrypt(String action, SecretName name, Integer version, Identity identity, String purpose,
                         String note) throws VaultException {
        String statedPurpose = purpose != null ? purpose
                : manifestPurposeOrNull(name);
        Path file;
        int resolved;
        int current;
        try {
            current = store.currentVersion(name);
            resolved = version != null ? version : current;
            file = resolved > 0 ? store.fileOf(name, resolved, current) : null;
        } catch (IOException e) {
            throw VaultException.failed("cannot read the store: " + e.getMessage());
        }
        if (file == null) {
            recordFailure(AuditEvent.error(action, name.toString(), version, identity.recipient(), statedPurpose,
                    "not found"));
            throw notFound(name, version);
        }
        checkReader(action, name, resolved, identity, statedPurpose);
        byte[] ageFile;
        try {
            ageFile = store.read(file);
        } catch (IOException e) {
            recordFailure(AuditEvent.error(action, name.toString(), resolved, identity.recipient(), statedPurpose,
                    "unreadable"));
            throw VaultException.failed("cannot read \"" + file + "\": " + e.getMessage());
        }
        SecretBytes value;
        try {
            value = AgeCodec.decrypt(ageFile, identity, false);
        } catch (DecryptException e) {
            recordFailure(e.failure() == DecryptException.Failure.NO_MATCH
                    ? AuditEvent.denied(action, name.toString(), resolved, identity.recipient(), statedPurpose,
                            "not a recipient of this secret")
                    : AuditEvent.error(action, name.toString(), resolved, identity.recipient(), statedPurpose,
                            "decrypt failed: " + e.failure().description()));
            throw decryptFailure(file, name, resolved == current ? null : resolved, identity, e);
        }
        return new Read(value, AuditEvent.of(action, name.toString(), resolved, identity.recipient(), statedPurpose,
                AuditEvent.Result.OK, note));
    }

    /**
     * Refuses, and records the denial, when the manifest does not make {@code identity} a reader (or an
     * admin) of {@code name}: the manifest is checked as well as the encryption, so a revoked reader is
     * refused even before the file is encrypted again.
     */
    private void checkReader(String action, SecretName name, int version, Identity identity, String purpose)
            throws VaultException {
        Manifest current = manifest();
        Manifest.SecretEntry entry = current.secret(name).orElse(null);
        Manifest.IdentityEntry who = current.identityByRecipient(identity.recipient()).orElse(null);
        String reason;
        VaultException refusal;
        if (entry == null) {
            reason = "no manifest entry";
            refusal = new VaultException(VaultException.Kind.NO_ACCESS, "\"" + name + "\" has no entry in the manifest, "
                    + "so nobody is listed as its reader", "add an entry for it to \"" + paths.manifest()
                    + "\" with its purpose and readers (`vault doctor` lists such files)");
        } else if (who == null) {
            reason = "identity not in the manifest";
            refusal = new VaultException(VaultException.Kind.NO_ACCESS, "identity \"" + identity.source() + "\" ("
                    + AgeKeys.abbreviate(identity.recipient()) + ") is not listed in the manifest, so it reads no secret",
                    "a reader of \"" + name + "\" can add and grant it: vault identity add NAME "
                            + (AgeKeys.isPostQuantum(identity.recipient()) ? "RECIPIENT" : identity.recipient())
                            + " && vault grant " + name + " NAME; or use a listed identity (`vault identity list`) "
                            + "with -i/--identity FILE");
        } else if (!current.canDecrypt(identity.recipient(), entry)) {
            reason = "not a reader";
            String readers = entry.readers() == null || entry.readers().isEmpty() ? "none; admins only"
                    : String.join(", ", entry.readers());
            refusal = new VaultException(VaultException.Kind.NO_ACCESS, "identity \"" + who.name()
                    + "\" is not a reader of \"" + name + "\" (its readers: " + readers + ")",
                    "a reader or admin can grant it: vault grant " + name + " " + who.name());
        } else {
            return;
        }
        recordFailure(AuditEvent.denied(action, name.toString(), version, identity.recipient(), purpose, reason));
        throw refusal;
    }

    private String manifestPurposeOrNull(SecretName name) {
        try {
            return manifest().secret(name).map(Manifest.SecretEntry::purpose).orElse(null);
        } catch (VaultException e) {
            return null;
        }
    }

    private VaultException notFound(SecretName name, Integer version) throws VaultException {
        try {
            List<Integer> earlier = store.earlierVersions(name);
            if (version != null && (store.exists(name) || !earlier.isEmpty())) {
                return VaultException.failed("secret \"" + name + "\" has no version " + version,
                        "`vault history " + name + "` lists its versions");
            }
            if (!earlier.isEmpty()) {
                return VaultException.failed("secret \"" + name + "\" was removed",
                        "its versions are kept: `vault history " + name + "`, then `vault get " + name
                                + " --version N`");
            }
            List<String> stored = new ArrayList<>();
            for (SecretName other : store.names()) {
                stored.add(other.toString());
            }
            return VaultException.failed("no secret named \"" + name + "\"",
                    NearestName.didYouMean(name.toString(), stored) + "`vault list` shows the secrets there are");
        } catch (IOException e) {
            return VaultException.failed("cannot read the store: " + e.getMessage());
        }
    }

    /** {@code earlier} is the version read when it is not the current one, else null. */
    private static VaultException decryptFailure(Path file, SecretName name, Integer earlier, Identity identity,
                                                 DecryptException e) {
        if (e.failure() == DecryptException.Failure.NO_MATCH) {
            return new VaultException(VaultException.Kind.NO_ACCESS,
                    "\"" + file + "\" does not decrypt with identity \"" + identity.source() + "\" ("
                            + AgeKeys.abbreviate(identity.recipient()) + "): it was not encrypted to that key",
                    earlier == null ? "the manifest names it a reader, but the file was not encrypted to it again: "
                            + "a reader who can open it can run `vault rekey " + name + "`"
                            : "version " + earlier + " stays encrypted to the readers it had then: read it with one of "
                            + "their identities: vault get " + name + " --version " + earlier + " -i FILE", e);
        }
        return new VaultException(VaultException.Kind.NO_ACCESS,
                "\"" + file + "\" does not decrypt: " + e.failure().description(),
                "the file is damaged or was changed; an earlier version may be intact (`vault history`)", e);
    }

    /** Every secret that has a current value, with what the manifest says of it. */
    public List<SecretInfo> list() throws VaultException {
        Manifest current = manifest();
        List<SecretInfo> infos = new ArrayList<>();
        try {
            for (SecretName name : store.names()) {
                Manifest.SecretEntry entry = current.secret(name).orElse(null);
                infos.add(new SecretInfo(name, store.currentVersion(name), store.earlierVersions(name).size() + 1,
                        store.changed(store.current(name)).toInstant(),
                        entry == null ? null : entry.purpose(), entry == null ? null : entry.env()));
            }
        } catch (IOException e) {
            throw VaultException.failed("cannot read the store: " + e.getMessage());
        }
        return infos;
    }

    /**
     * The rotations and expiries of stored secrets that have passed or come within {@link Due#WINDOW_DAYS}
     * days of {@code today}, soonest first. Reads the manifest and the store's names only.
     */
    public List<Due> due(LocalDate today) throws VaultException {
        Manifest current = manifest();
        try {
            return Due.of(current, store.names(), today);
        } catch (IOException e) {
            throw VaultException.failed("cannot read the store: " + e.getMessage());
        }
    }

    /** The kept versions of {@code name}, oldest first; recorded as a {@code history} access. */
    public List<VersionInfo> history(SecretName name) throws VaultException {
        List<VersionInfo> versions = new ArrayList<>();
        try {
            for (int version : store.earlierVersions(name)) {
                versions.add(new VersionInfo(version, store.changed(store.version(name, version)).toInstant(), false));
            }
            if (store.exists(name)) {
                versions.add(new VersionInfo(store.currentVersion(name),
                        store.changed(store.current(name)).toInstant(), true));
            }
        } catch (IOException e) {
            throw VaultException.failed("cannot read the store: " + e.getMessage());
        }
        if (versions.isEmpty()) {
            throw notFound(name, null);
        }
        audit.append(AuditEvent.ok("history", name.toString(), null, null, null));
        return versions;
    }

    /** Removes the current value; it stays as an earlier version until {@link #purge}. Returns its version. */
    public int remove(SecretName name) throws VaultException {
        try (VaultLock lock = VaultLock.acquire(paths.lock())) {
            if (!store.exists(name)) {
                throw notFound(name, null);
            }
            int version;
            try {
                version = store.currentVersion(name);
            } catch (IOException e) {
                throw VaultException.failed("cannot read the store: " + e.getMessage());
            }
            audit.append(AuditEvent.ok("rm", name.toString(), version, null, null));
            try {
                store.remove(name);
            } catch (IOException e) {
                recordFailure(AuditEvent.error("rm", name.toString(), version, null, null, "rename failed"));
                throw VaultException.failed("cannot remove \"" + store.current(name) + "\": " + e.getMessage());
            }
            return version;
        }
    }

    /** Deletes every version of {@code name} for good. Returns how many files were deleted. */
    public int purge(SecretName name) throws VaultException {
        try (VaultLock lock = VaultLock.acquire(paths.lock())) {
            try {
                if (!store.exists(name) && store.earlierVersions(name).isEmpty()) {
                    throw notFound(name, null);
                }
                audit.append(AuditEvent.ok("purge", name.toString(), null, null, null));
                return store.purge(name);
            } catch (IOException e) {
                recordFailure(AuditEvent.error("purge", name.toString(), null, null, null, "delete failed"));
                throw VaultException.failed("cannot purge \"" + name + "\": " + e.getMessage());
            }
        }
    }

    /**
     * The stored secrets whose current file is not known to be encrypted to exactly the recipients the
     * manifest gives them (readers and admins), in name order. Secrets with no manifest entry are left out
     * (doctor reports them as orphans).
     */
    public List<Drift> drift() throws VaultException {
        Manifest current = manifest();
        List<Drift> drifted = new ArrayList<>();
        try {
            for (SecretName name : store.names()) {
                Manifest.SecretEntry entry = current.secret(name).orElse(null);
                if (entry == null) {
                    continue;
                }
                Set<String> expected = new TreeSet<>(current.recipients(entry));
                Set<String> recorded = store.recordedRecipients(name);
                if (!expected.equals(recorded)) {
                    drifted.add(new Drift(name, named(current, minus(expected, recorded)),
                            recorded == null ? null : named(current, minus(recorded, expected))));
                }
            }
        } catch (IOException e) {
            throw VaultException.failed("cannot read the store: " + e.getMessage());
        }
        return drifted;
    }

    /**
     * A secret whose file is not encrypted to the manifest's recipients: who would gain and who would lose
     * access by rekeying it ({@code removed} is null when its recipients were never recorded).
     */
    public record Drift(SecretName secret, List<String> added, List<String> removed) {
    }

    private static Set<String> minus(Set<String> from, Set<String> taken) {
        Set<String> rest = new TreeSet<>(from);
        if (taken != null) {
            rest.removeAll(taken);
        }
        return rest;
    }

    private static List<String> named(Manifest current, Set<String> recipients) {
        List<String> names = new ArrayList<>();
        for (String recipient : recipients) {
            names.add(current.identityByRecipient(recipient).map(Manifest.IdentityEntry::name).orElse(recipient));
        }
        return names;
    }

    /**
     * Encrypts again every drifted secret (or those of {@code only}) to the recipients the manifest gives
     * it. Each file is replaced whole (written beside it, synced, renamed), so an interruption leaves
     * every file either as it was or rekeyed. The version does not change: the value is the same.
     * {@code progress} hears of each secret as it is done. A secret the identity cannot open is
     * reported and left as it was; the others go on.
     */
    public List<RekeyResult> rekey(List<SecretName> only, IdentitySource identities, RekeyResult.Progress progress)
            throws VaultException {
        try (VaultLock lock = VaultLock.acquire(paths.lock())) {
            manifest = null;
            try {
                store.removeStaleTemps();
            } catch (IOException e) {
                throw VaultException.failed("cannot clear what an interrupted write left in \"" + paths.secrets()
                        + "\": " + e.getMessage());
            }
            return rekeyLocked(only, identities, progress);
        }
    }

    private List<RekeyResult> rekeyLocked(List<SecretName> only, IdentitySource identities,
                                          RekeyResult.Progress progress) throws VaultException {
        Manifest current = manifest();
        List<Drift> drifted = drift();
        List<RekeyResult> results = new ArrayList<>();
        if (only != null && !only.isEmpty()) {
            for (SecretName name : only) {
                if (current.secret(name).isEmpty()) {
                    throw VaultException.failed("\"" + name + "\" has no entry in the manifest",
                            "add its entry (purpose and readers) before rekeying it");
                }
                if (!store.exists(name)) {
                    throw notFound(name, null);
                }
            }
            drifted.removeIf(drift -> !only.contains(drift.secret()));
            for (SecretName name : only) {
                if (drifted.stream().noneMatch(drift -> drift.secret().equals(name))) {
                    results.add(new RekeyResult(name, RekeyResult.Status.UNCHANGED, List.of(), List.of(), null));
                }
            }
        }
        if (drifted.isEmpty()) {
            return results;
        }
        Identity identity = loadIdentity("rekey", null, null, identities, null);
        int done = 0;
        for (Drift drift : drifted) {
            RekeyResult result = rekeyOne(current, drift, identity);
            results.add(result);
            progress.done(result, ++done, drifted.size());
        }
        return results;
    }

    private RekeyResult rekeyOne(Manifest current, Drift drift, Identity identity) throws VaultException {
        SecretName name = drift.secret();
        Manifest.SecretEntry entry = current.secret(name).orElseThrow();
        List<String> recipients = current.recipients(entry);
        if (recipients.isEmpty()) {
            return new RekeyResult(name, RekeyResult.Status.FAILED, drift.added(), drift.removed(),
                    "the manifest gives it no readers, so nobody could read it");
        }
        // A secret whose keys break the key-kind rule is left as it is, and the others are still rekeyed:
        // refusing the whole run would also hold back a revocation in another secret.
        PostQuantumRule.Breach breach = PostQuantumRule.of(current, entry);
        if (breach != null) {
            return new RekeyResult(name, RekeyResult.Status.FAILED, drift.added(), drift.removed(),
                    breach.refusal() + "; " + breach.fix(false, true));
        }
        int version;
        byte[] ageFile;
        try {
            version = store.currentVersion(name);
            ageFile = store.read(store.current(name));
        } catch (IOException e) {
            throw VaultException.failed("cannot read \"" + store.current(name) + "\": " + e.getMessage());
        }
        byte[] reencrypted;
        try (SecretBytes value = AgeCodec.decrypt(ageFile, identity, false)) {
            reencrypted = AgeCodec.encrypt(value.reveal(), recipients);
        } catch (DecryptException e) {
            String problem = e.failure() == DecryptException.Failure.NO_MATCH
                    ? "this identity (" + AgeKeys.abbreviate(identity.recipient()) + ") is not among its recipients; a reader must rekey it"
                    : "it does not decrypt: " + e.failure().description();
            recordFailure(AuditEvent.error("rekey", name.toString(), version, identity.recipient(), entry.purpose(),
                    e.failure() == DecryptException.Failure.NO_MATCH ? "not a recipient of this secret" : "decrypt failed"));
            return new RekeyResult(name, RekeyResult.Status.FAILED, drift.added(), drift.removed(), problem);
        } catch (GeneralSecurityException | IOException e) {
            throw VaultException.failed("cannot encrypt \"" + name + "\": " + e.getMessage());
        }
        audit.append(AuditEvent.of("rekey", name.toString(), version, identity.recipient(), entry.purpose(),
                AuditEvent.Result.OK, RekeyResult.change(drift.added(), drift.removed())));
        try {
            store.forgetRecipients(name);
            store.replaceCurrent(name, reencrypted);
        } catch (IOException e) {
            recordFailure(AuditEvent.error("rekey", name.toString(), version, identity.recipient(), entry.purpose(),
                    "write failed"));
            throw VaultException.failed("cannot write \"" + store.current(name) + "\": " + e.getMessage());
        }
        recordRecipients(name, recipients);
        return new RekeyResult(name, RekeyResult.Status.REKEYED, drift.added(), drift.removed(), null);
    }

    /**
     * Adds {@code reader} (an identity or group) to the readers of {@code name} in the manifest, then
     * encrypts the secret again so that it can read it.
     */
    public RekeyResult grant(SecretName name, String reader, IdentitySource identities) throws VaultException {
        return changeReaders("grant", name, reader, identities);
    }

    /**
     * Removes {@code reader} from the readers of {@code name} in the manifest, then encrypts the secret
     * again without its key. The reader saw the value: the result says it should be rotated.
     */
    public RekeyResult revoke(SecretName name, String reader, IdentitySource identities) throws VaultException {
        return changeReaders("revoke", name, reader, identities);
    }

    private RekeyResult changeReaders(String action, SecretName name, String reader, IdentitySource identities)
            throws VaultException {
        try (VaultLock lock = VaultLock.acquire(paths.lock())) {
            manifest = null;
            Manifest current = manifest();
            Manifest.SecretEntry entry = current.secret(name).orElseThrow(() -> VaultException.failed(
                    "no secret named \"" + name + "\" in the manifest", "`vault list` shows the secrets there are"));
            current.checkReaderNames(List.of(reader));
            Identity identity = loadIdentity(action, name, null, identities, entry.purpose());
            requireDecryptor(action, current, entry, identity);
            List<String> readers = new ArrayList<>(entry.readers() != null ? entry.readers() : current.identityNames());
            if (action.equals("grant")) {
                if (readers.contains(reader)) {
                    throw VaultException.failed("\"" + reader + "\" already reads \"" + name + "\"",
                            "`vault rekey " + name + "` encrypts it to the manifest's readers if its file lags behind");
                }
                readers.add(reader);
            } else {
                if (!readers.remove(reader)) {
                    throw notAReader(current, entry, reader);
                }
            }
            String text = ManifestEditor.setSecretList(current, name.toString(), "readers", readers);
            Manifest next = ManifestReader.read(text, paths.manifest().toString());
            if (action.equals("revoke") && current.identity(reader).isPresent()) {
                List<String> still = new ArrayList<>(current.resolve(reader));
                still.retainAll(next.decryptors(next.secret(name).orElseThrow()));
                if (!still.isEmpty()) {
                    throw VaultException.failed("\"" + reader + "\" would still read \"" + name
                                    + "\" through a group or as an admin",
                            "revoke the group it reads through, or take it out of that group or of admins");
                }
            }
            requireOneKind(next, next.secret(name).orElseThrow(), false);
            audit.append(AuditEvent.of(action, name.toString(), null, identity.recipient(), entry.purpose(),
                    AuditEvent.Result.OK, reader));
            writeManifest(text);
            if (!store.exists(name)) {
                return new RekeyResult(name, RekeyResult.Status.UNCHANGED, List.of(), List.of(), null);
            }
            return rekeyLocked(List.of(name), () -> identity, (result, done, total) -> { }).get(0);
        }
    }

    /**
     * Refuses, recording why, unless {@code identity} reads {@code entry} by the manifest and opens its
     * current file: only someone who can already read a secret may change who else can.
     */
    private void requireDecryptor(String action, Manifest current, Manifest.SecretEntry entry, Identity identity)
            throws VaultException {
        SecretName name = SecretName.of(entry.name());
        if (!current.canDecrypt(identity.recipient(), entry)) {
            recordFailure(AuditEvent.denied(action, name.toString(), null, identity.recipient(), entry.purpose(),
                    "not a reader"));
            String who = current.identityByRecipient(identity.recipient()).map(Manifest.IdentityEntry::name)
                    .orElse(identity.source());
            throw new VaultException(VaultException.Kind.NO_ACCESS, "only a reader or admin of \"" + name
                    + "\" can change its readers, and identity \"" + who
                    + "\" is not one", "ask one of them: " + String.join(", ", current.decryptors(entry)));
        }
        if (!store.exists(name)) {
            return;
        }
        Path file = store.current(name);
        try {
            AgeCodec.decrypt(store.read(file), identity, false).close();
        } catch (DecryptException e) {
            recordFailure(AuditEvent.denied(action, name.toString(), null, identity.recipient(), entry.purpose(),
                    "not a recipient of this secret"));
            throw decryptFailure(file, name, null, identity, e);
        } catch (IOException e) {
            throw VaultException.failed("cannot read \"" + file + "\": " + e.getMessage());
        }
    }

    private static VaultException notAReader(Manifest current, Manifest.SecretEntry entry, String reader) {
        if (current.decryptors(entry).containsAll(current.resolve(reader))) {
            return VaultException.failed("\"" + reader + "\" is not listed as a reader of \"" + entry.name()
                            + "\", but reads it through a group or as an admin",
                    "revoke the group it reads through, or take it out of that group or of admins");
        }
        return VaultException.failed("\"" + reader + "\" does not read \"" + entry.name() + "\"",
                "its readers: " + (entry.readers() == null ? "every identity" : String.join(", ", entry.readers())));
    }

    /**
     * Refuses, before a key is made, an X25519 identity for a vault whose manifest says {@code post_quantum:
     * true}; {@link #addIdentity} checks the same.
     */
    public void checkNewIdentityKind(String name, boolean postQuantum) throws VaultException {
        requireKeyKind(manifest(), name, postQuantum);
    }

    private static void requireKeyKind(Manifest current, String name, boolean postQuantum) throws VaultException {
        if (current.requiresPostQuantum() && !postQuantum) {
            throw VaultException.failed("this vault requires post-quantum keys (post_quantum: true in the manifest),"
                            + " and the recipient of \"" + name + "\" is an X25519 key",
                    "make a post-quantum identity: vault identity new " + name + " --pq");
        }
    }

    /**
     * Records a new identity in the manifest. Secrets set from now on are encrypted to it too. Refuses an
     * X25519 recipient when the manifest requires post-quantum keys for the whole vault.
     */
    public void addIdentity(String name, String recipient, String note) throws VaultException {
        Objects.requireNonNull(recipient, "recipient");
        try (VaultLock lock = VaultLock.acquire(paths.lock())) {
            manifest = null;
            Manifest current = manifest();
            if (current.identity(name).isPresent()) {
                throw VaultException.failed("the manifest already has an identity named \"" + name + "\"",
                        "pick another name; `vault identity list` shows the ones there are");
            }
            for (Manifest.IdentityEntry other : current.identities()) {
                if (other.recipient().equals(recipient)) {
                    throw VaultException.failed("recipient " + recipient + " is already listed as \""
                            + other.name() + "\"", "give each person and agent a key of their own");
                }
            }
            String text = ManifestEditor.addIdentity(current, name, recipient, note);
            ManifestReader.read(text, paths.manifest().toString());
            requireKeyKind(current, name, AgeKeys.isPostQuantum(recipient));
            audit.append(AuditEvent.ok("identity-add", null, null, recipient, null));
            writeManifest(text);
        }
    }

    private void writeManifest(String text) throws VaultException {
        try {
            AtomicFiles.write(paths.manifest(), text.getBytes(StandardCharsets.UTF_8));
            manifest = null;
        } catch (IOException e) {
            throw VaultException.failed("cannot write the manifest \"" + paths.manifest() + "\": " + e.getMessage());
        }
    }

    /** Records a failed access; a log that cannot take it does not hide the failure being reported. */
    private void recordFailure(AuditEvent event) {
        try {
            audit.append(event);
        } catch (VaultException ignored) {
            // the access failed anyway and is reported to the caller
        }
    }
}
