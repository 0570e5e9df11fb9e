package dev.vault.cli;

import dev.vault.core.SecretBytes;
import dev.vault.core.crypto.AgeCodec;
import dev.vault.core.crypto.Identity;
import dev.vault.core.crypto.IdentityFile;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The crypto of {@code vault get} alone, run by {@link ClassLoadingIT} on the built jar: reads an identity
 * file and decrypts an age file with it, {@code IDENTITY_FILE AGE_FILE}, and prints the value.
 */
public final class X25519DecryptProcess {
    private X25519DecryptProcess() {
    }

    public static void main(String[] args) throws Exception {
        Identity identity = IdentityFile.read(Path.of(args[0]));
        try (SecretBytes value = AgeCodec.decrypt(Files.readAllBytes(Path.of(args[1])), identity, false)) {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println(new String(value.reveal(), StandardCharsets.UTF_8));
        }
    }
}
