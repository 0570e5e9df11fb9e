package dev.vault.core.crypto;

import dev.vault.core.AtomicFiles;
import dev.vault.core.VaultException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/** Reads identity files as ssh reads keys: a file that group or others can read is refused. */
public final class IdentityFile {
    private IdentityFile() {
    }

    public static Identity read(Path file) throws VaultException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (NoSuchFileException e) {
            throw new VaultException(VaultException.Kind.NO_ACCESS, "no identity file at \"" + file + "\"",
                    "`vault init` makes one; or name yours with -i/--identity FILE or VAULT_IDENTITY");
        } catch (IOException e) {
            throw new VaultException(VaultException.Kind.NO_ACCESS,
                    "cannot read identity file \"" + file + "\": " + e.getMessage(), null);
        }
        if (!Files.isRegularFile(file)) {
            throw new VaultException(VaultException.Kind.NO_ACCESS,
                    "identity file \"" + file + "\" is not a regular file", null);
        }
        for (PosixFilePermission permission : permissions) {
            if (!AtomicFiles.FILE_MODE.contains(permission) && permission != PosixFilePermission.OWNER_EXECUTE) {
                throw new VaultException(VaultException.Kind.NO_ACCESS,
                        "identity file \"" + file + "\" is accessible by others (mode " + AtomicFiles.octal(permissions) + ")",
                        "a private key must be readable by its owner only: chmod 600 " + file);
            }
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new VaultException(VaultException.Kind.NO_ACCESS,
                    "cannot read identity file \"" + file + "\": permission denied", null);
        } catch (IOException e) {
            throw new VaultException(VaultException.Kind.NO_ACCESS,
                    "cannot read identity file \"" + file + "\": " + e.getMessage(), null);
        }
        char[] text = null;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            text = new char[chars.remaining()];
            chars.get(text);
            Arrays.fill(chars.array(), '\0');
            return Identity.parse(text, file.toString());
        } catch (CharacterCodingException e) {
            throw new VaultException(VaultException.Kind.NO_ACCESS,
                    "identity file \"" + file + "\" is not text", "an identity file holds AGE-SECRET-KEY-1… lines");
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (text != null) {
                Arrays.fill(text, '\0');
            }
        }
    }

    /** Writes a new identity file: exclusive create, mode 0600, parent folders 0700. */
    public static void create(Path file, NewIdentity identity) throws VaultException {
        try {
            AtomicFiles.createFolders(file.toAbsolutePath().getParent());
            AtomicFiles.createExclusive(file, identity.fileContent().reveal());
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw VaultException.failed("identity file \"" + file + "\" already exists",
                    "choose another file with -o, or keep using the one that is there");
        } catch (IOException e) {
            throw VaultException.failed("cannot write identity file \"" + file + "\": " + e.getMessage());
        }
    }
}
