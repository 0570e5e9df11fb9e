package dev.vault.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

/** An exclusive lock across processes on a vault's store and manifest, taken in bounded time. */
final class VaultLock implements AutoCloseable {
    private static final long WAIT_MILLIS = 10_000;

    private final FileChannel channel;
    private final FileLock lock;

    private VaultLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static VaultLock acquire(Path file) throws VaultException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(AtomicFiles.FILE_MODE));
            long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new VaultLock(channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw VaultException.failed("the vault is locked by another process (\"" + file + "\")",
                            "wait for the other vault command to finish, then retry");
                }
                Thread.sleep(5);
            }
        } catch (IOException e) {
            close(channel);
            throw VaultException.failed("cannot lock the vault (\"" + file + "\"): " + e.getMessage());
        } catch (InterruptedException e) {
            close(channel);
            Thread.currentThread().interrupt();
            throw VaultException.failed("interrupted while waiting for the vault lock");
        } catch (VaultException e) {
            close(channel);
            throw e;
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel
            }
        }
    }

    @Override
    public void close() throws VaultException {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw VaultException.failed("cannot release the vault lock: " + e.getMessage());
        }
    }
}
