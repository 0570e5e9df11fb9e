package dev.vault.core;

import java.io.IOException;
import java.nio.file.Path;

/** An exclusive lock across processes and threads on a vault's store and manifest, taken in bounded time. */
final class VaultLock implements AutoCloseable {
    private static final long WAIT_MILLIS = 10_000;

    private final BoundedLock lock;

    private VaultLock(BoundedLock lock) {
        this.lock = lock;
    }

    static VaultLock acquire(Path file) throws VaultException {
        try {
            return new VaultLock(BoundedLock.acquire(file, WAIT_MILLIS));
        } catch (BoundedLock.TimeoutException e) {
            throw VaultException.failed("the vault is locked by another process (\"" + file + "\")",
                    "wait for the other vault command to finish, then retry");
        } catch (IOException e) {
            throw VaultException.failed("cannot lock the vault (\"" + file + "\"): " + e.getMessage());
        }
    }

    @Override
    public void close() {
        lock.close();
    }
}
