package dev.vault.core.manifest;

import dev.vault.core.NearestName;
import dev.vault.core.SecretName;
import dev.vault.core.VaultException;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The purpose manifest of a vault, validated: which identities exist (name and age recipient), how they
 * are grouped, who administers the vault, and for each secret what it is for, who may read it, where it
 * is used and when it must be rotated. It holds no values. Every reader and admin named here resolves to
 * a listed identity; the reader checks that.
 */
public final class Manifest {
    public static final int VERSION = 1;

    private final String text;
    private final YamlNode.Mapping root;
    private final Map<String, IdentityEntry> identities;
    private final Map<String, List<String>> groups;
    private final List<String> admins;
    private final boolean postQuantum;
    private final Map<String, SecretEntry> secrets;

    Manifest(String text, YamlNode.Mapping root, Map<String, IdentityEntry> identities,
             Map<String, List<String>> groups, List<String> admins, boolean postQuantum,
             Map<String, SecretEntry> secrets) {
        this.text = text;
        this.root = root;
        this.identities = identities;
        this.groups = groups;
        this.admins = admins;
        this.postQuantum = postQuantum;
        this.secrets = secrets;
    }

    /** An identity: who or what holds the key (note, or null), and its public recipient. */
    public record IdentityEntry(String name, String recipient, String note) {
    }

    /**
     * A secret's entry. {@code readers} is null when the entry lists none (then every identity reads
     * it); the list fields are empty when absent; {@code rotateEvery}, {@code rotated} and
     * {@code expires} are null when absent. {@code line} is where the entry starts in the manifest.
     * {@code postQuantum} is the entry's own {@code post_quantum: true}; see {@link #requiresPostQuantum}.
     */
    public record SecretEntry(String name, int line, String purpose, String owner, List<String> readers,
                              List<String> consumers, String env, String rotateEveryText,
                              LocalDate rotated, LocalDate expires, List<String> tags, boolean postQuantum) {
        /**
         * How often the value must be rotated, or null. Made when asked, not when the manifest is read:
         * java.time.Period's first use compiles a regular expression, which every `vault get` would pay.
         */
        public Period rotateEvery() {
            return rotateEveryText == null ? null : ManifestReader.period(rotateEveryText);
        }

        /** When the value must next be rotated, or null when the entry sets no rotation or no date. */
        public LocalDate rotationDue() {
            Period every = rotateEvery();
            return every == null || rotated == null ? null : rotated.plus(every);
        }
    }

    /** The identities in the order the manifest lists them. */
    public List<IdentityEntry> identities() {
        return new ArrayList<>(identities.values());
    }

    public Optional<IdentityEntry> identity(String name) {
        return Optional.ofNullable(identities.get(name));
    }

    /** The identity names, in manifest order. */
    public List<String> identityNames() {
        return new ArrayList<>(identities.keySet());
    }

    /** Whether the identity with {@code recipient} is listed and can decrypt {@code secret}. */
    public boolean canDecrypt(String recipient, SecretEntry secret) {
        return identityByRecipient(recipient).map(identity -> decryptors(secret).contains(identity.name())).orElse(false);
    }

    /** The identity whose recipient is {@code recipient}, if the manifest lists it. */
    public Optional<IdentityEntry> identityByRecipient(String recipient) {
        for (IdentityEntry identity : identities.values()) {
            if (identity.recipient().equals(recipient)) {
                return Optional.of(identity);
            }
        }
        return Optional.empty();
    }

    /** The groups, name to member identities, in manifest order. */
    public Map<String, List<String>> groups() {
        return new LinkedHashMap<>(groups);
    }

    /** Whether {@code name} is an identity or a group. */
    public boolean isReaderName(String name) {
        return identities.containsKey(name) || groups.containsKey(name);
    }

