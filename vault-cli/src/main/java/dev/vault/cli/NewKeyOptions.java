package dev.vault.cli;

import dev.vault.core.VaultException;
import dev.vault.core.crypto.NewIdentity;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/** What kind of identity `init` and `identity new` make (--pq, --passphrase), and making one. */
final class NewKeyOptions {
    @Option(names = "--pq", description = "Make a post-quantum identity (ML-KEM-768 + X25519, recipient age1pq1…; "
            + "age reads it from version 1.3) instead of an X25519 one.")
    boolean postQuantum;

    @Option(names = "--passphrase", description = "Encrypt the identity file with a passphrase, as `age -p` does: "
            + "the first line of the 0600 file $VAULT_PASSPHRASE_FILE names, else typed twice without echo.")
    boolean passphrase;

    /**
     * A new identity for {@code file}, its passphrase asked for first (so that a refusal writes nothing)
     * and wiped once the file's text is encrypted.
     */
    NewIdentity generate(Io io, Path file) throws VaultException {
        char[] secret = passphrase ? new Passphrases(io).forNewFile(file) : null;
        try {
            NewIdentity identity = postQuantum ? NewIdentity.generatePostQuantum(io.clock.instant())
                    : NewIdentity.generate(io.clock.instant());
            return secret == null ? identity : identity.withPassphrase(secret, NewIdentity.DEFAULT_WORK_FACTOR);
        } catch (GeneralSecurityException | IOException e) {
            throw VaultException.failed("cannot generate a key: " + e.getMessage());
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    /** "identity" or "post-quantum identity", for the line that reports the new file. */
    String kind() {
        return postQuantum ? "post-quantum identity" : "identity";
    }

    /** What the report says of the file beside its mode: ", encrypted with a passphrase" or nothing. */
    String protection() {
        return passphrase ? ", encrypted with a passphrase" : "";
    }

    boolean any() {
        return postQuantum || passphrase;
    }
}
