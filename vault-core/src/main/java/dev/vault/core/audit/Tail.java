package dev.vault.core.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The end of a segment, read backwards from its end only: the last complete line, and the bytes after it
 * that no newline ends (a torn tail). Costs the same however long the segment is.
 */
final class Tail {
    static final int MAX_LINE = 64 * 1024;
    private static final int CHUNK = 4096;

    /** The last complete line without its newline, or null if there is none. */
    final byte[] line;
    /** Where the torn bytes start (the end of the last complete line), and how many there are. */
    final long tornAt;
    final int tornBytes;

    private Tail(byte[] line, long tornAt, int tornBytes) {
        this.line = line;
        this.tornAt = tornAt;
        this.tornBytes = tornBytes;
    }

    static Tail read(FileChannel channel, long size) throws IOException {
        long lastNewline = previousNewline(channel, size, size);
        if (lastNewline < 0) {
            return new Tail(null, 0, (int) Math.min(size, Integer.MAX_VALUE));
        }
        long torn = size - lastNewline - 1;
        if (torn > MAX_LINE) {
            throw new IOException("its last " + torn + " bytes are no entry");
        }
        long lineStart = previousNewline(channel, lastNewline, size) + 1;
        ByteBuffer line = ByteBuffer.allocate((int) (lastNewline - lineStart));
        readFully(channel, line, lineStart);
        return new Tail(line.array(), lastNewline + 1, (int) torn);
    }

    /** The position of the last newline before {@code before}, or -1; looks back at most MAX_LINE bytes. */
    private static long previousNewline(FileChannel channel, long before, long size) throws IOException {
        long floor = Math.max(0, before - MAX_LINE - 1);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        long end = before;
        while (end > floor) {
            long from = Math.max(floor, end - CHUNK);
            chunk.clear().limit((int) (end - from));
            readFully(channel, chunk, from);
            for (int i = (int) (end - from) - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return from + i;
                }
            }
            end = from;
        }
        if (floor > 0) {
            throw new IOException("a line near its end is longer than " + MAX_LINE + " bytes");
        }
        return -1;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("it ended while being read");
            }
            at += read;
        }
    }
}
