package dev.vault.core;

import dev.vault.core.crypto.Identity;

/** Supplies the caller's identity when an operation needs one, so that others never load a key. */
@FunctionalInterface
public interface IdentitySource {
    Identity load() throws VaultException;
}
