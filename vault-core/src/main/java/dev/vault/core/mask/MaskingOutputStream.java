package dev.vault.core.mask;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes what it is given to another stream with every occurrence of a {@link Masker}'s forms replaced
 * by {@code [masked:NAME]}, however the bytes are split across {@code write} calls.
 *
 * <p>How: the bytes run through an Aho–Corasick automaton. After each write, everything is passed on
 * except the longest suffix that is a prefix of some form (only those bytes could still be part of a
 * match); those are held back until later bytes settle them, or until {@link #finish()}. A match marks
 * its bytes; overlapping matches mask the union, written as one marker named after the match that
 * starts first (of two that start together, the longer). Matches that only touch get a marker each.
 * Every byte not masked is passed on as it came: escape sequences, invalid UTF-8, {@code \r}. The
 * cost is linear in the bytes written, and nothing is allocated per byte.
 *
 * <p>Not thread-safe: one stream per writer.
 */
public final class MaskingOutputStream extends OutputStream {
    private static final int INITIAL_CAPACITY = 8192;

    private final OutputStream out;
    private final Automaton automaton;
    private final byte[][] markers;
    private final byte[] one = new byte[1];

    /** Bytes taken but not yet passed on or masked: window[windowStart, windowEnd), from position emitted. */
    private byte[] window;
    private int windowStart;
    private int windowEnd;
    private long emitted;
    private long position;
    private int state = Automaton.start();

    /** Masked spans [start, end) not yet wholly passed, in order, disjoint; shown: their marker is written. */
    private long[] spanStarts = new long[16];
    private long[] spanEnds = new long[16];
    private int[] spanNames = new int[16];
    private boolean[] spanShown = new boolean[16];
    private int spanHead;
    private int spanTail;
    private boolean closed;

    MaskingOutputStream(OutputStream out, Automaton automaton, byte[][] markers) {
        this.out = out;
        this.automaton = automaton;
        this.markers = markers;
        this.window = new byte[Math.max(INITIAL_CAPACITY, 2 * automaton.longest())];
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        reserve(length);
        int s = state;
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            window[windowEnd++] = b;
            position++;
            s = automaton.next(s, b & 0xff);
            int matched = automaton.matchLength(s);
            if (matched > 0) {
                addSpan(position - matched, position, automaton.matchName(s));
            }
        }
        state = s;
        release(position - automaton.depth(s));
    }

    /** Passes on the bytes that are settled and flushes; bytes that could begin a match stay held back. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /**
     * Ends the output: passes on the held-back bytes as they are (no match can be completed now) and
     * flushes, without closing the stream below. Writing after this starts afresh: no match spans it.
     */
    public void finish() throws IOException {
        release(position);
        state = Automaton.start();
        out.flush();
    }

    /** {@link #finish()}, then closes the stream below. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            finish();
        } finally {
            closed = true;
            Arrays.fill(window, (byte) 0);
            out.close();
        }
    }

    /** Passes on, or masks, every byte before position {@code until}. */
    private void release(long until) throws IOException {
        while (emitted < until) {
            if (spanHead < spanTail && spanStarts[spanHead] <= emitted) {
                if (!spanShown[spanHead]) {
                    out.write(markers[spanNames[spanHead]]);
                    spanShown[spanHead] = true;
                }
                long to = Math.min(spanEnds[spanHead], until);
                windowStart += (int) (to - emitted);
                emitted = to;
                if (emitted == spanEnds[spanHead]) {
                    spanHead++;
                }
            } else {
                long to = spanHead < spanTail ? Math.min(spanStarts[spanHead], until) : until;
                int count = (int) (to - emitted);
                out.write(window, windowStart, count);
                windowStart += count;
                emitted = to;
            }
        }
        if (spanHead == spanTail) {
            spanHead = 0;
            spanTail = 0;
        }
    }

    /** Marks [start, end) as masked, merged with the spans it overlaps (every one ends at or before end). */
    private void addSpan(long start, long end, int name) {
        long mergedStart = start;
        int mergedName = name;
        boolean shown = false;
        while (spanTail > spanHead && spanEnds[spanTail - 1] > start) {
            spanTail--;
            if (spanStarts[spanTail] < mergedStart) {
                mergedStart = spanStarts[spanTail];
                mergedName = spanNames[spanTail];
                shown = spanShown[spanTail];
            }
        }
        if (spanTail == spanStarts.length) {
            makeRoomForSpan();
        }
        spanStarts[spanTail] = mergedStart;
        spanEnds[spanTail] = end;
        spanNames[spanTail] = mergedName;
        spanShown[spanTail] = shown;
        spanTail++;
    }

    private void makeRoomForSpan() {
        int live = spanTail - spanHead;
        if (live <= spanStarts.length / 2) {
            System.arraycopy(spanStarts, spanHead, spanStarts, 0, live);
            System.arraycopy(spanEnds, spanHead, spanEnds, 0, live);
            System.arraycopy(spanNames, spanHead, spanNames, 0, live);
            System.arraycopy(spanShown, spanHead, spanShown, 0, live);
        } else {
            int capacity = spanStarts.length * 2;
            spanStarts = copy(spanStarts, spanHead, live, capacity);
            spanEnds = copy(spanEnds, spanHead, live, capacity);
            int[] names = new int[capacity];
            System.arraycopy(spanNames, spanHead, names, 0, live);
            spanNames = names;
            boolean[] shownFlags = new boolean[capacity];
            System.arraycopy(spanShown, spanHead, shownFlags, 0, live);
            spanShown = shownFlags;
        }
        spanHead = 0;
        spanTail = live;
    }

    private static long[] copy(long[] from, int start, int length, int capacity) {
        long[] to = new long[capacity];
        System.arraycopy(from, start, to, 0, length);
        return to;
    }

    /**
     * Makes room for {@code length} more bytes: moves the held bytes to the front when that frees at least
     * half the window, else grows it, so each byte is moved a constant number of times on average.
     */
    private void reserve(int length) {
        if (windowEnd + length <= window.length) {
            return;
        }
        int held = windowEnd - windowStart;
        byte[] target = window;
        if ((long) held + length > window.length / 2) {
            long capacity = 2L * ((long) held + length);
            if (capacity > Integer.MAX_VALUE - 8) {
                capacity = Integer.MAX_VALUE - 8;
            }
            target = new byte[(int) capacity];
        }
        System.arraycopy(window, windowStart, target, 0, held);
        if (target != window) {
            Arrays.fill(window, (byte) 0);
            window = target;
        }
        windowStart = 0;
        windowEnd = held;
    }
}
