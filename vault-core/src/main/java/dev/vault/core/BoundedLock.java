package dev.vault.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a lock file, between processes (an OS file lock) and between threads of this JVM
 * (which share one OS lock per file, so they are told apart by the real path of its folder), taken within a
 * bounded wait or not at all. A lock file that is a symbolic link is refused.
 */
public final class BoundedLock implements AutoCloseable {
    /** The lock was not released by its holder within the wait. */
    public static final class TimeoutException extends IOException {
        TimeoutException(String message) {
            super(message);
        }
    }

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threads;
    private final FileChannel channel;
    private final FileLock lock;

    private BoundedLock(ReentrantLock threads, FileChannel channel, FileLock lock) {
        this.threads = threads;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code file} (created with mode 0600 if missing), waiting at most {@code waitMillis}. */
    public static BoundedLock acquire(Path file, long waitMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        Path parent = file.toAbsolutePath().getParent();
        Path key = parent.toRealPath().resolve(file.getFileName());
        ReentrantLock threads = threadsLock(key);
        try {
            if (!threads.tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
                throw timeout(waitMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the lock");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(AtomicFiles.FILE_MODE));
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new BoundedLock(threads, channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw timeout(waitMillis);
                }
                Thread.sleep(2);
            }
        } catch (IOException | RuntimeException e) {
            release(threads, channel);
            throw e;
        } catch (InterruptedException e) {
            release(threads, channel);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the lock");
        }
    }

    /**
     * The lock between this JVM's threads for {@code key}. Not computeIfAbsent: a lambda there would be the
     * first of a {@code vault get}, and the first lambda sets up LambdaMetafactory (milliseconds on a cold JVM).
     */
    private static ReentrantLock threadsLock(Path key) {
        ReentrantLock existing = IN_PROCESS.get(key);
        if (existing != null) {
            return existing;
        }
        ReentrantLock created = new ReentrantLock();
        existing = IN_PROCESS.putIfAbsent(key, created);
        return existing != null ? existing : created;
    }

    private static TimeoutException timeout(long waitMillis) {
        return new TimeoutException("it was not released within " + formatWait(waitMillis));
    }

    private static String formatWait(long millis) {
        return millis % 1000 != 0 ? millis + " ms" : millis / 1000 + (millis == 1000 ? " second" : " seconds");
    }

    private static void release(ReentrantLock threads, FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing the channel drops its lock; nothing more to do
        } finally {
            threads.unlock();
        }
    }

    @Override
    public void close() {
        release(threads, channel);
    }
}
