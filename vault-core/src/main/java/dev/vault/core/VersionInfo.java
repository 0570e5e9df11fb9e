package dev.vault.core;

import java.time.Instant;

/** One kept version of a secret. */
public final class VersionInfo {
    private final int version;
    private final Instant changed;
    private final boolean current;

    VersionInfo(int version, Instant changed, boolean current) {
        this.version = version;
        this.changed = changed;
        this.current = current;
    }

    public int version() {
        return version;
    }

    /** When this version was written (for an earlier version: when it was replaced or removed). */
    public Instant changed() {
        return changed;
    }

    public boolean current() {
        return current;
    }
}
