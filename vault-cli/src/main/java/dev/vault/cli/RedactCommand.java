package dev.vault.cli;

import dev.vault.core.Injection;
import dev.vault.core.SecretName;
import dev.vault.core.VaultException;
import dev.vault.core.mask.Masker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "redact", description = {
        "Copy stdin to stdout with every secret value this identity can read masked as [masked:NAME].",
        "Each value's lines and its base64, URL and JSON forms are masked too (docs/masking.md).",
        "Each value read is recorded in the audit log; a secret this identity cannot read is named on stderr "
                + "and not masked."})
final class RedactCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Option(names = "--only", paramLabel = "NAME", split = ",", description = "Mask only these secrets.")
    List<String> only;

    @Option(names = "--purpose", paramLabel = "TEXT", description = "Why you redact with them, for the audit log.")
    String purpose;

    @Override
    public Integer call() throws VaultException {
        List<SecretName> names = null;
        if (only != null) {
            names = new ArrayList<>();
            for (String name : only) {
                names.add(SecretName.of(name));
            }
        }
        List<Injection> values = root.openVault().redactions(names, root.identity(), root.statedPurpose(purpose),
                entry -> root.io.err.println("vault: note: not masking \"" + entry.name()
                        + "\": this identity is not a reader of it"));
        Masker.Builder masks = Masker.builder();
        try {
            for (Injection value : values) {
                masks.add(value.secret().toString(), value.value().reveal());
            }
        } finally {
            values.forEach(Injection::close);
        }
        try (Masker masker = masks.build()) {
            Masking.warnOfUnmasked(masker, root.io.err, name -> "\"" + name + "\"");
            if (masker.isEmpty()) {
                root.io.err.println("vault: warning: no value to mask: the output is the input as it is");
            }
            boolean written;
            try {
                written = Masking.copy(root.io.in, root.io.out, masker);
            } catch (IOException e) {
                throw VaultException.failed("cannot read stdin: " + e.getMessage());
            }
            if (!written) {
                throw VaultException.failed("cannot write stdout: it was closed before the input ended");
            }
        }
        return ExitCodes.OK;
    }
}
