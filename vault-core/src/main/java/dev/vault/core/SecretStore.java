package dev.vault.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The age files of a vault: {@code secrets/<name>.age} holds the current value, {@code <name>.age.v<N>}
 * each earlier one. The current file's version is one more than the newest earlier version. Package
 * private: only {@link Vault}, which records every access, reaches it.
 */
final class SecretStore {
    private static final String SUFFIX = ".age";
    private static final String VERSION_INFIX = ".age.v";
    private static final String RECIPIENTS_SUFFIX = ".age.recipients";

    private final Path folder;

    SecretStore(Path folder) {
        this.folder = folder;
    }

    Path current(SecretName name) {
        return folder.resolve(name + SUFFIX);
    }

    Path version(SecretName name, int version) {
        return folder.resolve(name + VERSION_INFIX + version);
    }

    /**
     * The record of the recipients the current file was last encrypted to: age X25519 stanzas do not
     * say whom they are for. One recipient a line, sorted. Deleted before the file changes and written
     * after it, so a crash between the two leaves no record (drift, which rekey mends), never a wrong one.
     */
    Path recipientsRecord(SecretName name) {
        return folder.resolve(name + RECIPIENTS_SUFFIX);
    }

    /** The recipients recorded for the current file, or null when none are recorded. */
    SortedSet<String> recordedRecipients(SecretName name) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(recipientsRecord(name), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        SortedSet<String> recipients = new TreeSet<>();
        for (String line : lines) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                recipients.add(line);
            }
        }
        return recipients;
    }

    void recordRecipients(SecretName name, Collection<String> recipients) throws IOException {
        StringBuilder text = new StringBuilder("# the recipients ").append(name)
                .append(".age was last encrypted to, written by vault\n");
        for (String recipient : new TreeSet<>(recipients)) {
            text.append(recipient).append('\n');
        }
        AtomicFiles.write(recipientsRecord(name), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Deletes the record before the file it describes changes: a crash then leaves no record, which reads
     * as drift, never an old record that hides a reader of the new file.
     */
    void forgetRecipients(SecretName name) throws IOException {
        if (Files.deleteIfExists(recipientsRecord(name))) {
            AtomicFiles.syncFolder(recipientsRecord(name).getParent());
        }
    }

    /** Replaces the current file with the same value encrypted again; the version stays. */
    void replaceCurrent(SecretName name, byte[] ageFile) throws IOException {
        AtomicFiles.write(current(name), ageFile);
    }

    boolean exists(SecretName name) {
        return Files.isRegularFile(current(name));
    }

    /** The earlier versions kept for {@code name}, oldest first. */
    List<Integer> earlierVersions(SecretName name) throws IOException {
        Path file = current(name);
        Path dir = file.getParent();
        String prefix = file.getFileName() + ".v";
        List<Integer> versions = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return versions;
        }
        try (Stream<Path> listing = Files.list(dir)) {
            listing.forEach(path -> {
                String leaf = path.getFileName().toString();
                if (leaf.startsWith(prefix) && leaf.length() > prefix.length()
                        && leaf.substring(prefix.length()).chars().allMatch(c -> c >= '0' && c <= '9')
                        && leaf.length() - prefix.length() < 10) {
                    versions.add(Integer.parseInt(leaf.substring(prefix.length())));
                }
            });
        }
        versions.sort(null);
        return versions;
    }

    /** The version number of the current file, or 0 when there is none. */
    int currentVersion(SecretName name) throws IOException {
        if (!exists(name)) {
            return 0;
        }
        return newestEarlier(name) + 1;
    }

    private int newestEarlier(SecretName name) throws IOException {
        List<Integer> earlier = earlierVersions(name);
        return earlier.isEmpty() ? 0 : earlier.get(earlier.size() - 1);
    }

    /**
     * The file that holds {@code version} of {@code name}, or null when there is no such version.
     *
     * @param current the current version, as {@link #currentVersion} gave it (0: none)
     */
    Path fileOf(SecretName name, int version, int current) {
        if (version == current && current > 0) {
            return current(name);
        }
        Path file = version(name, version);
        return version > 0 && Files.isRegularFile(file) ? file : null;
    }

    byte[] read(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    FileTime changed(Path file) throws IOException {
        return Files.getLastModifiedTime(file);
    }

    /** The next version's number: one past the current file, or past the newest earlier one. */
    int nextVersion(SecretName name) throws IOException {
        return exists(name) ? currentVersion(name) + 1 : newestEarlier(name) + 1;
    }

    /**
     * Writes the new age file beside its place, not yet visible. {@link PendingWrite#commit} keeps the
     * current file as an earlier version and moves the new one in; {@link PendingWrite#abort} removes it.
     */
    PendingWrite prepare(SecretName name, byte[] ageFile) throws IOException {
        Path target = current(name);
        AtomicFiles.createFolders(target.getParent());
        return new PendingWrite(name, AtomicFiles.writeTemp(target, ageFile));
    }

    /** Makes the current value an earlier version; the file stays until {@link #purge}. */
    void remove(SecretName name) throws IOException {
        int version = currentVersion(name);
        Path current = current(name);
        Files.move(current, version(name, version), StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(recipientsRecord(name));
        AtomicFiles.syncFolder(current.getParent());
    }

    /** Deletes the current value and every earlier version. Returns how many files were deleted. */
    int purge(SecretName name) throws IOException {
        int deleted = 0;
        for (int version : earlierVersions(name)) {
            Files.delete(version(name, version));
            deleted++;
        }
        if (Files.deleteIfExists(current(name))) {
            deleted++;
        }
        Files.deleteIfExists(recipientsRecord(name));
        AtomicFiles.syncFolder(current(name).getParent());
        return deleted;
    }

    /**
     * Deletes the temporary files an interrupted write left behind (hidden, named {@code .<file>.tmp-<hex>}).
     * Only safe under the vault lock, which every writer holds. Returns how many were deleted.
     */
    int removeStaleTemps() throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> stale;
        try (Stream<Path> walk = Files.walk(folder)) {
            stale = walk.filter(path -> StaleTemp.PATTERN.matcher(path.getFileName().toString()).matches()
                    && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path path : stale) {
            Files.deleteIfExists(path);
        }
        return stale.size();
    }

    /** Compiled on first use: a reader never needs it, and the regex engine costs a {@code get}'s start-up. */
    private static final class StaleTemp {
        static final Pattern PATTERN = Pattern.compile("\\.[^/]+\\.age(\\.v[0-9]+|\\.recipients)?\\.tmp-[0-9a-f]+");
    }

    /** Every secret that has a current value, by name. */
    List<SecretName> names() throws IOException {
        List<SecretName> names = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return names;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(path -> {
                String relative = folder.relativize(path).toString();
                if (relative.endsWith(SUFFIX)) {
                    String name = relative.substring(0, relative.length() - SUFFIX.length());
                    if (SecretName.isValid(name)) {
                        names.add(secretName(name));
                    }
                }
            });
        }
        names.sort(null);
        return names;
    }

    private static SecretName secretName(String valid) {
        try {
            return SecretName.of(valid);
        } catch (VaultException e) {
            throw new IllegalStateException("checked name no longer valid", e);
        }
    }

    /** A new value written beside the current one, waiting to be moved into place. */
    final class PendingWrite {
        private final SecretName name;
        private final Path temp;

        private PendingWrite(SecretName name, Path temp) {
            this.name = name;
            this.temp = temp;
        }

        void commit() throws IOException {
            Path current = current(name);
            if (Files.isRegularFile(current)) {
                Path keep = version(name, currentVersion(name));
                try {
                    AtomicFiles.write(keep, Files.readAllBytes(current));
                } catch (NoSuchFileException e) {
                    throw new IOException("\"" + current + "\" vanished while it was being replaced", e);
                }
            }
            AtomicFiles.moveIntoPlace(temp, current);
        }

        void abort() {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray hidden temp file is harmless and is named for what it is
            }
        }
    }
}
