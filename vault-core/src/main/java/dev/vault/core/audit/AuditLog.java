package dev.vault.core.audit;

import dev.vault.core.VaultException;

/**
 * Where every access to the vault is recorded. {@link #append} returns only once the entry is durable;
 * when it throws, the caller must release nothing and change nothing (fail closed).
 */
public interface AuditLog {
    /** Records {@code event} durably; returns its sequence number in the log. */
    long append(AuditEvent event) throws VaultException;
}
