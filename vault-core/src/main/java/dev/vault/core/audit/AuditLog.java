package dev.vault.core.audit;

import dev.vault.core.VaultException;

import java.util.List;

/**
 * Where every access to the vault is recorded. {@link #append} returns only once the entry is durable;
 * when it throws, the caller must release nothing and change nothing (fail closed).
 */
public interface AuditLog {
    /** Records {@code event} durably; returns its sequence number in the log. */
    long append(AuditEvent event) throws VaultException;

    /**
     * Records every one of {@code events}, in order, as {@link #append} does; returns once all are durable.
     * A log may write them together (one lock, one write, one fsync); when it throws, the caller must
     * release nothing, whatever part of them was written.
     */
    default void appendAll(List<AuditEvent> events) throws VaultException {
        for (AuditEvent event : events) {
            append(event);
        }
    }
}
