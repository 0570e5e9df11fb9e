package dev.vault.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where a vault keeps its parts, below its root folder. */
public final class VaultPaths {
    public static final String DEFAULT_FOLDER = ".vault";

    private final Path root;

    private VaultPaths(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static VaultPaths of(Path root) {
        return new VaultPaths(root);
    }

    /** The nearest {@code .vault/} with a manifest from {@code start} upward, or null. */
    public static VaultPaths findFrom(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DEFAULT_FOLDER);
            if (Files.isRegularFile(candidate.resolve("manifest.yaml"))) {
                return new VaultPaths(candidate);
            }
        }
        return null;
    }

    public Path root() {
        return root;
    }

    public Path manifest() {
        return root.resolve("manifest.yaml");
    }

    public Path secrets() {
        return root.resolve("secrets");
    }

    public Path auditFolder() {
        return root.resolve("audit");
    }

    /** The lock that serialises changes to the store and manifest between processes. */
    public Path lock() {
        return root.resolve(".lock");
    }

    public boolean exists() {
        return Files.isRegularFile(manifest());
    }
}
