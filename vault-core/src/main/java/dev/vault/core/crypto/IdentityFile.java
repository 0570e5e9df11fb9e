package dev.vault.core.crypto;

import dev.vault.core.AtomicFiles;
import dev.vault.core.PrivateFile;
import dev.vault.core.SecretBytes;
import dev.vault.core.ShellWords;
import dev.vault.core.VaultException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads identity files as ssh reads keys: a file that group or others can read is refused. An identity file
 * may itself be an age file encrypted with a passphrase (scrypt), as {@code age -p} writes: its passphrase
 * is asked for through a {@link PassphrasePrompt}.
 */
public final class IdentityFile {
    private static final byte[] BINARY_HEADER = "age-encryption.org/v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ARMOR_HEADER = "-----BEGIN AGE ENCRYPTED FILE-----".getBytes(StandardCharsets.US_ASCII);

    /** As age: an identity file is a few keys, never megabytes. */
    private static final long MAX_SIZE = 16L << 20;

    private IdentityFile() {
    }

    /** Reads a plain identity file; a passphrase-encrypted one is refused with a hint. */
    public static Identity read(Path file) throws VaultException {
        return read(file, PassphrasePrompt.NONE);
    }

    public static Identity read(Path file, PassphrasePrompt prompt) throws VaultException {
        PrivateFile identityFile = new PrivateFile(file, "identity file", VaultException.Kind.NO_ACCESS);
        identityFile.requireOwnerOnly("no identity file at \"" + file + "\"",
                "name yours with -i/--identity FILE or VAULT_IDENTITY; or make one with `vault identity new NAME -o "
                        + ShellWords.quote(file.toString()) + "` and ask a reader to run `vault grant SECRET NAME`",
                "a private key must be readable by its owner only: chmod 600 " + ShellWords.quote(file.toString()));
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw identityFile.cannotRead(e.getMessage());
        }
        if (size > MAX_SIZE) {
            throw new VaultException(VaultException.Kind.NO_ACCESS, "identity file \"" + file + "\" is " + size
                    + " bytes; an identity file is a few lines", "check -i/--identity or VAULT_IDENTITY");
        }
        byte[] bytes = identityFile.readAll();
        if (startsWith(bytes, BINARY_HEADER) || startsWith(bytes, ARMOR_HEADER)) {
            byte[] plain = null;
            try {
                plain = decryptWithPassphrase(file, bytes, prompt);
                return parse(file, plain);
            } finally {
                Arrays.fill(bytes, (byte) 0);
                if (plain != null) {
                    Arrays.fill(plain, (byte) 0);
                }
            }
        }
        try {
            return parse(file, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Opens an identity file encrypted with a passphrase; the message names the file, never the passphrase. */
    private static byte[] decryptWithPassphrase(Path file, byte[] encrypted, PassphrasePrompt prompt)
            throws VaultException {
        char[] passphrase = prompt.passphraseFor(file);
        try {
            Identity identity = Identity.ofPassphrases(List.of(passphrase), ScryptStanzas.MAX_WORK_FACTOR,
                    file.toString());
            try (SecretBytes plain = AgeCodec.decrypt(encrypted, identity, startsWith(encrypted, ARMOR_HEADER))) {
                return plain.reveal().clone();
            }
        } catch (DecryptException e) {
            if (e.getCause() instanceof WrongPassphraseException) {
                throw new VaultException(VaultException.Kind.NO_ACCESS,
                        "wrong passphrase for identity file \"" + file + "\"",
                        "check the passphrase: typed, or the first line of the file VAULT_PASSPHRASE_FILE names");
            }
            if (e.failure() == DecryptException.Failure.NO_MATCH) {
                throw new VaultException(VaultException.Kind.NO_ACCESS,
                        "identity file \"" + file + "\" is an age file, but not encrypted with a passphrase",
                        "an identity file holds AGE-SECRET-KEY-… lines, or is those lines encrypted with `age -p`");
            }
            String detail = e.getCause() instanceof MalformedStanzaException ? e.getCause().getMessage()
                    : e.failure().description();
            throw new VaultException(VaultException.Kind.NO_ACCESS,
                    "identity file \"" + file + "\" is encrypted, but " + detail, null);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static Identity parse(Path file, byte[] bytes) throws VaultException {
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
