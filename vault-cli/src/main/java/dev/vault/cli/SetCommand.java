package dev.vault.cli;

import dev.vault.core.SecretBytes;
import dev.vault.core.SecretName;
import dev.vault.core.VaultException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "set", description = {
        "Store a value read from stdin (or --from-file), never from the command line.",
        "The current value is kept as an earlier version. A new secret needs --purpose."})
final class SetCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Parameters(paramLabel = "NAME", description = "Secret name, such as db/password.")
    String name;

    @Option(names = "--purpose", paramLabel = "TEXT", description = "What the secret is for (kept in the manifest).")
    String purpose;

    @Option(names = "--env", paramLabel = "VAR", description = "The variable `vault exec` sets from it.")
    String env;

    @Option(names = "--from-file", paramLabel = "FILE", description = "Read the value from FILE instead of stdin.")
    String fromFile;

    @Override
    public Integer call() throws VaultException {
        SecretName secret = SecretName.of(name);
        try (SecretBytes value = readValue(secret)) {
            int version = root.openVault().set(secret, value, purpose, env);
            root.io.out.println("stored " + secret + " version " + version);
        }
        return ExitCodes.OK;
    }

    private SecretBytes readValue(SecretName secret) throws VaultException {
        if (fromFile != null) {
            Path file = root.io.resolve(fromFile);
            try {
                return SecretBytes.wrap(Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                throw VaultException.failed("no file \"" + file + "\" to read the value from");
            } catch (IOException e) {
                throw VaultException.failed("cannot read \"" + file + "\": " + e.getMessage());
            }
        }
        if (root.io.console != null) {
            char[] typed = root.io.console.readPassword("value for %s (not echoed): ", secret);
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
            return SecretBytes.wrap(root.io.in.readAllBytes());
        } catch (IOException e) {
            throw VaultException.failed("cannot read the value from stdin: " + e.getMessage());
        }
    }
}
