package dev.vault.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * A file only its owner may read, such as an identity file or a passphrase file, read as ssh reads keys: a
 * regular file with no permission for group or others, else refused. Errors name it as {@code what}
 * ("identity file") and carry {@code kind}.
 */
public record PrivateFile(Path file, String what, VaultException.Kind kind) {
    /**
     * Refuses a missing file ({@code missing}, {@code missingHint}), one that is not a regular file, and one
     * that group or others may access ({@code exposedHint}).
     */
    public void requireOwnerOnly(String missing, String missingHint, String exposedHint) throws VaultException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (NoSuchFileException e) {
            throw new VaultException(kind, missing, missingHint);
        } catch (IOException e) {
            throw cannotRead(e.getMessage());
        }
        if (!Files.isRegularFile(file)) {
            throw new VaultException(kind, what + " \"" + file + "\" is not a regular file", null);
        }
        for (PosixFilePermission permission : permissions) {
            if (!AtomicFiles.FILE_MODE.contains(permission) && permission != PosixFilePermission.OWNER_EXECUTE) {
                throw new VaultException(kind, what + " \"" + file + "\" is accessible by others (mode "
                        + AtomicFiles.octal(permissions) + ")", exposedHint);
            }
        }
    }

    /** The file's bytes; the caller wipes them. */
    public byte[] readAll() throws VaultException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            // one catch, not one for AccessDeniedException too: the verifier would load that class in every get
            throw cannotRead(e instanceof AccessDeniedException ? "permission denied" : e.getMessage());
        }
    }

    /** "cannot read {what} "{file}": {reason}". */
    public VaultException cannotRead(String reason) {
        return new VaultException(kind, "cannot read " + what + " \"" + file + "\": " + reason, null);
    }
}
