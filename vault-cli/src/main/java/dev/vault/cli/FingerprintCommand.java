package dev.vault.cli;

import dev.vault.core.SecretBytes;
import dev.vault.core.SecretName;
import dev.vault.core.Vault;
import dev.vault.core.VaultException;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "fingerprint", description = {
        "Print a keyed fingerprint (vfp1:…) of a secret's value, or of stdin, to compare values unseen.",
        "Fingerprints are keyed by this vault and your identity: compare ones made with the same identity.",
        "Needs the identity, also for --stdin. Recorded in the audit log."})
final class FingerprintCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "NAME", description = "Secret name.")
        String name;

        @Option(names = "--stdin", description = "Fingerprint the value on stdin (its exact bytes) instead.")
        boolean stdin;
    }

    @Option(names = "--trim-newline",
            description = "With --stdin: drop one line ending (\\n or \\r\\n) at the end, as printenv, echo and docker exec -t add.")
    boolean trimNewline;

    @Option(names = "--purpose", paramLabel = "TEXT", description = "Why, for the audit log.")
    String purpose;

    @Override
    public Integer call() throws VaultException {
        Vault vault = root.openVault();
        String statedPurpose = root.statedPurpose(purpose);
        String fingerprint;
        if (source.stdin) {
            byte[] bytes = readStdin();
            int length = bytes.length;
            if (trimNewline && length > 0 && bytes[length - 1] == '\n') {
                length -= length > 1 && bytes[length - 2] == '\r' ? 2 : 1;
            } else if (length > 0 && bytes[length - 1] == '\n') {
                root.io.err.println("vault: note: the value ends with a newline, which is part of what is fingerprinted;"
                        + " if printenv or echo added it, use --trim-newline");
            }
            try (SecretBytes value = SecretBytes.wrap(Arrays.copyOf(bytes, length))) {
                Arrays.fill(bytes, (byte) 0);
                fingerprint = vault.fingerprintOf(value, root.identity(), statedPurpose);
            }
        } else {
            fingerprint = vault.fingerprint(SecretName.of(source.name), root.identity(), statedPurpose);
        }
        root.io.out.println(fingerprint);
        return ExitCodes.OK;
    }

    private byte[] readStdin() throws VaultException {
        try {
            return root.io.in.readAllBytes();
        } catch (IOException e) {
            throw VaultException.failed("cannot read stdin: " + e.getMessage());
        }
    }
}
