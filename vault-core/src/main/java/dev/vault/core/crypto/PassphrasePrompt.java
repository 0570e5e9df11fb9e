package dev.vault.core.crypto;

import dev.vault.core.VaultException;

import java.nio.file.Path;

/**
 * Asks for the passphrase of an encrypted identity file, from wherever the caller can: a terminal without
 * echo, or a file named for automation. Never from argv. The caller of {@link #passphraseFor} wipes the array.
 */
@FunctionalInterface
public interface PassphrasePrompt {
    /** A prompt for callers that have no way to ask: an encrypted identity file is refused. */
    PassphrasePrompt NONE = file -> {
        throw new VaultException(VaultException.Kind.NO_ACCESS,
                "identity file \"" + file + "\" is encrypted with a passphrase, and there is no way to ask for it",
                "run on a terminal, or set VAULT_PASSPHRASE_FILE to a 0600 file holding the passphrase");
    };

    char[] passphraseFor(Path identityFile) throws VaultException;
}