    /** Refuses a name that is neither an identity nor a group, saying which names there are. */
    public void checkReaderNames(Collection<String> names) throws VaultException {
        for (String name : names) {
            if (!isReaderName(name)) {
                List<String> known = identityNames();
                known.addAll(groups.keySet());
                String nearest = NearestName.of(name, known);
                throw VaultException.failed("no identity or group named \"" + name + "\" in the manifest",
                        (nearest != null ? "did you mean \"" + nearest + "\"? " : "")
                                + "readers are identities or groups: " + String.join(", ", known)
                                + (nearest == null && ManifestReader.isIdentityName(name)
                                ? "; `vault identity new " + name + "` makes a new one" : ""));
            }
        }
    }

    /** The identities and groups named as admins: they can decrypt every secret. */
    public List<String> admins() {
        return List.copyOf(admins);
    }

    public Optional<SecretEntry> secret(SecretName name) {
        return Optional.ofNullable(secrets.get(name.toString()));
    }

    /** The secrets in the order the manifest lists them. */
    public List<SecretEntry> secrets() {
        return new ArrayList<>(secrets.values());
    }

    /** The secret whose {@code env} is {@code variable}, if any. */
    public Optional<SecretEntry> secretForEnv(String variable) {
        for (SecretEntry secret : secrets.values()) {
            if (variable.equals(secret.env())) {
                return Optional.of(secret);
            }
        }
        return Optional.empty();
    }

    /** The identity names a reader or admin name stands for: itself, or a group's members. */
    public List<String> resolve(String name) {
        List<String> members = groups.get(name);
        return members != null ? members : identities.containsKey(name) ? List.of(name) : List.of();
    }

    /**
     * The identities that read {@code secret} through its readers (every identity when it lists none),
     * not counting admins; in manifest order.
     */
    public List<String> readerIdentities(SecretEntry secret) {
        if (secret.readers() == null) {
            return identityNames();
        }
        return inManifestOrder(secret.readers());
    }

    /** The identities that can decrypt {@code secret}: its readers and the admins, in manifest order. */
    public List<String> decryptors(SecretEntry secret) {
        List<String> names = new ArrayList<>(readerIdentities(secret));
        names.addAll(admins);
        return inManifestOrder(names);
    }

    /**
     * The identities that would decrypt a secret read by {@code readers} (identity and group names; null:
     * every identity) and the admins, in manifest order: those of a secret that has no entry yet.
     */
    public List<String> decryptors(List<String> readers) {
        List<String> names = new ArrayList<>(readers == null ? identityNames() : readers);
        names.addAll(admins);
        return inManifestOrder(names);
    }

    /** Whether the identities named as admins, or the members of groups named as admins, include {@code identity}. */
    public boolean isAdmin(String identity) {
        return inManifestOrder(admins).contains(identity);
    }

    /** Whether the manifest's top-level {@code post_quantum: true} asks every secret to be read by post-quantum keys only. */
    public boolean requiresPostQuantum() {
        return postQuantum;
    }

    /**
     * Whether {@code secret} must be encrypted to post-quantum ({@code age1pq1…}) recipients only: by the
     * vault-wide {@code post_quantum: true} or its own.
     */
    public boolean requiresPostQuantum(SecretEntry secret) {
        return postQuantum || secret.postQuantum();
    }

    /** The recipients {@code secret}'s file must be encrypted to: those of {@link #decryptors}. */
    public List<String> recipients(SecretEntry secret) {
        List<String> recipients = new ArrayList<>();
        for (String name : decryptors(secret)) {
            recipients.add(identities.get(name).recipient());
        }
        return recipients;
    }

    private List<String> inManifestOrder(List<String> readerNames) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : readerNames) {
            wanted.addAll(resolve(name));
        }
        List<String> ordered = new ArrayList<>();
        for (String identity : identities.keySet()) {
            if (wanted.contains(identity)) {
                ordered.add(identity);
            }
        }
        return ordered;
    }

    /** The manifest's text as read. */
    public String text() {
        return text;
    }

    YamlNode.Mapping root() {
        return root;
    }
}
