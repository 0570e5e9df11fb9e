package dev.vault.core;

import java.time.Instant;

/** What {@code vault list} shows of a secret: never its value. */
public final class SecretInfo {
    private final SecretName name;
    private final int version;
    private final int versions;
    private final Instant changed;
    private final String purpose;
    private final String env;

    SecretInfo(SecretName name, int version, int versions, Instant changed, String purpose, String env) {
        this.name = name;
        this.version = version;
        this.versions = versions;
        this.changed = changed;
        this.purpose = purpose;
        this.env = env;
    }

    public SecretName name() {
        return name;
    }

    /** The current version's number. */
    public int version() {
        return version;
    }

    /** How many versions are kept, the current one included. */
    public int versions() {
        return versions;
    }

    public Instant changed() {
        return changed;
    }

    /** The manifest's purpose, or null when the manifest has no entry. */
    public String purpose() {
        return purpose;
    }

    public String env() {
        return env;
    }
}
