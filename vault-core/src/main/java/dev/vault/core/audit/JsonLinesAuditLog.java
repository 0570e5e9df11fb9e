package dev.vault.core.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.vault.core.VaultException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends one JSON object a line to {@code audit/audit.log}: under an exclusive file lock (taken in
 * bounded time), one write, then fsync. The file must exist (the vault creates it); a missing log is an
 * error, never silently started afresh.
 */
public final class JsonLinesAuditLog implements AuditLog {
    private static final long LOCK_WAIT_MILLIS = 10_000;
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final Actor actor;
    private final Clock clock;

    public JsonLinesAuditLog(Path file, Actor actor, Clock clock) {
        this.file = file;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public void append(AuditEvent event) throws VaultException {
        byte[] line = render(event);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
             FileLock lock = lock(channel)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (NoSuchFileException e) {
            throw failure("the audit log \"" + file + "\" is missing", e);
        } catch (IOException | RuntimeException e) {
            throw failure("cannot write the audit log \"" + file + "\": " + describe(e), e);
        }
    }

    private FileLock lock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT_MILLIS * 1_000_000;
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("its lock was not released within " + LOCK_WAIT_MILLIS / 1000 + " seconds");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for its lock");
            }
        }
    }

    private byte[] render(AuditEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("time", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
            json.writeObjectFieldStart("actor");
            json.writeStringField("user", actor.user());
            json.writeStringField("host", actor.host());
            json.writeNumberField("pid", actor.pid());
            if (event.identity() != null) {
                json.writeStringField("identity", event.identity());
            }
            if (actor.agent() != null) {
                json.writeStringField("agent", actor.agent());
            }
            json.writeEndObject();
            json.writeStringField("action", event.action());
            if (event.secret() != null) {
                json.writeStringField("secret", event.secret());
            }
            if (event.version() != null) {
                json.writeNumberField("version", event.version());
            }
            if (event.purpose() != null) {
                json.writeStringField("purpose", event.purpose());
            }
            json.writeStringField("result", event.result().label());
            if (event.reason() != null) {
                json.writeStringField("reason", event.reason());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("rendering an audit entry in memory failed", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException && ((java.nio.file.FileSystemException) e).getReason() != null) {
            return ((java.nio.file.FileSystemException) e).getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static VaultException failure(String message, Exception cause) {
        return new VaultException(VaultException.Kind.AUDIT, message + "; nothing was released or changed",
                "the vault records every access before it happens; make the audit log writable, then retry", cause);
    }
}
