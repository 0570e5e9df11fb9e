package dev.vault.cli;

import dev.vault.core.PrivateFile;
import dev.vault.core.VaultException;
import dev.vault.core.crypto.PassphrasePrompt;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where the passphrase of an identity file comes from: the file $VAULT_PASSPHRASE_FILE names (for
 * automation), else the terminal without echo; never argv. Each passphrase is a fresh array the caller wipes.
 */
final class Passphrases {
    static final String FILE_VARIABLE = "VAULT_PASSPHRASE_FILE";
    private static final String FILE_HINT = "for automation, set " + FILE_VARIABLE
            + " to a 0600 file holding the passphrase on its first line";

    private final Io io;

    Passphrases(Io io) {
        this.io = io;
    }

    /** Asks for the passphrase of an identity file being read; a refusal is NO_ACCESS, as for the file itself. */
    PassphrasePrompt prompt() {
        return identityFile -> {
            Path source = sourceFile();
            if (source != null) {
                return fromFile(source, VaultException.Kind.NO_ACCESS);
            }
            if (io.console() == null) {
                throw new VaultException(VaultException.Kind.NO_ACCESS, "identity file \"" + identityFile
                        + "\" is encrypted with a passphrase, and there is no terminal to ask for it", FILE_HINT);
            }
            return typed(io.console().readPassword("passphrase for identity file %s: ", identityFile),
                    VaultException.Kind.NO_ACCESS);
        };
    }

    /** The passphrase for a new identity file: from $VAULT_PASSPHRASE_FILE, else typed twice. */
    char[] forNewFile(Path identityFile) throws VaultException {
        Path source = sourceFile();
        if (source != null) {
            return fromFile(source, VaultException.Kind.FAILED);
        }
        if (io.console() == null) {
            throw VaultException.failed("no terminal to ask for a passphrase for the new identity file \""
                    + identityFile + "\"", FILE_HINT);
        }
        char[] first = typed(io.console().readPassword("passphrase for new identity file %s: ", identityFile),
                VaultException.Kind.FAILED);
        char[] again = io.console().readPassword("the same passphrase again: ");
        try {
            if (again == null || !Arrays.equals(first, again)) {
                Arrays.fill(first, '\0');
                throw VaultException.failed("the two passphrases typed differ", "run the command again");
            }
            return first;
        } finally {
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        }
    }

    /** The file $VAULT_PASSPHRASE_FILE names, or null when it is unset or empty. */
    private Path sourceFile() {
        String named = io.env.get(FILE_VARIABLE);
        return named == null || named.isEmpty() ? null : io.resolve(named);
    }

    private static char[] typed(char[] passphrase, VaultException.Kind kind) throws VaultException {
        if (passphrase == null || passphrase.length == 0) {
            throw new VaultException(kind, "no passphrase typed", "type it, then Enter; an empty passphrase is refused");
        }
        return passphrase;
    }

    /** The first line of a passphrase file, without its \n or \r\n; the file is refused as identity files are. */
    private static char[] fromFile(Path file, VaultException.Kind kind) throws VaultException {
        PrivateFile passphraseFile = new PrivateFile(file, "passphrase file", kind);
        passphraseFile.requireOwnerOnly("no passphrase file at \"" + file + "\" (" + FILE_VARIABLE + ")",
                "write the passphrase on the first line of a 0600 file, or unset " + FILE_VARIABLE
                        + " to type it on a terminal",
                "a passphrase must be readable by its owner only: chmod 600 " + file);
        byte[] bytes = passphraseFile.readAll();
        try {
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end < bytes.length && end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
            if (end == 0) {
                throw new VaultException(kind, "passphrase file \"" + file + "\" has an empty first line",
                        "write the passphrase on its first line; an empty passphrase is refused");
            }
            return decode(file, bytes, end, kind);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static char[] decode(Path file, byte[] bytes, int length, VaultException.Kind kind) throws VaultException {
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
        } catch (CharacterCodingException e) {
            throw new VaultException(kind, "passphrase file \"" + file + "\" is not UTF-8 text", null);
        }
        char[] passphrase = new char[chars.remaining()];
        chars.get(passphrase);
        Arrays.fill(chars.array(), '\0');
        return passphrase;
    }
}
