package dev.vault.cli;

import dev.vault.core.Vault;
import dev.vault.core.VaultException;
import dev.vault.core.VaultPaths;
import dev.vault.core.crypto.IdentityFile;
import dev.vault.core.crypto.NewIdentity;
import dev.vault.core.manifest.ManifestReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "init", description = {
        "Create a vault: .vault/ here (or --vault DIR) with manifest.yaml, secrets/ and audit/.",
        "Makes your identity if there is none yet (mode 0600) and prints its recipient:",
        "X25519 unless --pq; --passphrase encrypts its file with a passphrase."})
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    VaultCommand root;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The name your identity gets in the manifest (default: your user name).")
    String name;

    @Mixin
    NewKeyOptions key;

    @Override
    public Integer call() throws VaultException {
        // not the nearest vault upward: init makes one here unless told where
        VaultPaths explicit = root.explicitVaultPaths();
        VaultPaths paths = explicit != null ? explicit : VaultPaths.of(root.io.cwd.resolve(VaultPaths.DEFAULT_FOLDER));
        if (paths.exists()) {
            throw VaultException.failed("a vault already exists at \"" + paths.root() + "\"; refusing to overwrite it",
                    "use it as it is, or pick another folder with --vault DIR");
        }
        String identityName = name != null ? name : defaultName();
        if (!ManifestReader.isIdentityName(identityName)) {
            throw VaultException.failed("invalid identity name \"" + identityName + "\"",
                    "use lowercase a-z, 0-9, '.', '_' and '-': vault init --name NAME");
        }
        Path identityPath = root.identityPath();
        String recipient;
        boolean created = false;
        if (Files.exists(identityPath)) {
            if (key.any()) {
                throw VaultException.failed("--pq and --passphrase make a new identity, and there is one at \""
                        + identityPath + "\"", "init uses it as it is: run without them, or name a new file with "
                        + "-i/--identity FILE");
            }
            recipient = IdentityFile.read(identityPath, new Passphrases(root.io).prompt()).recipient();
        } else {
            NewIdentity identity = key.generate(root.io, identityPath);
            try {
                IdentityFile.create(identityPath, identity);
            } finally {
                identity.fileContent().close();
            }
            recipient = identity.recipient();
            created = true;
        }
        try {
            Vault.create(paths, identityName, recipient, root.auditLog(paths));
        } catch (VaultException e) {
            if (created) {
                deleteQuietly(identityPath);
            }
            throw e;
        }
        root.io.out.println("created vault " + paths.root());
        root.io.out.println((created ? "created " + key.kind() + " " : "using identity ") + identityPath
                + (created ? " (mode 0600" + key.protection() + ", keep it private)" : ""));
        root.io.out.println("recorded \"" + identityName + "\" in the manifest with recipient:");
        root.io.out.println(recipient);
        return ExitCodes.OK;
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException ignored) {
            // best effort: the file is new and unused
        }
    }

    private String defaultName() {
        String user = root.io.env.getOrDefault("USER", System.getProperty("user.name", "me"));
        String cleaned = user.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        return cleaned.isEmpty() ? "me" : cleaned;
    }
}
