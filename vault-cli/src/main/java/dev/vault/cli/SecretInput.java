package dev.vault.cli;

import dev.vault.core.SecretBytes;
import dev.vault.core.SecretName;
import dev.vault.core.VaultException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** A value to store: from a file, typed without echo on a terminal, or read from stdin; never from argv. */
final class SecretInput {
    private SecretInput() {
    }

    static SecretBytes read(Io io, String fromFile, SecretName secret) throws VaultException {
        if (fromFile != null) {
            Path file = io.resolve(fromFile);
            try {
                return SecretBytes.wrap(Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                throw VaultException.failed("no file \"" + file + "\" to read the value from");
            } catch (IOException e) {
                throw VaultException.failed("cannot read \"" + file + "\": " + e.getMessage());
            }
        }
        if (io.console() != null) {
            char[] typed = io.console().readPassword("value for %s (not echoed): ", secret);
            if (typed == null) {
                return SecretBytes.wrap(new byte[0]);
            }
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(typed));
            Arrays.fill(typed, '\0');
            byte[] bytes = Arrays.copyOf(encoded.array(), encoded.limit());
            Arrays.fill(encoded.array(), (byte) 0);
            return SecretBytes.wrap(bytes);
        }
        try {
            return SecretBytes.wrap(io.in.readAllBytes());
        } catch (IOException e) {
            throw VaultException.failed("cannot read the value from stdin: " + e.getMessage());
        }
    }
}
