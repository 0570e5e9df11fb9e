package dev.vault.core.manifest;

import dev.vault.core.SecretName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The purpose manifest of a vault, validated: which identities exist (name and age recipient) and what
 * each secret is for and which variable {@code vault exec} sets from it. It holds no values.
 */
public final class Manifest {
    public static final int VERSION = 1;

    private final String text;
    private final YamlNode.Mapping root;
    private final Map<String, IdentityEntry> identities;
    private final Map<String, SecretEntry> secrets;

    Manifest(String text, YamlNode.Mapping root, Map<String, IdentityEntry> identities,
             Map<String, SecretEntry> secrets) {
        this.text = text;
        this.root = root;
        this.identities = identities;
        this.secrets = secrets;
    }

    /** An identity: who or what holds the key, and its public recipient. */
    public static final class IdentityEntry {
        private final String name;
        private final String recipient;
        private final String note;

        public IdentityEntry(String name, String recipient, String note) {
            this.name = name;
            this.recipient = recipient;
            this.note = note;
        }

        public String name() {
            return name;
        }

        public String recipient() {
            return recipient;
        }

        /** Who or what holds it, or null. */
        public String note() {
            return note;
        }
    }

    /** A secret's entry: what it is for and the environment variable it is injected as (or null). */
    public static final class SecretEntry {
        private final String name;
        private final String purpose;
        private final String env;

        public SecretEntry(String name, String purpose, String env) {
            this.name = name;
            this.purpose = purpose;
            this.env = env;
        }

        public String name() {
            return name;
        }

        public String purpose() {
            return purpose;
        }

        public String env() {
            return env;
        }
    }

    /** The identities in the order the manifest lists them. */
    public List<IdentityEntry> identities() {
        return new ArrayList<>(identities.values());
    }

    public Optional<IdentityEntry> identity(String name) {
        return Optional.ofNullable(identities.get(name));
    }

    /** The recipients every secret is encrypted to, in manifest order. */
    public List<String> recipients() {
        List<String> recipients = new ArrayList<>();
        for (IdentityEntry identity : identities.values()) {
            recipients.add(identity.recipient());
        }
        return recipients;
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

    /** The manifest's text as read. */
    public String text() {
        return text;
    }

    YamlNode.Mapping root() {
        return root;
    }

    static Manifest of(String text, YamlNode.Mapping root, LinkedHashMap<String, IdentityEntry> identities,
                       LinkedHashMap<String, SecretEntry> secrets) {
        return new Manifest(text, root, identities, secrets);
    }
}
