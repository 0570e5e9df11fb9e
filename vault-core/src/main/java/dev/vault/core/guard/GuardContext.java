package dev.vault.core.guard;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What the guard knows about the place a command runs in.
 *
 * @param home          the user's home folder, for {@code ~} and {@code $HOME}
 * @param cwd           the folder the command runs in, for relative paths
 * @param secretEnvNames the variables the vault's manifest injects ({@code env:}), beside the built-in
 *                      secret-looking names
 * @param secretNames   the names of the vault's secrets
 * @param protectedPaths files whose bytes are key material: the identity file in use, every identity file
 *                      the user named; the vault's folder (and so its store and audit log) is not here
 * @param vaultFolder   the vault's folder, or null when no vault was found
 */
public record GuardContext(Path home, Path cwd, Set<String> secretEnvNames, Set<String> secretNames,
                           List<Path> protectedPaths, Path vaultFolder) {
}
