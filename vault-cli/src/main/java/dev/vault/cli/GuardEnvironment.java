package dev.vault.cli;

import dev.vault.core.VaultException;
import dev.vault.core.VaultPaths;
import dev.vault.core.guard.GuardContext;
import dev.vault.core.manifest.Manifest;
import dev.vault.core.manifest.ManifestReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the guard knows about where a command runs: home, folder, the vault found as other commands find
 * it (--vault, $VAULT_DIR, else the nearest .vault/ from the command's folder), the manifest's secret and
 * env names, and the key files to protect. Reading the manifest is the one costly step (YAML, about 30 ms
 * on a cold JVM); without a vault the guard works with its built-in rules alone.
 */
final class GuardEnvironment {
    private final VaultCommand root;

    GuardEnvironment(VaultCommand root) {
        this.root = root;
    }

    Path home() {
        String home = root.io.env.get("HOME");
        return root.io.resolve(home != null && !home.isEmpty() ? home : System.getProperty("user.home"));
    }

    /** The folder a command runs in: the agent's, when it names an absolute one, else this process's. */
    Path cwd(String stated) {
        if (stated != null && !stated.isEmpty()) {
            try {
                Path path = Path.of(stated);
                if (path.isAbsolute()) {
                    return path.normalize();
                }
            } catch (java.nio.file.InvalidPathException e) {
                return root.io.cwd;
            }
        }
        return root.io.cwd;
    }

    /** The vault for a command run in {@code cwd}, or null when there is none (then nothing is audited). */
    VaultPaths vault(Path cwd) {
        VaultPaths explicit = root.explicitVaultPaths();
        VaultPaths found = explicit != null ? explicit : VaultPaths.findFrom(cwd);
        return found != null && found.exists() ? found : null;
    }

    /**
     * The vault for a command an agent runs in {@code cwd}, else the one of the folder the hook runs in
     * (usually the project's): a deny is better recorded there than nowhere.
     */
    VaultPaths vault(Path cwd, Path hookFolder) {
        VaultPaths vault = vault(cwd);
        return vault != null || cwd.equals(hookFolder) ? vault : vault(hookFolder);
    }

    GuardContext context(Path cwd, VaultPaths vault) throws VaultException {
        Set<String> envNames = new LinkedHashSet<>();
        Set<String> secretNames = new LinkedHashSet<>();
        if (vault != null) {
            Manifest manifest = ManifestReader.read(vault.manifest());
            for (Manifest.SecretEntry secret : manifest.secrets()) {
                secretNames.add(secret.name());
                if (secret.env() != null) {
                    envNames.add(secret.env());
                }
            }
        }
        return new GuardContext(home(), cwd, Set.copyOf(envNames), Set.copyOf(secretNames), protectedPaths(),
                vault == null ? null : vault.root());
    }

    /**
     * Every key file vault can know of: the identity in use (-i, else $VAULT_IDENTITY, else the default),
     * each of those three when set, the passphrase file, and the audit checkpoint signing key.
     */
    List<Path> protectedPaths() {
        Set<Path> paths = new LinkedHashSet<>();
        paths.add(root.identityPath());
        if (root.identityFile != null) {
            paths.add(root.io.resolve(root.identityFile));
        }
        addNamed(paths, "VAULT_IDENTITY");
        paths.add(root.configFolder().resolve("identity.txt"));
        addNamed(paths, Passphrases.FILE_VARIABLE);
        paths.add(AuditCheckpointCommand.keyFile(root));
        return List.copyOf(new ArrayList<>(paths));
    }

    private void addNamed(Set<Path> paths, String variable) {
        String value = root.io.env.get(variable);
        if (value != null && !value.isEmpty()) {
            paths.add(root.io.resolve(value));
        }
    }
}
